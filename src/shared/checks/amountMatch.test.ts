import { describe, expect, it } from 'vitest';
import type { AmountPrecision, Deal } from '../domain/facts';
import { parseAmounts } from '../language/amounts';
import { compareAmount, roundingTolerance } from './amountMatch';

function deal(amount: number | null, precision: AmountPrecision = 'exact', extra: Partial<Deal> = {}): Deal {
  return {
    id: 'd-strivo-rotheide',
    kind: 'documentary_access',
    payerId: 'c-strivo',
    payeeId: 'c-rotheide',
    subject: 'Doku-Serie über den SV Rotheide',
    amountMinor: amount === null ? null : Math.round(amount * 100),
    amountMaxMinor: null,
    currency: 'EUR',
    precision,
    dateFrom: '2024-07-01',
    dateTo: null,
    status: 'confirmed',
    reportedById: null,
    notes: null,
    ...extra,
  };
}

function amount(text: string, lang: 'de' | 'en') {
  const [a] = parseAmounts(text, lang);
  if (!a) throw new Error(`no amount in "${text}"`);
  return a;
}
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe('compareAmount – German text', () => {
  it('matches an exact figure with no warnings', () => {
    const r = compareAmount(amount('7 Mio. Euro', 'de'), deal(7_000_000));
    expect(r).toEqual({ verdict: 'match', warnings: [] });
  });

  it('matches "rund 7 Mio. Euro" against an exact 7,000,000', () => {
    expect(compareAmount(amount('rund 7 Mio. Euro', 'de'), deal(7_000_000)).verdict).toBe('match');
  });

  it('lets "rund" cover ±10 % and no more', () => {
    expect(compareAmount(amount('rund 7 Mio. Euro', 'de'), deal(7_600_000)).verdict).toBe('match');
    expect(compareAmount(amount('rund 7 Mio. Euro', 'de'), deal(7_800_000)).verdict).toBe('mismatch');
  });

  it('reports 7 million against 12 million as a mismatch with both figures in the message', () => {
    const r = compareAmount(amount('sieben Millionen Euro', 'de'), deal(12_000_000));
    expect(r.verdict).toBe('mismatch');
    expect(r.warnings[0]).toMatchObject({ code: 'amount.mismatch', severity: 'error' });
    expect(r.warnings[0].message.de).toBe('Der Text nennt 7.000.000\u00a0€, belegt sind 12.000.000\u00a0€.');
  });

  it('calls "mindestens 5 Mio." compatible with 7 million and "mindestens 8 Mio." a mismatch', () => {
    const r = compareAmount(amount('mindestens 5 Mio. Euro', 'de'), deal(7_000_000));
    expect(r.verdict).toBe('compatible');
    expect(codes(r)).toEqual(['amount.less_precise']);
    expect(compareAmount(amount('mindestens 8 Mio. Euro', 'de'), deal(7_000_000)).verdict).toBe('mismatch');
  });

  it('checks a range against an exact deal', () => {
    expect(
      compareAmount(amount('zwischen fünf und sieben Millionen Euro', 'de'), deal(6_000_000)).verdict,
    ).toBe('compatible');
    expect(
      compareAmount(amount('zwischen fünf und sieben Millionen Euro', 'de'), deal(8_000_000)).verdict,
    ).toBe('mismatch');
  });

  it('matches the same range on both sides', () => {
    const d = deal(5_000_000, 'range', { amountMaxMinor: 700_000_000 });
    expect(compareAmount(amount('5 bis 7 Mio. Euro', 'de'), d)).toEqual({ verdict: 'match', warnings: [] });
  });

  it('warns when the text is more precise than a ranged record', () => {
    const d = deal(5_000_000, 'range', { amountMaxMinor: 700_000_000 });
    const r = compareAmount(amount('6 Mio. Euro', 'de'), d);
    expect(r.verdict).toBe('compatible');
    expect(r.warnings[0]).toMatchObject({ code: 'amount.more_precise_than_record', severity: 'warning' });
  });

  it('notes rounding of 7.2 million to "7 Mio." and rejects 7.9 million', () => {
    const r = compareAmount(amount('7 Mio. €', 'de'), deal(7_200_000));
    expect(r.verdict).toBe('compatible');
    expect(codes(r)).toEqual(['amount.rounded']);
    expect(compareAmount(amount('7 Mio. €', 'de'), deal(7_900_000)).verdict).toBe('mismatch');
  });

  it('compares "bis zu 4 Mio." as an upper bound', () => {
    expect(compareAmount(amount('bis zu 4 Mio. Euro', 'de'), deal(3_500_000)).verdict).toBe('compatible');
    expect(compareAmount(amount('bis zu 4 Mio. Euro', 'de'), deal(4_500_000)).verdict).toBe('mismatch');
  });

  it('notes a missing currency and still compares the value', () => {
    const r = compareAmount(amount('rund zwölf Millionen', 'de'), deal(12_000_000));
    expect(r.verdict).toBe('match');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'amount.currency_missing', severity: 'info' });
  });

  it('reports an undisclosed deal instead of comparing', () => {
    const r = compareAmount(amount('7 Mio. Euro', 'de'), deal(null, 'undisclosed'));
    expect(r.verdict).toBe('undisclosed');
    expect(codes(r)).toEqual(['amount.undisclosed']);
  });
});

describe('compareAmount – English text', () => {
  it('matches "€7m" against 7,000,000 EUR', () => {
    expect(compareAmount(amount('€7m', 'en'), deal(7_000_000)).verdict).toBe('match');
  });

  it('reports pounds against a euro deal as a currency mismatch without converting', () => {
    const r = compareAmount(amount('£7m', 'en'), deal(7_000_000));
    expect(r.verdict).toBe('currency_mismatch');
    expect(r.warnings[0]).toMatchObject({
      code: 'amount.currency_mismatch',
      params: { textCurrency: 'GBP', dealCurrency: 'EUR' },
    });
  });

  it('calls "more than €2m" compatible with 2.5 million', () => {
    expect(compareAmount(amount('more than €2m', 'en'), deal(2_500_000)).verdict).toBe('compatible');
  });

  it('warns about a partial overlap between "about €5m" and a record of at least 5 million', () => {
    const r = compareAmount(amount('about €5m', 'en'), deal(5_000_000, 'at_least'));
    expect(r.verdict).toBe('compatible');
    expect(codes(r)).toEqual(['amount.partial_overlap']);
  });

  it('formats the English message with the symbol in front', () => {
    const r = compareAmount(amount('€7m', 'en'), deal(12_000_000));
    expect(r.warnings[0].message.en).toBe('The text says €7,000,000, but the record has €12,000,000.');
  });
});

describe('roundingTolerance', () => {
  it('is half a unit of the last non-zero digit, capped at 10 %', () => {
    expect(roundingTolerance(7_000_000)).toBe(500_000);
    expect(roundingTolerance(7_500_000)).toBe(50_000);
    expect(roundingTolerance(1_000_000)).toBe(100_000);
    expect(roundingTolerance(7_450_123)).toBe(0.5);
  });
});
