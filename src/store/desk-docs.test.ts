import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from './db';
import { tempStores } from './tempStore.testing';
import {
  appendDocUpdate,
  deskArticleLink,
  linkDeskArticle,
  loadDoc,
  markDocSynced,
  pendingUpdates,
  replaceConfirmedState,
  storedDocBytes,
} from './desk-docs';
import { createArticle } from './articles';

const NOW = '2026-12-06T10:00:00.000Z';
const tempDb = tempStores('desk-docs');

/** Records every update a Y.Doc makes, as the app's DeskDoc does. */
function recordingDoc(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates };
}

const text = (state: Uint8Array | null) => {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
};

describe('local copies of desk documents', () => {
  it('stores every update and gives back the same document, surviving a reopen', () => {
    const { db, file } = tempDb();
    const { doc, updates } = recordingDoc();
    doc.getText('t').insert(0, 'SV Rotheide');
    doc.getText('t').insert(11, ' gewinnt');
    for (const u of updates) appendDocUpdate(db, 'article/a1', u, true, NOW);
    db.close();

    const reopened = openDatabase(file);
    try {
      const stored = loadDoc(reopened, 'article/a1', NOW);
      expect(text(stored.state)).toBe('SV Rotheide gewinnt');
      expect(stored.pending).toBe(2);
      expect(loadDoc(reopened, 'article/other', NOW)).toEqual({ state: null, pending: 0, lastSeq: 0 });
    } finally {
      reopened.close();
    }
  });

  it('folds confirmed updates into one row and keeps pending ones apart until confirmed', () => {
    const { db } = tempDb();
    const { doc, updates } = recordingDoc();
    const t = doc.getText('t');
    t.insert(0, 'Lena ');
    t.insert(5, 'Kowalczyk ');
    t.insert(15, 'trifft');
    const seqs = updates.map((u, i) => appendDocUpdate(db, 'article/a1', u, i === 2, NOW));
    expect(pendingUpdates(db)).toEqual({ total: 1, docs: [{ doc: 'article/a1', pending: 1 }] });

    const first = loadDoc(db, 'article/a1', NOW);
    expect(text(first.state)).toBe('Lena Kowalczyk trifft');
    expect(db.prepare('SELECT count(*) FROM desk_doc_updates').pluck().get()).toBe(2);
    expect(first.lastSeq).toBe(seqs[2]);

    expect(markDocSynced(db, 'article/a1', seqs[2])).toBe(1);
    expect(pendingUpdates(db).total).toBe(0);
    loadDoc(db, 'article/a1', NOW);
    expect(db.prepare('SELECT count(*) FROM desk_doc_updates').pluck().get()).toBe(1);
    expect(text(loadDoc(db, 'article/a1', NOW).state)).toBe('Lena Kowalczyk trifft');
  });

  it('shrinks a copy to what Yjs keeps of deleted entries when re-encoded, pending rows untouched', () => {
    const { db } = tempDb();
    const { doc, updates } = recordingDoc();
    const log = doc.getArray<string>('changes');
    for (let i = 0; i < 50; i++) log.push([`a change-log entry with some words in it, number ${i}`]);
    log.delete(0, 50);
    for (const u of updates) appendDocUpdate(db, 'facts/deal/1', u, false, NOW);
    doc.getText('t').insert(0, 'offline');
    appendDocUpdate(db, 'facts/deal/1', updates[updates.length - 1], true, NOW);
    loadDoc(db, 'facts/deal/1', NOW);
    // Folding merges updates but keeps every deleted entry's text.
    const folded = storedDocBytes(db, 'facts/deal/1');
    expect(folded).toBeGreaterThan(50 * 40);

    const confirmed = new Y.Doc();
    Y.applyUpdate(confirmed, Y.mergeUpdates(updates.slice(0, -1)));
    replaceConfirmedState(db, 'facts/deal/1', Y.encodeStateAsUpdate(confirmed), NOW);
    expect(storedDocBytes(db, 'facts/deal/1')).toBeLessThan(folded / 10);
    const stored = loadDoc(db, 'facts/deal/1', NOW);
    expect(stored.pending).toBe(1);
    expect(text(stored.state)).toBe('offline');
    const back = new Y.Doc();
    Y.applyUpdate(back, stored.state!);
    expect(back.getArray('changes').length).toBe(0);
  });

  it('confirms only up to the named update: later offline edits stay waiting', () => {
    const { db } = tempDb();
    const { doc, updates } = recordingDoc();
    doc.getText('t').insert(0, 'a');
    doc.getText('t').insert(1, 'b');
    const [s1, s2] = updates.map((u) => appendDocUpdate(db, 'article/a1', u, true, NOW));
    markDocSynced(db, 'article/a1', s1);
    expect(pendingUpdates(db).total).toBe(1);
    markDocSynced(db, 'article/a1', s2);
    expect(pendingUpdates(db).total).toBe(0);
  });

  it('merges an offline edit made here with one made elsewhere, both words kept', () => {
    const { db } = tempDb();
    const shared = recordingDoc();
    shared.doc.getText('t').insert(0, 'Derby');
    const base = Y.encodeStateAsUpdate(shared.doc);
    appendDocUpdate(db, 'article/a1', base, false, NOW);

    const here = recordingDoc();
    Y.applyUpdate(here.doc, base);
    here.doc.getText('t').insert(0, 'Heute ');
    for (const u of here.updates.slice(1)) appendDocUpdate(db, 'article/a1', u, true, NOW);
    const there = new Y.Doc();
    Y.applyUpdate(there, base);
    there.getText('t').insert(5, ' in Rotheide');

    const local = new Y.Doc();
    Y.applyUpdate(local, loadDoc(db, 'article/a1', NOW).state!);
    Y.applyUpdate(local, Y.encodeStateAsUpdate(there));
    Y.applyUpdate(there, Y.encodeStateAsUpdate(local));
    expect(local.getText('t').toString()).toBe('Heute Derby in Rotheide');
    expect(there.getText('t').toString()).toBe(local.getText('t').toString());
  });

  it('remembers which articles are on the desk and forgets them with the article', () => {
    const { db } = tempDb();
    const article = createArticle(db, { language: 'de', author: 'Jana Wolf' }, NOW);
    linkDeskArticle(db, { articleId: article.meta.id, sharedBy: 'Jana Wolf', sharedAt: NOW });
    linkDeskArticle(db, { articleId: article.meta.id, sharedBy: 'Tim Brandt', sharedAt: NOW });
    expect(deskArticleLink(db, article.meta.id)).toEqual({
      articleId: article.meta.id,
      sharedBy: 'Jana Wolf',
      sharedAt: NOW,
    });
    expect(() => linkDeskArticle(db, { articleId: 'missing', sharedBy: 'x', sharedAt: NOW })).toThrow(
      /FOREIGN KEY/,
    );
    db.prepare('DELETE FROM articles WHERE id = ?').run(article.meta.id);
    expect(deskArticleLink(db, article.meta.id)).toBeNull();
  });
});
