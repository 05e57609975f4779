import { describe, expect, it } from 'vitest';
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $createMarkNode } from '@lexical/mark';
import { $claimsAtSelection, $markedClaims, $neighbourClaim } from '../claims/editorMarks';
import { $anchorNewThread, $selectThread, $threadsAtSelection, $threadsInText } from './editorThreads';
import { headlessArticleEditor } from '../editor/headlessEditor.testing';

function newEditor(): LexicalEditor {
  const editor = headlessArticleEditor();
  registerHistory(editor, createEmptyHistoryState(), 0);
  return editor;
}

/** "Strivo zahlt [sieben Millionen Euro] an den SV Rotheide." with the amount marked as a claim. */
function fill(editor: LexicalEditor): void {
  editor.update(
    () => {
      $getRoot()
        .clear()
        .append(
          $createParagraphNode().append(
            $createTextNode('Strivo zahlt '),
            $createMarkNode(['c-amount']).append($createTextNode('sieben Millionen Euro')),
            $createTextNode(' an den SV Rotheide.'),
          ),
        );
    },
    { discrete: true },
  );
}

function select(editor: LexicalEditor, from: number, to: number): void {
  editor.update(
    () => {
      const nodes = $getRoot().getAllTextNodes();
      let offset = 0;
      const point = (at: number) => {
        for (const node of nodes) {
          const size = node.getTextContentSize();
          if (at <= offset + size) return { key: node.getKey(), offset: at - offset };
          offset += size;
        }
        throw new Error(`no text at ${at}`);
      };
      offset = 0;
      const a = point(from);
      offset = 0;
      const b = point(to);
      const selection = $createRangeSelection();
      selection.anchor.set(a.key, a.offset, 'text');
      selection.focus.set(b.key, b.offset, 'text');
      $setSelection(selection);
    },
    { discrete: true },
  );
}

describe('comment thread marks beside claim marks', () => {
  it('anchors a thread across a claim’s edge without the claims code seeing the thread id', () => {
    const editor = newEditor();
    fill(editor);
    // "zahlt sieben": half plain text, half inside the claim.
    select(editor, 7, 19);
    let anchored: { id: string; quote: string } | null = null;
    editor.update(() => void (anchored = $anchorNewThread()), { discrete: true });
    expect(anchored).toMatchObject({ id: expect.stringMatching(/^t-/), quote: 'zahlt sieben' });
    const id = anchored!.id;

    const state = editor.getEditorState();
    expect(state.read($threadsInText)).toEqual([{ id, quote: 'zahlt sieben', keys: expect.any(Array) }]);
    expect(state.read($markedClaims).map((c) => [c.id, c.text])).toEqual([
      ['c-amount', 'sieben Millionen Euro'],
    ]);

    select(editor, 15, 15);
    expect(editor.getEditorState().read($threadsAtSelection)).toEqual([id]);
    expect(editor.getEditorState().read($claimsAtSelection)).toEqual(['c-amount']);
    // Walking claims never stops on a mark that carries only the thread.
    select(editor, 0, 0);
    expect(editor.getEditorState().read(() => $neighbourClaim(1))).toBe('c-amount');
  });

  it('refuses an empty or blank selection', () => {
    const editor = newEditor();
    fill(editor);
    select(editor, 5, 5);
    let anchored: unknown = 'unset';
    editor.update(() => void (anchored = $anchorNewThread()), { discrete: true });
    expect(anchored).toBeNull();
    select(editor, 12, 13);
    editor.update(() => void (anchored = $anchorNewThread()), { discrete: true });
    expect(anchored).toBeNull();
  });

  it('loses the thread when its words are deleted and gets it back by undo', () => {
    const editor = newEditor();
    fill(editor);
    select(editor, 42, 53);
    let id = '';
    editor.update(() => void (id = $anchorNewThread()!.id), { discrete: true });
    editor.update(() => void $selectThread(id), { discrete: true });
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.removeText();
      },
      { discrete: true },
    );
    expect(editor.getEditorState().read($threadsInText)).toEqual([]);
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    editor.update(() => undefined, { discrete: true });
    expect(
      editor
        .getEditorState()
        .read($threadsInText)
        .map((t) => [t.id, t.quote]),
    ).toEqual([[id, 'SV Rotheide']]);
  });
});
