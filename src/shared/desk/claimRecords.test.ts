import { describe, expect, it } from 'vitest';
import {
  claimRecord,
  GATE_PASSES_KEY,
  mergeClaimRecords,
  mergeGatePasses,
  parseClaimRecord,
  parseGatePasses,
  recordFields,
  recordKey,
  type DeskClaimRecord,
} from './claimRecords';
import type { Claim } from '../domain/articles';

const claim: Claim = {
  id: 'claim-abc1',
  articleId: 'a1',
  kind: 'amount',
  status: 'verified',
  text: 'sieben Millionen Euro',
  note: 'laut Verein',
  links: [{ type: 'deal', id: 'deal-1' }],
  inText: true,
  history: [{ status: 'verified', checker: 'Tim Brandt', at: '2026-12-06T10:05:00.000Z' }],
  dismissedWarnings: [],
  createdAt: '2026-12-06T10:00:00.000Z',
  updatedAt: '2026-12-06T10:05:00.000Z',
};

describe('claim records for the desk', () => {
  it('round-trips a claim through the fields of its Y.Map', () => {
    const record = claimRecord(claim);
    expect(parseClaimRecord(record.id, recordFields(record))).toEqual(record);
    expect(
      recordKey(
        parseClaimRecord(
          record.id,
          JSON.parse(JSON.stringify(recordFields(record))) as Record<string, unknown>,
        )!,
      ),
    ).toBe(recordKey(record));
  });

  it('refuses malformed records from the desk instead of storing them', () => {
    const fields = recordFields(claimRecord(claim));
    expect(parseClaimRecord('claim-abc1', { ...fields, status: 'probably' })).toBeNull();
    expect(parseClaimRecord('claim-abc1', { ...fields, links: [{ type: 'rumour', id: 'x' }] })).toBeNull();
    expect(parseClaimRecord('bad id!', fields)).toBeNull();
    expect(parseClaimRecord(GATE_PASSES_KEY, fields)).toBeNull();
    expect(parseClaimRecord('claim-abc1', { ...fields, note: 'x'.repeat(100_000) })).toBeNull();
  });

  it('merges history from both sides and keeps the first dismissal of a warning', () => {
    const local: DeskClaimRecord = {
      ...claimRecord(claim),
      status: 'disputed',
      history: [{ status: 'disputed', checker: 'Jana Wolf', at: '2026-12-06T10:01:00.000Z' }],
      dismissedWarnings: [
        { code: 'w1', reason: 'local', checker: 'Jana Wolf', at: '2026-12-06T10:01:00.000Z' },
      ],
    };
    const desk: DeskClaimRecord = {
      ...claimRecord(claim),
      dismissedWarnings: [
        { code: 'w1', reason: 'desk', checker: 'Tim Brandt', at: '2026-12-06T10:02:00.000Z' },
      ],
    };
    const merged = mergeClaimRecords(local, desk);
    expect(merged.status).toBe('verified');
    expect(merged.history.map((h) => h.checker)).toEqual(['Jana Wolf', 'Tim Brandt']);
    expect(merged.dismissedWarnings.map((d) => d.reason)).toEqual(['local']);
    expect(mergeClaimRecords(null, desk)).toBe(desk);
  });

  it('unions gate passes and drops malformed ones', () => {
    const a = {
      by: 'Jana Wolf',
      at: '2026-12-06T10:00:00.000Z',
      overrideReason: 'Quelle am Telefon',
      openClaims: ['claim-abc1'],
    };
    const b = { by: 'Tim Brandt', at: '2026-12-06T11:00:00.000Z', overrideReason: null, openClaims: [] };
    expect(mergeGatePasses([a], [b, a])).toEqual([a, b]);
    expect(parseGatePasses([a, b])).toEqual([a, b]);
    expect(parseGatePasses([{ ...a, overrideReason: '' }])).toEqual([]);
    expect(parseGatePasses('junk')).toEqual([]);
  });
});
