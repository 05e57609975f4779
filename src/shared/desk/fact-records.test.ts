import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Citation, Deal, Entity, Quote, Role, Source } from '../domain/facts';
import { appendChange, readChanges } from './fact-changes';
import {
  deskDocFor,
  fieldsMap,
  readRecord,
  readRecords,
  recordsMap,
  removeRecord,
  writeRecord,
} from './fact-records';
import { FACT_BUCKETS, parseDeskDocName } from './names';

const ENTITY: Entity = {
  id: 'ent-kowalczyk',
  kind: 'person',
  name: 'Lena Kowalczyk',
  aliases: ['L. Kowalczyk', 'Kowalczyk'],
  note: null,
};
const ROLE: Role = {
  id: 'role-k1',
  personId: 'ent-kowalczyk',
  title: 'Trainerin',
  organisationId: 'ent-nordhafen',
  from: '2024-07-01',
  to: null,
};
const DEAL: Deal = {
  id: 'deal-liga',
  kind: 'broadcast_rights',
  payerId: 'ent-strivo',
  payeeId: 'ent-rotheide',
  subject: 'Liga-Rechte SV Rotheide',
  amountMinor: 500_000_000,
  amountMaxMinor: null,
  currency: 'EUR',
  precision: 'exact',
  dateFrom: '2026-07-01',
  dateTo: '2029-06-30',
  status: 'reported',
  reportedById: null,
  notes: null,
};
const QUOTE: Quote = {
  id: 'quote-bleiben',
  speakerId: 'ent-kowalczyk',
  roleAtTime: 'Trainerin, FC Nordhafen',
  wording: 'Wir bleiben in Nordhafen.',
  language: 'de',
  date: '2026-05-02',
  occasion: 'interview',
  translationOfId: null,
  status: 'verified',
  notes: 'telefonisch bestätigt',
};
const SOURCE: Source = {
  id: 'src-int',
  kind: 'interview_recording',
  title: 'Interview Nordhafener Rundschau',
  publisher: 'Nordhafener Rundschau',
  url: null,
  publishedAt: '2026-05-02',
  accessedAt: null,
  notes: null,
  fileHash: 'a'.repeat(64),
  fileName: 'interview.mp3',
};
const CITATION: Citation = {
  id: 'cit-1',
  factType: 'quote',
  factId: 'quote-bleiben',
  sourceId: 'src-int',
  locator: 'ab 12:40',
  excerpt: null,
};

/** Two replicas that exchange every update, as two members connected to one desk would. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && Y.applyUpdate(b, u, 'sync'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && Y.applyUpdate(a, u, 'sync'));
  return [a, b];
}

describe('fact records in a desk document', () => {
  const cases = [
    ['entity', ENTITY],
    ['role', ROLE],
    ['deal', DEAL],
    ['quote', QUOTE],
    ['source', SOURCE],
    ['citation', CITATION],
  ] as const;
  for (const [kind, record] of cases) {
    it(`carries a ${kind} to another replica unchanged`, () => {
      const [a, b] = pair();
      a.transact(() => writeRecord(a, kind, record));
      expect(readRecords(b, kind)).toEqual({ records: [record], problems: [] });
    });
  }

  it('writes only the fields that changed, and nothing when nothing did', () => {
    const doc = new Y.Doc();
    writeRecord(doc, 'deal', DEAL);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(writeRecord(doc, 'deal', { ...DEAL })).toEqual([]);
    expect(updates).toBe(0);
    expect(writeRecord(doc, 'deal', { ...DEAL, amountMinor: 650_000_000 })).toEqual([
      { field: 'amountMinor', before: 500_000_000, after: 650_000_000 },
    ]);
    expect(updates).toBe(1);
  });

  it('keeps both changes when two members edit different fields of one record offline', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeRecord(a, 'deal', DEAL);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    writeRecord(a, 'deal', { ...DEAL, amountMinor: 650_000_000 });
    writeRecord(b, 'deal', { ...DEAL, status: 'confirmed' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const expected = { ...DEAL, amountMinor: 650_000_000, status: 'confirmed' };
    expect(readRecords(a, 'deal').records).toEqual([expected]);
    expect(readRecords(b, 'deal').records).toEqual([expected]);
  });

  it('converges on one value when two members change the same field, and the log keeps both edits', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeRecord(a, 'deal', DEAL);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const [doc, amount, by] of [
      [a, 600_000_000, 'Erika Prüfer'],
      [b, 700_000_000, 'Jonas Brandt'],
    ] as const) {
      doc.transact(() => {
        const changes = writeRecord(doc, 'deal', { ...DEAL, amountMinor: amount });
        appendChange(doc, {
          id: `${by}-1`,
          recordId: DEAL.id,
          action: 'update',
          changes,
          by,
          at: '2026-12-06T10:00:00.000Z',
        });
      });
    }
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readRecords(a, 'deal').records).toEqual(readRecords(b, 'deal').records);
    expect([600_000_000, 700_000_000]).toContain(readRecords(a, 'deal').records[0].amountMinor);
    const log = (d: Y.Doc) =>
      readChanges(d)
        .changes.map((c) => `${c.by}: ${JSON.stringify(c.changes[0].after)}`)
        .sort();
    expect(log(a)).toEqual(['Erika Prüfer: 600000000', 'Jonas Brandt: 700000000']);
    expect(log(b)).toEqual(log(a));
  });

  it('refuses a record a broken client wrote, naming the field, and reads the valid ones', () => {
    const doc = new Y.Doc();
    writeRecord(doc, 'deal', DEAL);
    const bad = new Y.Map<unknown>();
    recordsMap(doc).set('deal-bad', bad);
    bad.set('kind', 'transfer');
    bad.set('subject', 'Wechsel');
    bad.set('precision', 'exact');
    bad.set('status', 'reported');
    bad.set('amountMinor', 100);
    bad.set('currency', 'euro');
    const { records, problems } = readRecords(doc, 'deal');
    expect(records.map((r) => r.id)).toEqual(['deal-liga']);
    expect(problems).toEqual([
      { path: 'deal:deal-bad.currency', message: expect.stringMatching(/ISO 4217/) },
    ]);
    recordsMap(doc).set('q', 'not a map');
    expect(readRecord(doc, 'quote', 'q')).toEqual({
      ok: false,
      problems: [{ path: 'quote:q', message: 'is not a record map' }],
    });
    recordsMap(doc).delete('q');
    recordsMap(doc).set('deal-plain-bad', { ...DEAL, id: undefined, amountMinor: 'viel' });
    expect(readRecords(doc, 'deal').problems).toEqual([
      { path: 'deal:deal-bad.currency', message: expect.stringMatching(/ISO 4217/) },
      { path: 'deal:deal-plain-bad.amountMinor', message: expect.any(String) },
    ]);
  });

  it('stores a new record as one value and a later edit as a field of its own', () => {
    const doc = new Y.Doc();
    writeRecord(doc, 'deal', DEAL);
    const { id, ...fields } = DEAL;
    expect(recordsMap(doc).get(id)).toEqual(fields);
    writeRecord(doc, 'deal', { ...DEAL, status: 'confirmed' });
    expect(recordsMap(doc).get(id)).toEqual(fields);
    expect(fieldsMap(doc).toJSON()).toEqual({ [`${id}/status`]: 'confirmed' });
    expect(readRecord(doc, 'deal', id)).toEqual({ ok: true, record: { ...DEAL, status: 'confirmed' } });
  });

  it('reads and edits records a desk stored as a Y.Map per record (before session 6)', () => {
    const doc = new Y.Doc();
    const old = new Y.Map<unknown>();
    recordsMap(doc).set(QUOTE.id, old);
    for (const [field, value] of Object.entries(QUOTE)) if (field !== 'id') old.set(field, value);
    expect(readRecords(doc, 'quote').records).toEqual([QUOTE]);
    expect(writeRecord(doc, 'quote', { ...QUOTE, status: 'retracted' })).toEqual([
      { field: 'status', before: 'verified', after: 'retracted' },
    ]);
    // Into the record's own map, where a member on the earlier version reads it too.
    expect(old.get('status')).toBe('retracted');
    expect(fieldsMap(doc).size).toBe(0);
    expect(readRecords(doc, 'quote').records).toEqual([{ ...QUOTE, status: 'retracted' }]);
  });

  it('leaves out an edit of a record deleted meanwhile, also when the id comes back', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeRecord(a, 'deal', DEAL);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    writeRecord(a, 'deal', { ...DEAL, amountMinor: 650_000_000 });
    removeRecord(b, 'deal', DEAL.id);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(readRecords(doc, 'deal').records).toEqual([]);
    writeRecord(b, 'deal', DEAL);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    for (const doc of [a, b]) expect(readRecords(doc, 'deal').records).toEqual([DEAL]);
  });

  it('removes a record everywhere', () => {
    const [a, b] = pair();
    writeRecord(a, 'entity', ENTITY);
    writeRecord(a, 'entity', { ...ENTITY, note: 'Trainerin' });
    expect(removeRecord(b, 'entity', ENTITY.id)).toBe(true);
    expect(readRecords(a, 'entity').records).toEqual([]);
    expect(fieldsMap(a).size).toBe(0);
    expect(removeRecord(a, 'entity', ENTITY.id)).toBe(false);
  });

  it('puts each record in facts/<kind>/<bucket>, the bucket 0..63 from its id, the same on every run', () => {
    const names = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const name = deskDocFor('quote', `quote-${i}`);
      const parsed = parseDeskDocName(name);
      expect(parsed).toMatchObject({ kind: 'facts', factKind: 'quote' });
      names.add(name);
    }
    // 2,000 ids spread over every one of the 64 buckets.
    expect(names.size).toBe(FACT_BUCKETS);
    expect(deskDocFor('deal', DEAL.id)).toBe(deskDocFor('deal', DEAL.id));
  });
});
