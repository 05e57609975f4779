import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  appendChange,
  changesArray,
  deletesChanges,
  deskFactChange,
  isPlainDeskFactChange,
  readChanges,
} from './fact-changes';

const valid = {
  id: 'c-1',
  recordId: 'd-rotheide',
  action: 'update',
  changes: [{ field: 'amountMinor', before: 500_000_000, after: 650_000_000 }],
  by: 'Lena Kowalczyk',
  at: '2026-12-06T17:00:00.000Z',
};

// Every way an entry written by a broken client can differ from a good one.
const variants: unknown[] = [
  valid,
  { ...valid, changes: [] },
  { ...valid, changes: [{ field: 'notes' }] },
  null,
  'text',
  [valid],
  { ...valid, extra: 1 },
  { ...valid, id: '' },
  { ...valid, id: 'x'.repeat(101) },
  { ...valid, id: 7 },
  { ...valid, recordId: undefined },
  { ...valid, action: 'merge' },
  { ...valid, by: '' },
  { ...valid, by: 'x'.repeat(121) },
  { ...valid, at: 'yesterday' },
  { ...valid, at: 'x'.repeat(41) },
  { ...valid, changes: 'amount' },
  { ...valid, changes: Array.from({ length: 41 }, () => ({ field: 'f', before: 1, after: 2 })) },
  { ...valid, changes: [{ field: 'x'.repeat(61), before: 1, after: 2 }] },
  { ...valid, changes: [{ field: 3, before: 1, after: 2 }] },
  { ...valid, changes: [{ before: 1, after: 2 }] },
  { ...valid, changes: [{ field: 'f', before: 1, after: 2, by: 'x' }] },
  { ...valid, changes: [null] },
  { ...valid, changes: [[1]] },
];

describe('the change log read without zod', () => {
  it('never accepts an entry the schema refuses', () => {
    for (const v of variants) {
      if (isPlainDeskFactChange(v)) expect(deskFactChange.safeParse(v).success, JSON.stringify(v)).toBe(true);
    }
    expect(isPlainDeskFactChange(valid)).toBe(true);
  });

  it('skips entries already read before checking them, and counts invalid ones', () => {
    const doc = new Y.Doc();
    appendChange(doc, valid as never);
    appendChange(doc, { ...valid, id: 'c-2' } as never);
    changesArray(doc).push([{ ...valid, id: 'c-3', action: 'merge' }]);
    expect(readChanges(doc).changes.map((c) => c.id)).toEqual(['c-1', 'c-2']);
    const { changes, invalid } = readChanges(doc, new Set(['c-1']));
    expect(changes.map((c) => c.id)).toEqual(['c-2']);
    expect(invalid).toBe(1);
  });
});

describe('telling a pruning of the change log from other deletions', () => {
  it('is true for a transaction that deleted log entries, false for a replaced field or a new entry', () => {
    const doc = new Y.Doc();
    const log = changesArray(doc);
    const records = doc.getMap('records');
    let last: boolean | null = null;
    doc.on('afterTransaction', (tr: Y.Transaction) => (last = deletesChanges(tr, doc)));
    records.set('d1', 1);
    expect(last).toBe(false);
    log.push([{ id: 'c1' }, { id: 'c2' }]);
    expect(last).toBe(false);
    records.set('d1', 2);
    expect(last).toBe(false);
    log.delete(0, 1);
    expect(last).toBe(true);
  });
});
