import { describe, expect, it } from 'vitest';
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  createEditor,
  UNDO_COMMAND,
  type ElementNode,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { changedBlocks } from './blockSource';

/** A headless editor with history and two paragraphs; returns their keys. */
function twoParagraphs(): { editor: LexicalEditor; first: string; second: string } {
  const editor = createEditor({
    onError: (e) => {
      throw e;
    },
  });
  registerHistory(editor, createEmptyHistoryState(), 0);
  let first = '';
  let second = '';
  editor.update(
    () => {
      const a = $createParagraphNode().append($createTextNode('Strivo zahlt.'));
      const b = $createParagraphNode().append($createTextNode('Almental hält dagegen.'));
      $getRoot().append(a, b);
      first = a.getKey();
      second = b.getKey();
    },
    { discrete: true },
  );
  return { editor, first, second };
}

/** What the autosave listener would be told about the next update (undo commits in a microtask). */
async function nextChange(editor: LexicalEditor, act: () => void): Promise<Set<string> | undefined | 'none'> {
  let seen: Set<string> | undefined | 'none' = 'none';
  const off = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    seen = changedBlocks(editorState, dirtyElements, dirtyLeaves);
  });
  act();
  await new Promise((resolve) => setTimeout(resolve, 0));
  off();
  return seen;
}

describe('changedBlocks', () => {
  it('names only the block a typed change touched', async () => {
    const { editor, second } = twoParagraphs();
    const change = await nextChange(editor, () =>
      editor.update(
        () => $getNodeByKey<ElementNode>(second)!.getFirstChild<TextNode>()!.setTextContent('Almental hält.'),
        { discrete: true },
      ),
    );
    expect(change).toEqual(new Set([second]));
  });

  it('counts every block as changed after an undo, which sets a whole remembered state', async () => {
    const { editor, first } = twoParagraphs();
    editor.update(
      () =>
        $getNodeByKey<ElementNode>(first)!
          .getFirstChild<TextNode>()!
          .setTextContent('Strivo zahlt 7 Millionen.'),
      { discrete: true },
    );
    const change = await nextChange(editor, () => editor.dispatchCommand(UNDO_COMMAND, undefined));
    expect(change).toBeUndefined();
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain('Strivo zahlt.');
  });
});
