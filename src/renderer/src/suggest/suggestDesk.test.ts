import { describe, expect, it } from 'vitest';
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $setSelection,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import { boundEditor, linkedDocs } from '../desk/boundEditor.testing';
import { pendingSuggestions } from '../../../shared/article/suggestedChanges';
import type { SerializedEditorStateJSON } from '../../../shared/domain/articles';
import { $resolveSuggestions, $suggestInsertText, $suggestDeleteSelection } from './suggestOps';

// Two editors bound to two Yjs documents that exchange updates, as two desk members are through
// Hocuspocus: a suggestion made in one arrives in the other with its author, and a rejection
// there comes back.

const pendingIn = (editor: LexicalEditor) =>
  pendingSuggestions({
    schemaVersion: 1,
    editorState: editor.getEditorState().toJSON() as unknown as SerializedEditorStateJSON,
  }).map(({ kind, author, text }) => [kind, author, text]);

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('suggested changes over the desk binding', () => {
  it('carries suggestions with author to the other member and brings a rejection back', async () => {
    const [docA, docB] = linkedDocs();
    const { editor: lena } = boundEditor(docA);
    const { editor: jonas } = boundEditor(docB);
    lena.update(
      () => {
        const text = $createTextNode('SV Rotheide gewinnt.');
        $getRoot().clear().append($createParagraphNode().append(text));
        text.select(11, 11);
      },
      { discrete: true },
    );
    lena.update(
      () =>
        void $suggestInsertText(' klar', {
          author: 'Lena Kowalczyk',
          now: () => '2026-12-06T17:00:00.000Z',
          newId: () => 's-lena-1',
        }),
      {
        discrete: true,
      },
    );
    lena.update(
      () => {
        const last = $getRoot().getAllTextNodes().at(-1) as TextNode;
        const s = $createRangeSelection();
        s.anchor.set(last.getKey(), 1, 'text');
        s.focus.set(last.getKey(), 9, 'text');
        $setSelection(s);
        $suggestDeleteSelection(
          s,
          { author: 'Lena Kowalczyk', now: () => '2026-12-06T17:01:00.000Z', newId: () => 's-lena-2' },
          'end',
        );
      },
      { discrete: true },
    );
    await flush();
    expect(pendingIn(jonas)).toEqual([
      ['insert', 'Lena Kowalczyk', ' klar'],
      ['delete', 'Lena Kowalczyk', 'gewinnt.'],
    ]);
    expect(jonas.getEditorState().read(() => $getRoot().getTextContent())).toBe('SV Rotheide klar gewinnt.');

    jonas.update(() => void $resolveSuggestions(new Set(['s-lena-1']), false), { discrete: true });
    await flush();
    expect(pendingIn(lena)).toEqual([['delete', 'Lena Kowalczyk', 'gewinnt.']]);
    expect(lena.getEditorState().read(() => $getRoot().getTextContent())).toBe('SV Rotheide gewinnt.');
  });
});
