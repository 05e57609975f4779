import { describe, expect, it } from 'vitest';
import {
  correctionRecordFields,
  correctionRecordKey,
  mergeCorrectionRecords,
  parseCorrectionRecord,
  type DeskCorrectionRecord,
} from './correctionRecords';

const T = (m: number) => `2026-12-06T10:0${m}:00.000Z`;
const base: DeskCorrectionRecord = {
  id: 'k-1',
  wrong: 'sieben Millionen Euro',
  right: 'acht Millionen Euro',
  claimIds: ['c-1'],
  facts: [{ type: 'deal', id: 'd-1' }],
  createdBy: 'Ruth Okafor',
  createdAt: T(1),
  updatedAt: T(1),
  exportedAt: null,
  withdrawnAt: null,
  history: [
    {
      action: 'created',
      wrong: 'sieben Millionen Euro',
      right: 'acht Millionen Euro',
      by: 'Ruth Okafor',
      at: T(1),
    },
  ],
};
const edit = (r: DeskCorrectionRecord, right: string, by: string, at: string): DeskCorrectionRecord => ({
  ...r,
  right,
  updatedAt: at,
  history: [...r.history, { action: 'edited', wrong: r.wrong, right, by, at }],
});

describe('corrections ⇄ desk records', () => {
  it('takes the later edit and keeps every step of both sides’ history, the same way round on both sides', () => {
    const here = edit(base, 'acht Millionen Euro plus Boni', 'Ruth Okafor', T(2));
    const there = edit(base, 'acht Millionen Euro fix', 'Lena Kowalczyk', T(3));
    const a = mergeCorrectionRecords(here, there);
    const b = mergeCorrectionRecords(there, here);
    expect(a.right).toBe('acht Millionen Euro fix');
    expect(a.history.map((e) => [e.action, e.by])).toEqual([
      ['created', 'Ruth Okafor'],
      ['edited', 'Ruth Okafor'],
      ['edited', 'Lena Kowalczyk'],
    ]);
    expect(correctionRecordKey(a)).toBe(correctionRecordKey(b));
    expect(mergeCorrectionRecords(null, there)).toBe(there);
  });

  it('never rewrites an exported wording with an edit made elsewhere, and keeps export and withdrawal done', () => {
    const exported: DeskCorrectionRecord = {
      ...base,
      exportedAt: T(2),
      history: [...base.history, { ...base.history[0], action: 'exported', by: 'Jana Wolf', at: T(2) }],
    };
    const editedLater = edit(base, 'neun Millionen Euro', 'Lena Kowalczyk', T(4));
    for (const merged of [
      mergeCorrectionRecords(exported, editedLater),
      mergeCorrectionRecords(editedLater, exported),
    ]) {
      expect(merged.right).toBe('acht Millionen Euro');
      expect(merged.exportedAt).toBe(T(2));
      expect(merged.history).toHaveLength(3);
    }
    const withdrawn = { ...base, withdrawnAt: T(3), updatedAt: T(3) };
    expect(mergeCorrectionRecords(withdrawn, base).withdrawnAt).toBe(T(3));
    expect(mergeCorrectionRecords(base, withdrawn).withdrawnAt).toBe(T(3));
  });

  it('reads a record back from its map fields and refuses anything malformed', () => {
    const fields = correctionRecordFields(base);
    expect(parseCorrectionRecord('k-1', fields)).toEqual(base);
    expect(parseCorrectionRecord('', fields)).toBeNull();
    expect(parseCorrectionRecord('k-1', { ...fields, right: '   ' })).toBeNull();
    expect(parseCorrectionRecord('k-1', { ...fields, history: [] })).toBeNull();
    expect(parseCorrectionRecord('k-1', { ...fields, facts: [{ type: 'rumour', id: 'd-1' }] })).toBeNull();
    expect(
      parseCorrectionRecord('k-1', { ...fields, history: [{ ...base.history[0], action: 'deleted' }] }),
    ).toBeNull();
    expect(parseCorrectionRecord('k-1', { ...fields, claimIds: 'c-1' })).toBeNull();
    expect(parseCorrectionRecord('k-1', { ...fields, extra: '<script>' })).toBeNull();
    expect(parseCorrectionRecord('k-1', { ...fields, right: 'x'.repeat(2001) })).toBeNull();
  });
});
