import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db';
import { createArticle } from './articles';
import { dismissWarning, getClaim, insertClaim, linkFacts, setClaimStatus } from './claims';
import { recordGatePass } from './readyGate';
import { applyDeskClaims, deskClaimState } from './desk-claims';
import type { DeskClaimRecord } from '../shared/desk/claimRecords';

const T1 = '2026-12-06T10:00:00.000Z';
const T2 = '2026-12-06T10:05:00.000Z';
const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function twoMachines(): { editor: Db; checker: Db; articleId: string } {
  const open = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-desk-claims-'));
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

describe('claims ⇄ desk records (SQL side)', () => {
  it('carries a checker’s claim, status, link, history, dismissal and gate override to the editor’s tables', () => {
    const { editor, checker, articleId } = twoMachines();
    insertClaim(
      checker,
      { id: 'claim-abc1', articleId, kind: 'amount', text: 'sieben Millionen Euro', context },
      'Tim Brandt',
      T1,
    );
    setClaimStatus(checker, 'claim-abc1', 'verified', 'Tim Brandt', T2);
    linkFacts(checker, 'claim-abc1', articleId, [{ type: 'deal', id: 'deal-rotheide-1' }], T2);
    dismissWarning(checker, 'claim-abc1', 'amount-rounded', 'Vereinsangabe', 'Tim Brandt', T2);
    recordGatePass(checker, {
      articleId,
      by: 'Tim Brandt',
      at: T2,
      overrideReason: 'Quelle am Telefon',
      openClaims: ['claim-abc1'],
    });

    const sent = deskClaimState(checker, articleId);
    expect(applyDeskClaims(editor, articleId, sent.records, sent.passes, T2)).toBe(1);
    const arrived = getClaim(editor, 'claim-abc1')!;
    expect(arrived).toMatchObject({
      articleId,
      status: 'verified',
      text: 'sieben Millionen Euro',
      inText: true,
    });
    expect(arrived.links).toEqual([{ type: 'deal', id: 'deal-rotheide-1' }]);
    expect(arrived.history).toEqual([
      { status: 'unchecked', checker: 'Tim Brandt', at: T1 },
      { status: 'verified', checker: 'Tim Brandt', at: T2 },
    ]);
    expect(arrived.dismissedWarnings.map((d) => d.code)).toEqual(['amount-rounded']);
    expect(deskClaimState(editor, articleId)).toEqual(sent);

    // Applying the same again changes nothing.
    expect(applyDeskClaims(editor, articleId, sent.records, sent.passes, T2)).toBe(0);
  });

  it('keeps status changes made on both sides in the history and takes the desk’s current values', () => {
    const { editor, checker, articleId } = twoMachines();
    for (const db of [editor, checker])
      insertClaim(
        db,
        { id: 'claim-abc2', articleId, kind: 'quote', text: '„Wir bleiben“', context },
        'Jana Wolf',
        T1,
      );
    setClaimStatus(editor, 'claim-abc2', 'disputed', 'Jana Wolf', T1);
    setClaimStatus(checker, 'claim-abc2', 'verified', 'Tim Brandt', T2);
    applyDeskClaims(editor, articleId, deskClaimState(checker, articleId).records, [], T2);
    const merged = getClaim(editor, 'claim-abc2')!;
    expect(merged.status).toBe('verified');
    expect(merged.history.map((h) => `${h.status} ${h.checker}`)).toEqual([
      'unchecked Jana Wolf',
      'disputed Jana Wolf',
      'verified Tim Brandt',
    ]);
  });

  it('never moves a claim that belongs to another article', () => {
    const { editor, articleId } = twoMachines();
    const other = createArticle(editor, { language: 'de', author: 'Jana Wolf' }, T1);
    insertClaim(
      editor,
      { id: 'claim-other', articleId: other.meta.id, kind: 'other', text: 'x', context },
      'Jana Wolf',
      T1,
    );
    const record: DeskClaimRecord = {
      id: 'claim-other',
      kind: 'other',
      status: 'false',
      text: 'y',
      note: '',
      inText: true,
      links: [],
      history: [],
      dismissedWarnings: [],
      createdAt: T1,
    };
    expect(applyDeskClaims(editor, articleId, [record], [], T2)).toBe(0);
    expect(getClaim(editor, 'claim-other')).toMatchObject({ articleId: other.meta.id, status: 'unchecked' });
  });
});
