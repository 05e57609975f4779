import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArticle } from './articles';
import {
  dismissWarning,
  factExists,
  getClaim,
  insertClaim,
  linkFacts,
  listClaims,
  setClaimStatus,
  syncPresence,
  unlinkFact,
  updateClaimFields,
} from './claims';
import { openDatabase, type Db } from './db';
import { latestGatePass, recordGatePass } from './readyGate';

let dir: string;
let db: Db;
let articleId: string;

const T0 = '2026-11-24T09:00:00.000Z';
const T1 = '2026-11-24T09:05:00.000Z';
const T2 = '2026-11-24T09:10:00.000Z';

const paragraph = 'Strivo zahlt dem SV Rotheide sieben Millionen Euro.';
const context = { text: paragraph, start: 29, end: 50 };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-claims-'));
  db = openDatabase(path.join(dir, 'factdesk.sqlite'));
  articleId = createArticle(db, { language: 'de', author: 'Jana' }, T0).meta.id;
  db.prepare(
    `INSERT INTO entities (id, kind, name, created_at, updated_at) VALUES ('e-strivo', 'broadcaster', 'Strivo', ?, ?)`,
  ).run(T0, T0);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function newClaim(id = 'c-amount-1') {
  return insertClaim(
    db,
    { id, articleId, kind: 'amount', text: 'sieben Millionen Euro', context },
    'Jana',
    T0,
  );
}

describe('claim records', () => {
  it('stores a new claim as unchecked, with who marked it as the first history entry', () => {
    const claim = newClaim();
    expect(claim).toMatchObject({
      id: 'c-amount-1',
      articleId,
      kind: 'amount',
      status: 'unchecked',
      text: 'sieben Millionen Euro',
      inText: true,
      links: [],
      history: [{ status: 'unchecked', checker: 'Jana', at: T0 }],
      context,
    });
  });

  it('records every status change with checker and time, keeping the earlier ones', () => {
    newClaim();
    setClaimStatus(db, 'c-amount-1', 'disputed', 'Erika', T1);
    setClaimStatus(db, 'c-amount-1', 'verified', 'Jonas', T2);
    const claim = getClaim(db, 'c-amount-1')!;
    expect(claim.status).toBe('verified');
    expect(claim.history.map((h) => [h.status, h.checker, h.at])).toEqual([
      ['unchecked', 'Jana', T0],
      ['disputed', 'Erika', T1],
      ['verified', 'Jonas', T2],
    ]);
  });

  it('links facts in the order given, ignores a repeated link, and unlinks one', () => {
    newClaim();
    linkFacts(
      db,
      'c-amount-1',
      articleId,
      [
        { type: 'deal', id: 'd-7m' },
        { type: 'entity', id: 'e-strivo' },
      ],
      T1,
    );
    linkFacts(db, 'c-amount-1', articleId, [{ type: 'deal', id: 'd-7m' }], T1);
    expect(getClaim(db, 'c-amount-1')!.links).toEqual([
      { type: 'deal', id: 'd-7m' },
      { type: 'entity', id: 'e-strivo' },
    ]);
    expect(
      db.prepare('SELECT article_id FROM claim_links WHERE claim_id = ?').pluck().all('c-amount-1'),
    ).toEqual([articleId, articleId]);
    expect(unlinkFact(db, 'c-amount-1', { type: 'deal', id: 'd-7m' }, T2)).toBe(true);
    expect(unlinkFact(db, 'c-amount-1', { type: 'deal', id: 'd-7m' }, T2)).toBe(false);
    expect(getClaim(db, 'c-amount-1')!.links).toEqual([{ type: 'entity', id: 'e-strivo' }]);
  });

  it('knows which facts exist', () => {
    expect(factExists(db, { type: 'entity', id: 'e-strivo' })).toBe(true);
    expect(factExists(db, { type: 'deal', id: 'e-strivo' })).toBe(false);
  });

  it('keeps the first reason a warning was dismissed with', () => {
    newClaim();
    expect(dismissWarning(db, 'c-amount-1', 'amount.rounded/deal:d-7m', 'Hausstil rundet', 'Erika', T1)).toBe(
      true,
    );
    expect(dismissWarning(db, 'c-amount-1', 'amount.rounded/deal:d-7m', 'anders', 'Jonas', T2)).toBe(false);
    expect(getClaim(db, 'c-amount-1')!.dismissedWarnings).toEqual([
      { code: 'amount.rounded/deal:d-7m', reason: 'Hausstil rundet', checker: 'Erika', at: T1 },
    ]);
  });

  it('changes kind and note only when asked', () => {
    newClaim();
    updateClaimFields(db, 'c-amount-1', { note: 'Vertrag liegt vor' }, T1);
    updateClaimFields(db, 'c-amount-1', { kind: 'other' }, T2);
    expect(getClaim(db, 'c-amount-1')).toMatchObject({
      kind: 'other',
      note: 'Vertrag liegt vor',
      updatedAt: T2,
    });
  });

  it('lists the claims of one article with their links and history', () => {
    newClaim('c-one-111');
    newClaim('c-two-222');
    linkFacts(db, 'c-two-222', articleId, [{ type: 'deal', id: 'd-12m' }], T1);
    setClaimStatus(db, 'c-one-111', 'verified', 'Erika', T1);
    const other = createArticle(db, { language: 'en', author: 'Jana' }, T0).meta.id;
    insertClaim(
      db,
      {
        id: 'c-elsewhere',
        articleId: other,
        kind: 'other',
        text: 'x',
        context: { text: 'x', start: 0, end: 1 },
      },
      'J',
      T0,
    );
    const list = listClaims(db, articleId);
    expect(list.map((c) => c.id)).toEqual(['c-one-111', 'c-two-222']);
    expect(list[0].history).toHaveLength(2);
    expect(list[1].links).toEqual([{ type: 'deal', id: 'd-12m' }]);
  });
});

describe('claims and the marks in the text', () => {
  it('keeps a claim whose mark left the text as removed, and brings it back with its status', () => {
    newClaim();
    setClaimStatus(db, 'c-amount-1', 'verified', 'Erika', T1);
    expect(syncPresence(db, articleId, [], T1)).toEqual({
      returned: [],
      removed: ['c-amount-1'],
      unknown: [],
    });
    expect(getClaim(db, 'c-amount-1')).toMatchObject({ inText: false, status: 'verified' });
    const back = syncPresence(
      db,
      articleId,
      [{ id: 'c-amount-1', text: 'sieben Millionen Euro', context }],
      T2,
    );
    expect(back).toEqual({ returned: ['c-amount-1'], removed: [], unknown: [] });
    expect(getClaim(db, 'c-amount-1')).toMatchObject({ inText: true, status: 'verified' });
  });

  it('follows edits of the marked text and names marks that are no claims of the article', () => {
    newClaim();
    const edited = { text: 'Strivo zahlt dem SV Rotheide acht Millionen Euro.', start: 29, end: 48 };
    const change = syncPresence(
      db,
      articleId,
      [
        { id: 'c-amount-1', text: 'acht Millionen Euro', context: edited },
        { id: 'c-pasted-99', text: 'x', context: { text: 'x', start: 0, end: 1 } },
      ],
      T1,
    );
    expect(change).toEqual({ returned: [], removed: [], unknown: ['c-pasted-99'] });
    expect(getClaim(db, 'c-amount-1')).toMatchObject({
      text: 'acht Millionen Euro',
      context: edited,
      updatedAt: T1,
    });
  });
});

describe('ready gate passes', () => {
  it('returns the latest pass of an article', () => {
    expect(latestGatePass(db, articleId)).toBeNull();
    recordGatePass(db, {
      articleId,
      by: 'Erika',
      at: T1,
      overrideReason: 'Quelle am Telefon',
      openClaims: ['c-1'],
    });
    recordGatePass(db, { articleId, by: 'Jonas', at: T2, overrideReason: null, openClaims: [] });
    expect(latestGatePass(db, articleId)).toEqual({
      articleId,
      by: 'Jonas',
      at: T2,
      overrideReason: null,
      openClaims: [],
    });
  });
});
