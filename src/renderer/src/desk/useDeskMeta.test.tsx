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
import { openedArticle } from '../editor/articleDocument.testing';

const TEXT_FIELDS = ['kicker', 'headline', 'lead', 'byline', 'dateline'] as const;

/** The shared article's local copy as stored: its fields as they were when it was last open here. */
function localCopy(doc: ArticleDocument, clientID: number): Uint8Array {
  const stored = new Y.Doc();
  stored.clientID = clientID;
  const map = stored.getMap<unknown>(ARTICLE_DOC_KEYS.meta);
  for (const field of ARTICLE_META_FIELDS) map.set(field, doc.meta[field as keyof typeof doc.meta]);
  return Y.encodeStateAsUpdate(stored);
}

/** A DeskDoc as the hook sees it: its Y.Doc, and whether its local copy is still to be replayed. */
function deskOver(ydoc: Y.Doc, replayPending: boolean): DeskDoc {
  return { doc: ydoc, replayPending } as unknown as DeskDoc;
}

function Binding({ desk, session }: { desk: DeskDoc; session: ArticleSession }) {
  useDeskMeta(desk, session, false, false);
  return null;
}

/** A field's change event for keys typed right after the commit, before its passive effects ran. */
function TypeAfterCommit({ session, field, text }: { session: ArticleSession; field: string; text: string }) {
  useLayoutEffect(() => {
    queueMicrotask(() => session.setMeta({ [field]: text }));
  }, [session, field, text]);
  return null;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

let root: Root | null = null;
afterEach(() => {
  root?.unmount();
  root = null;
});

describe('useDeskMeta', () => {
  for (const field of TEXT_FIELDS) {
    it(`gives the desk a ${field} typed before the passive effects ran, over the replayed local copy`, async () => {
      const doc = openedArticle('Stand');
      const session = new ArticleSession(doc, () => new Promise(() => undefined));
      const ydoc = new Y.Doc();
      const desk = deskOver(ydoc, true);
      root = createRoot(document.createElement('div'));
      // Not in act() and not flushSync: a default-priority mount, as when an opened article arrives.
      root.render(
        <>
          <Binding desk={desk} session={session} />
          <TypeAfterCommit session={session} field={field} text="Lokal" />
        </>,
      );
      await settle();
      // The editor's binding connects a few renders later and replays the local copy then.
      applyLocalReplay(ydoc, localCopy(doc, 1));
      (desk as { replayPending: boolean }).replayPending = false;
      await settle();
      expect(session.meta[field]).toBe('Lokal');
      expect(ydoc.getMap(ARTICLE_DOC_KEYS.meta).get(field)).toBe('Lokal');
    });
  }

  it('gives the desk a headline typed before the passive effects ran when the local copy was replayed before', async () => {
    const doc = openedArticle('Stand');
    const session = new ArticleSession(doc, () => new Promise(() => undefined));
    const ydoc = new Y.Doc();
    applyLocalReplay(ydoc, localCopy(doc, 1));
    root = createRoot(document.createElement('div'));
    root.render(
      <>
        <Binding desk={deskOver(ydoc, false)} session={session} />
        <TypeAfterCommit session={session} field="headline" text="Stand: Lokal" />
      </>,
    );
    await settle();
    expect(session.meta.headline).toBe('Stand: Lokal');
    expect(ydoc.getMap(ARTICLE_DOC_KEYS.meta).get('headline')).toBe('Stand: Lokal');
  });

  // Typed entries and the local copy's are concurrent in Yjs's eyes; the map keeps one of them by client id.
  for (const [label, storedClient, hereClient] of [
    ['lower', 1, 2],
    ['higher', 2, 1],
  ] as const) {
    it(`keeps a headline typed after the mount, before the local copy was replayed (copy's client id ${label})`, async () => {
      const doc = openedArticle('Stand');
      const session = new ArticleSession(doc, () => new Promise(() => undefined));
      const ydoc = new Y.Doc();
      ydoc.clientID = hereClient;
      const desk = deskOver(ydoc, true);
      root = createRoot(document.createElement('div'));
      root.render(<Binding desk={desk} session={session} />);
      await settle();
      session.setMeta({ headline: 'Stand: Lokal' });
      applyLocalReplay(ydoc, localCopy(doc, storedClient));
      (desk as { replayPending: boolean }).replayPending = false;
      await settle();
      expect(session.meta.headline).toBe('Stand: Lokal');
      expect(ydoc.getMap(ARTICLE_DOC_KEYS.meta).get('headline')).toBe('Stand: Lokal');
      // A colleague's later edit still comes through.
      const colleague = new Y.Doc();
      Y.applyUpdate(colleague, Y.encodeStateAsUpdate(ydoc));
      colleague.getMap(ARTICLE_DOC_KEYS.meta).set('headline', 'Stand: Lokal und mehr');
      Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(ydoc)), 'desk');
      expect(session.meta.headline).toBe('Stand: Lokal und mehr');
    });
  }
});
