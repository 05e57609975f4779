import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $setSelection,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import { createHeadlessEditor } from '@lexical/headless';
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import { articleEditorConfig } from '../editor/config';
import { pendingSuggestions } from '../../../shared/article/suggestedChanges';
import type { SerializedEditorStateJSON } from '../../../shared/domain/articles';
import { $resolveSuggestions, $suggestInsertText, $suggestDeleteSelection } from './suggestOps';

// Two editors bound to two Yjs documents that exchange updates, as two desk members are through
// Hocuspocus: a suggestion made in one arrives in the other with its author, and a rejection
// there comes back.

/** Enough of a provider for the binding: no one else's cursor to draw. */
const quietProvider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on() {},
    off() {},
    setLocalState() {},
    setLocalStateField() {},
  },
  connect() {},
  disconnect() {},
  on() {},
  off() {},
} as unknown as Provider;

function boundEditor(doc: Y.Doc): { editor: LexicalEditor; binding: Binding } {
  const config = articleEditorConfig(null);
  const editor = createHeadlessEditor({
    nodes: config.nodes,
    theme: config.theme,
    onError: (e) => {
      throw e;
    },
  });
  const binding = createYjsBinding({ editor, id: 'article', doc, docMap: new Map([['article', doc]]) });
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding)
      syncYjsChangesToLexical(binding, quietProvider, events as never, false);
  });
  editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (tags.has('collaboration') || tags.has('historic-collab')) return;
      syncLexicalUpdateToYjs(
        binding,
        quietProvider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      );
    },
  );
  return { editor, binding };
}

function linked(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on(
    'update',
    (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'),
  );
  b.on(
    'update',
    (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'),
  );
  return [a, b];
}

const pendingIn = (editor: LexicalEditor) =>
  pendingSuggestions({
    schemaVersion: 1,
    editorState: editor.getEditorState().toJSON() as unknown as SerializedEditorStateJSON,
  }).map(({ kind, author, text }) => [kind, author, text]);

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('suggested changes over the desk binding', () => {
  it('carries suggestions with author to the other member and brings a rejection back', async () => {
    const [docA, docB] = linked();
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
