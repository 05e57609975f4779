import { describe, expect, it } from 'vitest';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type LexicalEditor,
  type TextNode,
  UNDO_COMMAND,
} from 'lexical';
import { createHeadlessEditor } from '@lexical/headless';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $createLinkNode } from '@lexical/link';
import { $createMarkNode, $wrapSelectionInMarkNode } from '@lexical/mark';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { claimContextsFromBody } from '../../../shared/claims/context';
import type { ArticleBody, SerializedEditorStateJSON } from '../../../shared/domain/articles';
import { articleEditorConfig } from '../editor/config';
import {
  $claimsAtSelection,
  $markedClaims,
  $neighbourClaim,
  $removeClaimIds,
  $selectClaim,
} from './editorMarks';

function newEditor(): LexicalEditor {
  const config = articleEditorConfig(null);
  return createHeadlessEditor({
    nodes: config.nodes,
    theme: config.theme,
    onError: (e) => {
      throw e;
    },
  });
}

const $mark = (id: string, text: string) => $createMarkNode([id]).append($createTextNode(text));

/** Two paragraphs and a list item, with marks after a link and a line break, and one claim in two parts. */
function fill(editor: LexicalEditor): void {
  editor.update(
    () => {
      $getRoot()
        .clear()
        .append(
          $createParagraphNode().append(
            $createTextNode('Laut '),
            $createLinkNode('https://kurier.example').append($createTextNode('Kurier')),
            $createTextNode(' zahlt Strivo '),
            $mark('c-amount', 'sieben Millionen Euro'),
            $createTextNode('.'),
          ),
          $createParagraphNode().append(
            $createTextNode('Erste Zeile'),
            $createLineBreakNode(),
            $mark('c-quote', '„Wir bleiben“'),
            $createTextNode(', sagte '),
            $mark('c-split', 'Jana'),
            $createTextNode(' '),
            $mark('c-split', 'Kowalczyk'),
            $createTextNode('.'),
          ),
          $createListNode('bullet').append(
            $createListItemNode().append($createTextNode('Punkt: '), $mark('c-list', 'Tabellenführer')),
          ),
        );
    },
    { discrete: true },
  );
}

function bodyOf(editor: LexicalEditor): ArticleBody {
  return {
    schemaVersion: 1,
    editorState: editor.getEditorState().toJSON() as unknown as SerializedEditorStateJSON,
  };
}

function caretAt(editor: LexicalEditor, find: (text: TextNode) => boolean, offset = 0): void {
  editor.update(
    () => {
      const text = $getRoot().getAllTextNodes().find(find)!;
      const selection = $createRangeSelection();
      selection.anchor.set(text.getKey(), offset, 'text');
      selection.focus.set(text.getKey(), offset, 'text');
      $setSelection(selection);
    },
    { discrete: true },
  );
}

describe('claim marks in the editor', () => {
  it('reports each claim with the same paragraph and offsets the server derives from the saved body', () => {
    const editor = newEditor();
    fill(editor);
    const marked = editor.getEditorState().read($markedClaims);
    expect(marked.map((m) => [m.id, m.text])).toEqual([
      ['c-amount', 'sieben Millionen Euro'],
      ['c-quote', '„Wir bleiben“'],
      ['c-split', 'JanaKowalczyk'],
      ['c-list', 'Tabellenführer'],
    ]);
    const fromBody = claimContextsFromBody(bodyOf(editor));
    for (const m of marked) expect(m.context).toEqual(fromBody.get(m.id));
    const quote = marked.find((m) => m.id === 'c-quote')!.context;
    expect(quote.text.slice(quote.start, quote.end)).toBe('„Wir bleiben“');
    const split = marked.find((m) => m.id === 'c-split')!;
    expect(split.keys).toHaveLength(2);
    expect(split.context.text.slice(split.context.start, split.context.end)).toBe('Jana Kowalczyk');
  });

  it('brings a deleted mark back with its claim id on undo', () => {
    const editor = newEditor();
    registerHistory(editor, createEmptyHistoryState(), 0);
    editor.update(
      () =>
        $getRoot()
          .clear()
          .append($createParagraphNode().append($createTextNode('Strivo zahlt sieben Millionen Euro.'))),
      {
        discrete: true,
      },
    );
    editor.update(
      () => {
        const text = $getRoot().getAllTextNodes()[0];
        const selection = $createRangeSelection();
        selection.anchor.set(text.getKey(), 13, 'text');
        selection.focus.set(text.getKey(), 34, 'text');
        $wrapSelectionInMarkNode(selection, false, 'c-undo-1');
      },
      { discrete: true },
    );
    expect(
      editor
        .getEditorState()
        .read($markedClaims)
        .map((m) => m.text),
    ).toEqual(['sieben Millionen Euro']);

    editor.update(() => void $selectClaim('c-undo-1'), { discrete: true });
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.removeText();
      },
      { discrete: true },
    );
    expect(editor.getEditorState().read($markedClaims)).toEqual([]);

    editor.dispatchCommand(UNDO_COMMAND, undefined);
    editor.update(() => undefined, { discrete: true });
    expect(
      editor
        .getEditorState()
        .read($markedClaims)
        .map((m) => [m.id, m.text]),
    ).toEqual([['c-undo-1', 'sieben Millionen Euro']]);
  });

  it('drops a claim whose text is deleted by a selection that starts in the text before its mark', () => {
    const editor = newEditor();
    editor.update(
      () =>
        $getRoot()
          .clear()
          .append(
            $createParagraphNode().append(
              $createTextNode('Strivo zahlt dem SV Rotheide '),
              $mark('c-gone', 'sieben Millionen Euro'),
              $createTextNode('.'),
            ),
          ),
      { discrete: true },
    );
    // The selection a browser reports after a double-click or a drag: from the end of the text
    // before the mark to the end of the mark's text.
    for (const variant of [
      'from previous text',
      'inside the mark',
      'mark as element',
      'paragraph as element',
      'focus on mark element',
    ] as const) {
      const copy = newEditor();
      copy.setEditorState(copy.parseEditorState(JSON.stringify(editor.getEditorState().toJSON())));
      copy.update(
        () => {
          const [before, inMark] = $getRoot().getAllTextNodes();
          const markNode = inMark.getParentOrThrow();
          const paragraph = markNode.getParentOrThrow();
          const selection = $createRangeSelection();
          if (variant === 'from previous text')
            selection.anchor.set(before.getKey(), before.getTextContentSize(), 'text');
          else if (variant === 'mark as element') selection.anchor.set(markNode.getKey(), 0, 'element');
          else if (variant === 'paragraph as element') selection.anchor.set(paragraph.getKey(), 1, 'element');
          else selection.anchor.set(inMark.getKey(), 0, 'text');
          if (variant === 'focus on mark element') selection.focus.set(markNode.getKey(), 1, 'element');
          else selection.focus.set(inMark.getKey(), inMark.getTextContentSize(), 'text');
          $setSelection(selection);
          selection.removeText();
        },
        { discrete: true },
      );
      expect(
        copy.getEditorState().read(() => $getRoot().getTextContent()),
        variant,
      ).toBe('Strivo zahlt dem SV Rotheide .');
      expect(copy.getEditorState().read($markedClaims), variant).toEqual([]);
    }
  });

  it('does not count a mark left without text as its claim being in the text', () => {
    const editor = newEditor();
    editor.update(
      () =>
        $getRoot()
          .clear()
          .append(
            $createParagraphNode().append(
              $createTextNode('Strivo zahlt '),
              $createMarkNode(['c-empty']),
              $mark('c-kept', 'viel'),
            ),
          ),
      { discrete: true },
    );
    expect(
      editor
        .getEditorState()
        .read($markedClaims)
        .map((m) => m.id),
    ).toEqual(['c-kept']);
  });

  it('walks to the next and previous claim from the caret, wrapping at the ends', () => {
    const editor = newEditor();
    fill(editor);
    caretAt(editor, (t) => t.getTextContent() === 'Laut ');
    expect(editor.getEditorState().read(() => $neighbourClaim(1))).toBe('c-amount');
    expect(editor.getEditorState().read(() => $neighbourClaim(-1))).toBe('c-list');
    caretAt(editor, (t) => t.getTextContent() === '„Wir bleiben“', 3);
    expect(editor.getEditorState().read($claimsAtSelection)).toEqual(['c-quote']);
    expect(editor.getEditorState().read(() => $neighbourClaim(1))).toBe('c-split');
    expect(editor.getEditorState().read(() => $neighbourClaim(-1))).toBe('c-amount');
  });

  it('finds the next claim from a caret placed on a paragraph rather than in its text', () => {
    const editor = newEditor();
    fill(editor);
    editor.update(
      () => {
        const second = $getRoot().getChildAtIndex(1)!;
        const selection = $createRangeSelection();
        selection.anchor.set(second.getKey(), 0, 'element');
        selection.focus.set(second.getKey(), 0, 'element');
        $setSelection(selection);
      },
      { discrete: true },
    );
    expect(editor.getEditorState().read(() => $neighbourClaim(1))).toBe('c-quote');
    expect(editor.getEditorState().read(() => $neighbourClaim(-1))).toBe('c-amount');
  });

  it('selects the whole text of a claim marked in two parts', () => {
    const editor = newEditor();
    fill(editor);
    editor.update(() => void $selectClaim('c-split'), { discrete: true });
    expect(editor.getEditorState().read(() => $getSelection()?.getTextContent())).toBe('Jana Kowalczyk');
  });

  it('takes foreign claim ids off marks and unwraps marks left without any', () => {
    const editor = newEditor();
    fill(editor);
    editor.update(() => $removeClaimIds(new Set(['c-quote', 'c-split'])), { discrete: true });
    expect(
      editor
        .getEditorState()
        .read($markedClaims)
        .map((m) => m.id),
    ).toEqual(['c-amount', 'c-list']);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain(
      '„Wir bleiben“, sagte Jana Kowalczyk.',
    );
  });
});
