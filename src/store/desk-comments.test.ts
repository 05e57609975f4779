import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db';
import { createArticle } from './articles';
import { insertClaim } from './claims';
import { addComment, editComment, insertThread, listThreads, setThreadStatus } from './comments';
import { applyDeskThreads, deskThreadState } from './desk-comments';

const T1 = '2026-12-06T10:00:00.000Z';
const T2 = '2026-12-06T10:05:00.000Z';
const T3 = '2026-12-06T10:09:00.000Z';
const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function twoMachines(): { editor: Db; checker: Db; articleId: string } {
  const open = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-desk-comments-'));
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'factdesk.sqlite'));
    dbs.push(db);
    return db;
  };
  const editor = open();
  const checker = open();
  const article = createArticle(editor, { language: 'de', author: 'Jana Wolf' }, T1);
  createArticle(checker, { id: article.meta.id, language: 'de', author: 'Jana Wolf' }, T1);
  return { editor, checker, articleId: article.meta.id };
}

const context = { text: 'Kowalczyk kostet sieben Millionen Euro.', start: 17, end: 38 };

describe('comment threads ⇄ desk records (SQL side)', () => {
  it('carries a thread, a reply written on each side at once, an edit and a resolve to both machines', () => {
    const { editor, checker, articleId } = twoMachines();
    insertThread(
      editor,
      {
        id: 't-1',
        articleId,
        claimId: null,
        quote: 'sieben Millionen Euro',
        comment: { id: 'k-1', author: 'Jana Wolf', body: 'Quelle? @Lena' },
      },
      T1,
    );
    expect(applyDeskThreads(checker, articleId, deskThreadState(editor, articleId))).toEqual({
      changed: 1,
      waiting: 0,
    });

    addComment(checker, 't-1', { id: 'k-2', author: 'Lena Kowalczyk', body: 'Pressemitteilung' }, T2);
    addComment(editor, 't-1', { id: 'k-3', author: 'Jana Wolf', body: 'Und der Betrag?' }, T2);
    editComment(editor, 'k-1', 'Quelle genau? @Lena', T2);
    setThreadStatus(checker, 't-1', 'resolved', T3);

    applyDeskThreads(editor, articleId, deskThreadState(checker, articleId));
    applyDeskThreads(checker, articleId, deskThreadState(editor, articleId));
    const [mine] = listThreads(editor, articleId);
    const [theirs] = listThreads(checker, articleId);
    expect(mine.comments.map((c) => c.body).sort()).toEqual([
      'Pressemitteilung',
      'Quelle genau? @Lena',
      'Und der Betrag?',
    ]);
    expect(theirs.comments.map((c) => c.body).sort()).toEqual(mine.comments.map((c) => c.body).sort());
    expect([mine.status, theirs.status]).toEqual(['resolved', 'resolved']);
    // Nothing left to carry: applying again changes nothing.
    expect(applyDeskThreads(editor, articleId, deskThreadState(checker, articleId)).changed).toBe(0);
  });

  it('lets a thread on a claim wait until the claim is here, and never touches another article’s thread', () => {
    const { editor, checker, articleId } = twoMachines();
    insertClaim(
      editor,
      { id: 'c-amount', articleId, text: 'sieben Millionen Euro', kind: 'amount', context },
      'Jana Wolf',
      T1,
    );
    insertThread(
      editor,
      {
        id: 't-2',
        articleId,
        claimId: 'c-amount',
        quote: 'sieben Millionen Euro',
        comment: { id: 'k-9', author: 'Jana Wolf', body: 'Beleg?' },
      },
      T1,
    );
    expect(applyDeskThreads(checker, articleId, deskThreadState(editor, articleId))).toEqual({
      changed: 0,
      waiting: 1,
    });
    insertClaim(
      checker,
      { id: 'c-amount', articleId, text: 'sieben Millionen Euro', kind: 'amount', context },
      'Jana Wolf',
      T1,
    );
    expect(applyDeskThreads(checker, articleId, deskThreadState(editor, articleId))).toEqual({
      changed: 1,
      waiting: 0,
    });
    expect(listThreads(checker, articleId)[0]).toMatchObject({
      claimId: 'c-amount',
      comments: [{ body: 'Beleg?' }],
    });

    const other = createArticle(checker, { language: 'de', author: 'Ruth Okafor' }, T1).meta.id;
    const hijack = { ...deskThreadState(editor, articleId)[0], claimId: null, quote: 'fremd' };
    expect(applyDeskThreads(checker, other, [hijack]).changed).toBe(0);
    expect(listThreads(checker, articleId)[0].quote).toBe('sieben Millionen Euro');
  });
});
