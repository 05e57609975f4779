import { describe, expect, it } from 'vitest';
import { claimLinking } from './facts.fixture';
import { describeBlockedGate, gateStatus } from './gate';

const claim = (
  id: string,
  status: 'unchecked' | 'verified' | 'disputed',
  inText = true,
  text = `Text ${id}`,
) => claimLinking([], { id, status, inText, text });

describe('the "ready" gate', () => {
  it('passes when every claim in the text is verified', () => {
    expect(gateStatus([claim('a', 'verified'), claim('b', 'verified')])).toEqual({
      passes: true,
      open: [],
      override: null,
    });
  });

  it('blocks on an unchecked claim and names it', () => {
    const status = gateStatus([
      claim('a', 'verified'),
      claim('b', 'unchecked', true, 'sieben Millionen Euro'),
    ]);
    expect(status.passes).toBe(false);
    expect(status.open).toEqual([
      { id: 'b', kind: 'other', status: 'unchecked', text: 'sieben Millionen Euro', needsRecheck: false },
    ]);
    expect(describeBlockedGate(status, 'de')).toMatch(
      /^Eine Behauptung ist noch nicht verifiziert: „sieben Millionen Euro“ \(Ungeprüft\)/,
    );
    expect(describeBlockedGate(status, 'en')).toMatch(
      /^One claim is not verified yet: “sieben Millionen Euro” \(Unchecked\)/,
    );
  });

  it('ignores claims whose text was deleted from the article', () => {
    expect(gateStatus([claim('a', 'unchecked', false), claim('b', 'verified')]).passes).toBe(true);
  });

  it('lets open claims through with an override written while exactly those were open', () => {
    const override = {
      reason: 'Zahl vom Verein telefonisch bestätigt',
      by: 'Erika',
      at: '2026-11-24T10:00:00Z',
      openClaims: ['b'],
    };
    const status = gateStatus([claim('a', 'verified'), claim('b', 'disputed')], override);
    expect(status).toMatchObject({ passes: true, override });
  });

  it('blocks again when a claim opened after the override is not covered', () => {
    const override = { reason: 'ok', by: 'Erika', at: '2026-11-24T10:00:00Z', openClaims: ['b'] };
    const status = gateStatus([claim('b', 'disputed'), claim('c', 'unchecked')], override);
    expect(status.passes).toBe(false);
    expect(status.override).toBeNull();
    expect(describeBlockedGate(status, 'en')).toMatch(/^2 claims are not verified yet/);
  });

  it('treats a verified claim whose linked fact changed as open until it is re-checked', () => {
    const stale = { ...claim('a', 'verified', true, 'fünf Millionen Euro'), recheck: [{ reason: 'amount' }] };
    const status = gateStatus([stale, claim('b', 'verified')]);
    expect(status.passes).toBe(false);
    expect(status.open).toEqual([
      { id: 'a', kind: 'other', status: 'verified', text: 'fünf Millionen Euro', needsRecheck: true },
    ]);
    expect(describeBlockedGate(status, 'en')).toMatch(/“fünf Millionen Euro” \(needs re-check\)/);
    expect(describeBlockedGate(status, 'de')).toMatch(/„fünf Millionen Euro“ \(erneut prüfen\)/);
    expect(gateStatus([{ ...stale, recheck: [] }]).passes).toBe(true);
  });
});
