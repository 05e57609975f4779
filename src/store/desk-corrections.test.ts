import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  correctionRecordFields,
  parseCorrectionRecord,
  type DeskCorrectionRecord,
} from '../shared/desk/correctionRecords';
import { ARTICLE_DOC_KEYS } from '../shared/desk/names';
import { createArticle } from './articles';
import { insertClaim } from './claims';
import {
  getCorrection,
  insertCorrection,
  listCorrections,
  markCorrectionsExported,
  noteClaimTextChange,
  openPrompts,
  updateCorrection,
  withdrawCorrection,
} from './corrections';
import { openDatabase, type Db } from './db';
import { applyDeskCorrections, deskCorrectionState } from './desk-corrections';

const T1 = '2026-12-06T10:00:00.000Z';
const T1b = '2026-12-06T10:01:00.000Z';
const T2 = '2026-12-06T10:05:00.000Z';
const T3 = '2026-12-06T10:09:00.000Z';
const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const context = { text: 'Kowalczyk kostet sieben Millionen Euro.', start: 17, end: 38 };

function open(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-desk-corrections-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'factdesk.sqlite'));
  dbs.push(db);
  return db;
}

/** Two machines with the same article and claim, and two article documents linked like two desk clients. */
function twoMachines() {
  const editor = open();
  const checker = open();
  const article = createArticle(editor, { language: 'de', author: 'Jana Wolf' }, T1);
  const articleId = article.meta.id;
  createArticle(checker, { id: articleId, language: 'de', author: 'Jana Wolf' }, T1);
  for (const db of [editor, checker])
    insertClaim(
      db,
      { id: 'c-amount', articleId, text: 'sieben Millionen Euro', kind: 'amount', context },
      'Jana Wolf',
      T1,
    );
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  docA.on('update', (u: Uint8Array, origin: unknown) => origin !== 'link' && Y.applyUpdate(docB, u, 'link'));
  docB.on('update', (u: Uint8Array, origin: unknown) => origin !== 'link' && Y.applyUpdate(docA, u, 'link'));
  return { editor, checker, articleId, docA, docB };
}

/** What the app's desk mapping does: local records into the 'corrections' map, field by field… */
function push(doc: Y.Doc, records: DeskCorrectionRecord[]): void {
  const map = doc.getMap<unknown>(ARTICLE_DOC_KEYS.corrections);
  doc.transact(() => {
    for (const record of records) {
      let entry = map.get(record.id);
      if (!(entry instanceof Y.Map)) {
        entry = new Y.Map<unknown>();
        map.set(record.id, entry);
      }
      for (const [key, value] of Object.entries(correctionRecordFields(record)))
        if (JSON.stringify((entry as Y.Map<unknown>).get(key)) !== JSON.stringify(value))
          (entry as Y.Map<unknown>).set(key, value);
    }
  });
}

/** …and the map's well-formed records back out. */
function pull(doc: Y.Doc): DeskCorrectionRecord[] {
  const records: DeskCorrectionRecord[] = [];
  doc.getMap<unknown>(ARTICLE_DOC_KEYS.corrections).forEach((value, key) => {
    if (!(value instanceof Y.Map)) return;
    const record = parseCorrectionRecord(key, value.toJSON() as Record<string, unknown>);
    if (record) records.push(record);
  });
  return records;
}

const correction = (articleId: string, id: string, right: string) => ({
  id,
  articleId,
  wrong: 'sieben Millionen Euro',
  right,
  claimIds: ['c-amount'],
  facts: [{ type: 'deal' as const, id: 'd-1' }],
});

describe('corrections ⇄ desk records (SQL side, through two linked article documents)', () => {
  it('carries new corrections of both sides, the later edit, a withdrawal and the export freeze to both machines', () => {
    const { editor, checker, articleId, docA, docB } = twoMachines();
    noteClaimTextChange(
      checker,
      {
        articleId,
        claimId: 'c-amount',
        before: 'sieben Millionen Euro',
        after: 'acht Millionen Euro',
        facts: [],
      },
      'Lena Kowalczyk',
      T1,
    );
    insertCorrection(editor, correction(articleId, 'k-1', 'acht Millionen Euro'), 'Ruth Okafor', T1);
    insertCorrection(checker, correction(articleId, 'k-2', 'acht Millionen Euro fix'), 'Lena Kowalczyk', T1b);
    push(docA, deskCorrectionState(editor, articleId));
    push(docB, deskCorrectionState(checker, articleId));
    expect(applyDeskCorrections(checker, articleId, pull(docB))).toEqual({ changed: 1, waiting: 0 });
    expect(applyDeskCorrections(editor, articleId, pull(docA))).toEqual({ changed: 1, waiting: 0 });
    for (const db of [editor, checker])
      expect(listCorrections(db, articleId).map((c) => [c.id, c.right, c.claimIds, c.facts])).toEqual([
        ['k-1', 'acht Millionen Euro', ['c-amount'], [{ type: 'deal', id: 'd-1' }]],
        ['k-2', 'acht Millionen Euro fix', ['c-amount'], [{ type: 'deal', id: 'd-1' }]],
      ]);

    // Edited on both machines at once: the later edit wins everywhere, both steps stay in the history.
    const patch = { wrong: 'sieben Millionen Euro', claimIds: ['c-amount'], facts: [] };
    updateCorrection(editor, 'k-1', { ...patch, right: 'acht Millionen Euro plus Boni' }, 'Ruth Okafor', T2);
    updateCorrection(checker, 'k-1', { ...patch, right: 'acht Millionen Euro brutto' }, 'Lena Kowalczyk', T3);
    withdrawCorrection(checker, 'k-2', 'Lena Kowalczyk', T2);
    push(docA, deskCorrectionState(editor, articleId));
    applyDeskCorrections(checker, articleId, pull(docB));
    push(docB, deskCorrectionState(checker, articleId));
    applyDeskCorrections(editor, articleId, pull(docA));
    for (const db of [editor, checker]) {
      const [k1, ...rest] = listCorrections(db, articleId);
      expect(rest).toEqual([]);
      expect(k1.right).toBe('acht Millionen Euro brutto');
      expect(k1.facts).toEqual([]);
      expect(k1.history.map((e) => [e.action, e.by])).toEqual([
        ['created', 'Ruth Okafor'],
        ['edited', 'Ruth Okafor'],
        ['edited', 'Lena Kowalczyk'],
      ]);
      expect(getCorrection(db, 'k-2')?.withdrawn).toBe(true);
    }
    expect(deskCorrectionState(editor, articleId)).toEqual(deskCorrectionState(checker, articleId));

    // Exported on one machine while edited on the other: what went out stays as it went out.
    markCorrectionsExported(editor, articleId, 'Jana Wolf', '2026-12-06T11:00:00.000Z');
    updateCorrection(
      checker,
      'k-1',
      { ...patch, right: 'neun Millionen Euro' },
      'Lena Kowalczyk',
      '2026-12-06T11:30:00.000Z',
    );
    push(docA, deskCorrectionState(editor, articleId));
    applyDeskCorrections(checker, articleId, pull(docB));
    push(docB, deskCorrectionState(checker, articleId));
    applyDeskCorrections(editor, articleId, pull(docA));
    for (const db of [editor, checker]) {
      const k1 = getCorrection(db, 'k-1')!;
      expect([k1.right, k1.exportedAt]).toEqual(['acht Millionen Euro brutto', '2026-12-06T11:00:00.000Z']);
      expect(k1.history.map((e) => e.action)).toEqual(['created', 'edited', 'edited', 'exported', 'edited']);
    }
    expect(() =>
      updateCorrection(
        checker,
        'k-1',
        { ...patch, right: 'zehn' },
        'Lena Kowalczyk',
        '2026-12-06T12:00:00.000Z',
      ),
    ).toThrow(/exported/);
    // Nothing left to carry: applying again changes nothing.
    expect(applyDeskCorrections(editor, articleId, pull(docA)).changed).toBe(0);
    // The checker's offer was settled by its own k-2 and opened again by k-2's withdrawal, as on one machine.
    expect(openPrompts(checker, articleId).map((p) => p.claimId)).toEqual(['c-amount']);
  });

  it('lets a correction on an unknown claim wait, leaves malformed records and other articles’ corrections alone', () => {
    const { editor, checker, articleId, docA, docB } = twoMachines();
    insertClaim(
      editor,
      { id: 'c-new', articleId, text: 'sieben Millionen Euro', kind: 'amount', context },
      'Jana Wolf',
      T1,
    );
    insertCorrection(
      editor,
      { ...correction(articleId, 'k-3', 'acht'), claimIds: ['c-new'] },
      'Ruth Okafor',
      T1,
    );
    push(docA, deskCorrectionState(editor, articleId));
    expect(applyDeskCorrections(checker, articleId, pull(docB))).toEqual({ changed: 0, waiting: 1 });
    expect(listCorrections(checker, articleId)).toEqual([]);
    insertClaim(
      checker,
      { id: 'c-new', articleId, text: 'sieben Millionen Euro', kind: 'amount', context },
      'Jana Wolf',
      T2,
    );
    noteClaimTextChange(
      checker,
      {
        articleId,
        claimId: 'c-new',
        before: 'sieben Millionen Euro',
        after: 'acht Millionen Euro',
        facts: [],
      },
      'Lena Kowalczyk',
      T2,
    );
    expect(applyDeskCorrections(checker, articleId, pull(docB))).toEqual({ changed: 1, waiting: 0 });
    // The offer for the claim is settled by the correction that arrived.
    expect(openPrompts(checker, articleId)).toEqual([]);

    // A record someone broke on the desk is not read at all; the local row stays as it was.
    (docB.getMap<unknown>(ARTICLE_DOC_KEYS.corrections).get('k-3') as Y.Map<unknown>).set('history', []);
    expect(pull(docA)).toEqual([]);
    expect(getCorrection(editor, 'k-3')?.history).toHaveLength(1);

    // A correction with this id belonging to another article here is never touched.
    const other = createArticle(checker, { language: 'de', author: 'Jana Wolf' }, T1);
    insertCorrection(
      checker,
      { ...correction(other.meta.id, 'k-4', 'neun'), claimIds: [] },
      'Lena Kowalczyk',
      T1,
    );
    const foreign = { ...deskCorrectionState(checker, other.meta.id)[0], right: 'zehn', updatedAt: T3 };
    expect(applyDeskCorrections(checker, articleId, [foreign])).toEqual({ changed: 0, waiting: 0 });
    expect(getCorrection(checker, 'k-4')?.right).toBe('neun');
  });
});
