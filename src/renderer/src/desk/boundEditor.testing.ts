import * as Y from 'yjs';
import type { LexicalEditor } from 'lexical';
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import { headlessArticleEditor } from '../editor/headlessEditor.testing';

// For tests: headless editors bound to Yjs documents through @lexical/yjs as CollaborationPlugin
// binds them, and documents that exchange updates as two desk members do through the desk.

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

/** An editor bound to `doc` the way CollaborationPlugin binds it. */
export function boundEditor(doc: Y.Doc): { editor: LexicalEditor; binding: Binding } {
  const editor = headlessArticleEditor();
  const binding = createYjsBinding({ editor, id: 'article', doc, docMap: new Map([['article', doc]]) });
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding)
      syncYjsChangesToLexical(binding, quietProvider, events as never, false);
  });
  editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      // Changes that came from the document carry this tag (syncYjsChangesToLexical sets it).
      if (tags.has('skip-collab')) return;
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

/** Two documents that exchange every update, as two desk members do through the desk. */
export function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return [a, b];
}
