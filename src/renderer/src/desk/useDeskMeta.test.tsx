// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import * as Y from 'yjs';
import { useDeskMeta } from './useDeskMeta';
import type { DeskDoc } from './deskDoc';
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
});
