// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import * as Y from 'yjs';
import { useDeskMeta } from './useDeskMeta';
import { applyLocalReplay, type DeskDoc } from './deskDoc';
import { ArticleSession } from '../../../shared/autosave/articleSession';
import { ARTICLE_DOC_KEYS, ARTICLE_META_FIELDS } from '../../../shared/desk/names';
import type { ArticleDocument } from '../../../shared/contract/articles';

const doc: ArticleDocument = {
  meta: {
    id: 'a1',
    kicker: '',
    headline: '',
    lead: '',
    byline: '',
    dateline: '',
    language: 'de',
    author: '',
    desk: '',
    status: 'draft',
    trashedAt: null,
    createdAt: '2026-12-07T00:00:00.000Z',
    updatedAt: '2026-12-07T00:00:00.000Z',
  },
  body: {
    schemaVersion: 1,
    editorState: { root: { type: 'root', version: 1, children: [] } },
  } as unknown as ArticleDocument['body'],
  rev: 1,
};

function Binding({ desk, session }: { desk: DeskDoc; session: ArticleSession }) {
  useDeskMeta(desk, session, false, false);
  return null;
}

/** The news field's change event for a key typed right after the commit, before its passive effects. */
function TypeAfterCommit({ session, field }: { session: ArticleSession; field: string }) {
  useLayoutEffect(() => {
    queueMicrotask(() => session.setMeta({ [field]: 'L' }));
  }, [session, field]);
  return null;
}

let root: Root | null = null;
afterEach(() => {
  root?.unmount();
  root = null;
});

describe('useDeskMeta', () => {
  for (const field of ARTICLE_META_FIELDS.filter((f) => f !== 'language' && f !== 'status')) {
    it(`keeps a ${field} key typed before the passive effects ran, and gives it to the desk`, async () => {
      const session = new ArticleSession(doc, () => new Promise(() => undefined));
      const ydoc = new Y.Doc();
      const map = ydoc.getMap<unknown>(ARTICLE_DOC_KEYS.meta);
      // The replayed local copy: the shared article's fields as last stored, all empty.
      for (const f of ARTICLE_META_FIELDS) map.set(f, doc.meta[f as keyof typeof doc.meta]);
      root = createRoot(document.createElement('div'));
      root.render(
        <>
          <Binding desk={{ doc: ydoc } as unknown as DeskDoc} session={session} />
          <TypeAfterCommit session={session} field={field} />
        </>,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(session.meta[field as 'headline']).toBe('L');
      expect(map.get(field)).toBe('L');
    });
  }

  // The local copy is replayed when the editor's binding connects, after this hook began to listen;
  // its entries and the typed one are concurrent, and either may win in the map (by client id).
  for (const [label, storedClient, hereClient] of [
    ['an older', 1, 2],
    ['a newer', 2, 1],
  ] as const) {
    it(`keeps a headline typed before the local copy was replayed, whose client id is ${label}`, async () => {
      const session = new ArticleSession(doc, () => new Promise(() => undefined));
      const stored = new Y.Doc();
      stored.clientID = storedClient;
      const storedMap = stored.getMap<unknown>(ARTICLE_DOC_KEYS.meta);
      for (const f of ARTICLE_META_FIELDS) storedMap.set(f, doc.meta[f as keyof typeof doc.meta]);
      const ydoc = new Y.Doc();
      ydoc.clientID = hereClient;
      const map = ydoc.getMap<unknown>(ARTICLE_DOC_KEYS.meta);
      root = createRoot(document.createElement('div'));
      root.render(
        <>
          <Binding desk={{ doc: ydoc } as unknown as DeskDoc} session={session} />
          <TypeAfterCommit session={session} field="headline" />
        </>,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      applyLocalReplay(ydoc, Y.encodeStateAsUpdate(stored));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(session.meta.headline).toBe('L');
      expect(map.get('headline')).toBe('L');
    });
  }
});
