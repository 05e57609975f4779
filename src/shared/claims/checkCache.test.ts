import { describe, expect, it } from 'vitest';
import { ClaimCheckCache } from './checkCache';
import { claimLinking, contextOf, FACTS } from './facts.fixture';

const de = 'Strivo zahlt dem SV Rotheide sieben Millionen Euro.';
const claim = claimLinking([{ type: 'deal', id: 'd-7m' }]);

describe('the claim check cache', () => {
  it('reuses a result for the same claim, context and facts', () => {
    const cache = new ClaimCheckCache();
    const first = cache.forFacts(FACTS, 'de')(claim, contextOf(de, 'sieben Millionen Euro'));
    const again = cache.forFacts(FACTS, 'de')(claim, contextOf(de, 'sieben Millionen Euro'));
    expect(again).toBe(first);
    expect(cache.size).toBe(1);
  });

  it('checks again when a linked fact changed', () => {
    const cache = new ClaimCheckCache();
    const context = contextOf(de, 'sieben Millionen Euro');
    expect(cache.forFacts(FACTS, 'de')(claim, context).warnings).toEqual([]);
    const changed = {
      ...FACTS,
      deals: FACTS.deals.map((d) => (d.id === 'd-7m' ? { ...d, amountMinor: 900_000_000 } : d)),
    };
    expect(
      cache
        .forFacts(changed, 'de')(claim, context)
        .warnings.map((w) => w.code),
    ).toEqual(['amount.mismatch']);
  });

  it('checks again when the text around the mark or the status changed, and forgets the oldest beyond its limit', () => {
    const cache = new ClaimCheckCache(2);
    const run = cache.forFacts(FACTS, 'de');
    run(claim, contextOf(de, 'sieben Millionen Euro'));
    const hedged = 'Strivo soll dem SV Rotheide sieben Millionen Euro gezahlt haben.';
    expect(run(claim, contextOf(hedged, 'sieben Millionen Euro')).warnings.map((w) => w.code)).toEqual([
      'hedging.unneeded_hedge',
    ]);
    run({ ...claim, status: 'verified' }, contextOf(de, 'sieben Millionen Euro'));
    expect(cache.size).toBe(2);
  });
});
