import { describe, expect, it } from 'vitest';
import { amountToInput, formatAmount, formatDealAmount, isKnownCurrency, parseAmountInput } from './amount';

const labels = { undisclosed: 'undisclosed', approximately: 'about', atLeast: 'at least', atMost: 'at most' };
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('amounts', () => {
  it('formats minor units in the UI language', () => {
    expect(nbsp(formatAmount(500_000_000, 'EUR', 'de'))).toBe('5.000.000 €');
    expect(formatAmount(500_000_000, 'EUR', 'en')).toBe('€5,000,000');
    expect(formatAmount(123_456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatAmount(5000, 'JPY', 'en')).toBe('JP¥5,000');
  });

  it('describes precision and ranges', () => {
    const base = { amountMinor: 200_000_000, amountMaxMinor: 300_000_000, currency: 'EUR' };
    expect(formatDealAmount({ ...base, precision: 'range' }, 'en', labels)).toBe('€2,000,000 – €3,000,000');
    expect(formatDealAmount({ ...base, precision: 'at_least' }, 'en', labels)).toBe('at least €2,000,000');
    expect(formatDealAmount({ ...base, precision: 'undisclosed' }, 'en', labels)).toBe('undisclosed');
  });

  it('reads German and English thousands separators and decimal marks', () => {
    expect(parseAmountInput('5.000.000', 'EUR', 'de')).toEqual({ ok: true, minor: 500_000_000 });
    expect(parseAmountInput('5,000,000', 'EUR', 'en')).toEqual({ ok: true, minor: 500_000_000 });
    expect(parseAmountInput('5.000.000', 'EUR', 'en')).toEqual({ ok: true, minor: 500_000_000 });
    expect(parseAmountInput('1.234,56 €', 'EUR', 'de')).toEqual({ ok: true, minor: 123_456 });
    expect(parseAmountInput('1,234.56', 'EUR', 'de')).toEqual({ ok: true, minor: 123_456 });
    expect(parseAmountInput('12,5', 'EUR', 'de')).toEqual({ ok: true, minor: 1250 });
    expect(parseAmountInput('1 200 000', 'EUR', 'en')).toEqual({ ok: true, minor: 120_000_000 });
  });

  it('reads the scale words desks use', () => {
    expect(parseAmountInput('2,5 Mio.', 'EUR', 'de')).toEqual({ ok: true, minor: 250_000_000 });
    expect(parseAmountInput('€3.5m', 'EUR', 'en')).toEqual({ ok: true, minor: 350_000_000 });
    expect(parseAmountInput('1,2 Mrd.', 'EUR', 'de')).toEqual({ ok: true, minor: 120_000_000_000 });
    expect(parseAmountInput('800k', 'GBP', 'en')).toEqual({ ok: true, minor: 80_000_000 });
  });

  it('refuses what is not a number, saying so', () => {
    for (const bad of ['', 'five million', '5.000.00', '12abc', '-5', '5,', '1e6'])
      expect(parseAmountInput(bad, 'EUR', 'en').ok, bad).toBe(false);
    expect(parseAmountInput('lots', 'EUR', 'de')).toEqual({ ok: false, message: 'must be a number' });
  });

  it('refuses more decimals than the currency has', () => {
    expect(parseAmountInput('1.005', 'JPY', 'en')).toMatchObject({ ok: false });
    expect(parseAmountInput('10.123', 'EUR', 'en')).toMatchObject({ ok: false });
  });

  it('writes amounts back the way the form shows them', () => {
    expect(amountToInput(250_000_000, 'EUR', 'de')).toBe('2.500.000');
    expect(amountToInput(123_456, 'EUR', 'en')).toBe('1,234.56');
  });

  it('knows real ISO currency codes and refuses made-up ones', () => {
    expect(isKnownCurrency('EUR')).toBe(true);
    expect(isKnownCurrency('CHF')).toBe(true);
    expect(isKnownCurrency('XQZ')).toBe(false);
    expect(isKnownCurrency('eur')).toBe(false);
  });
});
