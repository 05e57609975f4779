// Compares an amount written in the article with the verified deal amount.
// Both sides are read as intervals of possible values, in major units:
//   exact [v, v] · approximately [0.9 v, 1.1 v] · at_least [v, ∞) · at_most [0, v] · range [min, max]
// and the verdict follows from how those intervals relate (see docs/checks.md).

import type { Deal } from '../domain/facts';
import { formatAmountMinor, type ParsedAmount } from '../language/amounts';
import { makeWarning, type Warning } from './warning';

export type AmountVerdict = 'match' | 'mismatch' | 'currency_mismatch' | 'compatible' | 'undisclosed';

export interface AmountComparison {
  verdict: AmountVerdict;
  warnings: Warning[];
}

/** Tolerance of "rund", "about" and other approximate wording, on either side. */
export const APPROXIMATE_TOLERANCE = 0.1;
/** Rounding in the text ("7 Mio." for 7.2 million) is accepted up to this share of the value. */
export const MAX_ROUNDING_SHARE = 0.1;

// Deal amounts are stored in minor units with two decimals (cents, pence, Rappen).
const MINOR_PER_MAJOR = 100;
const CENT = 0.005;

interface Interval {
  lo: number;
  hi: number;
}

function textInterval(a: ParsedAmount): Interval {
  switch (a.precision) {
    case 'exact':
      return { lo: a.value, hi: a.value };
    case 'approximately':
      return { lo: a.value * (1 - APPROXIMATE_TOLERANCE), hi: a.value * (1 + APPROXIMATE_TOLERANCE) };
    case 'at_least':
      return { lo: a.min ?? a.value, hi: Infinity };
    case 'at_most':
      return { lo: 0, hi: a.max ?? a.value };
    case 'range':
      return { lo: a.min ?? a.value, hi: a.max ?? a.value };
  }
}

function dealInterval(deal: Deal, value: number): Interval {
  const max = deal.amountMaxMinor !== null ? deal.amountMaxMinor / MINOR_PER_MAJOR : value;
  switch (deal.precision) {
    case 'approximately':
      return { lo: value * (1 - APPROXIMATE_TOLERANCE), hi: value * (1 + APPROXIMATE_TOLERANCE) };
    case 'at_least':
      return { lo: value, hi: Infinity };
    case 'at_most':
      return { lo: 0, hi: value };
    case 'range':
      return { lo: value, hi: max };
    default:
      return { lo: value, hi: value };
  }
}

/**
 * How far a written round figure may be from the real one: half a unit of its last
 * non-zero digit ("7 Mio." ± 0.5 Mio., "7,5 Mio." ± 50 000), at most 10 % of the value.
 */
export function roundingTolerance(value: number): number {
  if (value <= 0) return 0;
  let step = 1;
  while (step * 10 <= value && Math.abs(value / (step * 10) - Math.round(value / (step * 10))) < 1e-9)
    step *= 10;
  return Math.min(step / 2, value * MAX_ROUNDING_SHARE);
}

const within = (x: number, i: Interval) => x >= i.lo - CENT && x <= i.hi + CENT;
const contains = (outer: Interval, inner: Interval) =>
  inner.lo >= outer.lo - CENT && inner.hi <= outer.hi + CENT;
const disjoint = (a: Interval, b: Interval) => a.hi < b.lo - CENT || b.hi < a.lo - CENT;
const distance = (x: number, i: Interval) => (x < i.lo ? i.lo - x : x > i.hi ? x - i.hi : 0);

function money(major: number, currency: string | null, lang: 'de' | 'en'): string {
  const minor = Math.round(major * MINOR_PER_MAJOR);
  if (currency) return formatAmountMinor(minor, currency, lang);
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 2 }).format(
    minor / MINOR_PER_MAJOR,
  );
}

const PRECISION_WORDS: Record<string, { de: string; en: string }> = {
  exact: { de: 'genau', en: 'exactly' },
  approximately: { de: 'rund', en: 'about' },
  at_least: { de: 'mindestens', en: 'at least' },
  at_most: { de: 'höchstens', en: 'at most' },
  range: { de: 'zwischen', en: 'between' },
};

function describeDeal(deal: Deal, lang: 'de' | 'en'): string {
  const value = (deal.amountMinor ?? 0) / MINOR_PER_MAJOR;
  const amount = money(value, deal.currency, lang);
  if (deal.precision === 'range' && deal.amountMaxMinor !== null) {
    const upper = money(deal.amountMaxMinor / MINOR_PER_MAJOR, deal.currency, lang);
    return lang === 'de' ? `zwischen ${amount} und ${upper}` : `between ${amount} and ${upper}`;
  }
  const word = PRECISION_WORDS[deal.precision]?.[lang];
  return word && deal.precision !== 'exact' ? `${word} ${amount}` : amount;
}

function describeText(a: ParsedAmount, currency: string | null, lang: 'de' | 'en'): string {
  if (a.precision === 'range' && a.min !== undefined && a.max !== undefined) {
    const lo = money(a.min, currency, lang);
    const hi = money(a.max, currency, lang);
    return lang === 'de' ? `zwischen ${lo} und ${hi}` : `between ${lo} and ${hi}`;
  }
  const amount = money(a.value, currency, lang);
  return a.precision === 'exact' ? amount : `${PRECISION_WORDS[a.precision][lang]} ${amount}`;
}

/**
 * Compares a parsed amount from the article with a deal's verified amount, respecting
 * the precision on both sides. A currency missing in the text is assumed to be the
 * deal's and noted; a different currency is never converted.
 */
export function compareAmount(parsed: ParsedAmount, deal: Deal): AmountComparison {
  const currency = parsed.currency ?? deal.currency;
  const params = (extra: Record<string, string | number> = {}) => ({
    inText: parsed.text,
    textValue: parsed.value,
    dealValue: (deal.amountMinor ?? 0) / MINOR_PER_MAJOR,
    ...extra,
  });
  const inText = { de: describeText(parsed, currency, 'de'), en: describeText(parsed, currency, 'en') };

  if (deal.precision === 'undisclosed' || deal.amountMinor === null) {
    return {
      verdict: 'undisclosed',
      warnings: [
        makeWarning(
          'amount.undisclosed',
          'warning',
          { inText: parsed.text, textValue: parsed.value },
          `Der Betrag dieses Deals ist laut Beleg nicht öffentlich, daher ist die Zahl im Text (${inText.de}) nicht belegt.`,
          `The amount of this deal is undisclosed on record, so the figure in the text (${inText.en}) is not backed by it.`,
        ),
      ],
    };
  }

  if (parsed.currency !== null && deal.currency !== null && parsed.currency !== deal.currency) {
    return {
      verdict: 'currency_mismatch',
      warnings: [
        makeWarning(
          'amount.currency_mismatch',
          'error',
          params({ textCurrency: parsed.currency, dealCurrency: deal.currency }),
          `Der Text nennt ${parsed.currency}, der Deal ist laut Beleg aber in ${deal.currency} (${describeDeal(deal, 'de')}).`,
          `The text gives ${parsed.currency}, but the deal on record is in ${deal.currency} (${describeDeal(deal, 'en')}).`,
        ),
      ],
    };
  }

  const notes: Warning[] = [];
  if (parsed.currency === null && deal.currency !== null) {
    notes.push(
      makeWarning(
        'amount.currency_missing',
        'info',
        params({ dealCurrency: deal.currency }),
        `Der Text nennt keine Währung; verglichen wurde mit der Währung des Deals (${deal.currency}).`,
        `The text names no currency; it was compared in the deal's currency (${deal.currency}).`,
      ),
    );
  }

  const dealValue = deal.amountMinor / MINOR_PER_MAJOR;
  const T = textInterval(parsed);
  const D = dealInterval(deal, dealValue);
  const record = { de: describeDeal(deal, 'de'), en: describeDeal(deal, 'en') };

  const result = (verdict: AmountVerdict, extra: Warning[] = []): AmountComparison => ({
    verdict,
    warnings: [...extra, ...notes],
  });
  const mismatch = () =>
    result('mismatch', [
      makeWarning(
        'amount.mismatch',
        'error',
        params(),
        `Der Text nennt ${inText.de}, belegt sind ${record.de}.`,
        `The text says ${inText.en}, but the record has ${record.en}.`,
      ),
    ]);
  const rounded = () =>
    result('compatible', [
      makeWarning(
        'amount.rounded',
        'info',
        params(),
        `Der Text rundet: ${inText.de} im Text, belegt sind ${record.de}.`,
        `The text rounds: it says ${inText.en}, the record has ${record.en}.`,
      ),
    ]);

  const samePrecision = parsed.precision === deal.precision;
  if (samePrecision && Math.abs(T.lo - D.lo) <= CENT && (Math.abs(T.hi - D.hi) <= CENT || T.hi === D.hi))
    return result('match');

  if (parsed.precision === 'exact') {
    if (within(parsed.value, D)) {
      if (deal.precision === 'exact') return result('match');
      return result('compatible', [
        makeWarning(
          'amount.more_precise_than_record',
          'warning',
          params(),
          `Der Text nennt genau ${inText.de}, belegt sind aber nur ${record.de}.`,
          `The text states exactly ${inText.en}, but the record only has ${record.en}.`,
        ),
      ]);
    }
    return distance(parsed.value, D) <= roundingTolerance(parsed.value) ? rounded() : mismatch();
  }

  if (parsed.precision === 'approximately' && deal.precision === 'exact' && within(dealValue, T))
    return result('match');
  if (disjoint(T, D)) return mismatch();
  if (contains(T, D)) {
    return result('compatible', [
      makeWarning(
        'amount.less_precise',
        'info',
        params(),
        `Der Text (${inText.de}) ist ungenauer als der Beleg (${record.de}), widerspricht ihm aber nicht.`,
        `The text (${inText.en}) is less precise than the record (${record.en}) but does not contradict it.`,
      ),
    ]);
  }
  if (contains(D, T)) {
    return result('compatible', [
      makeWarning(
        'amount.more_precise_than_record',
        'warning',
        params(),
        `Der Text (${inText.de}) ist genauer, als der Beleg hergibt (${record.de}).`,
        `The text (${inText.en}) is more precise than the record supports (${record.en}).`,
      ),
    ]);
  }
  return result('compatible', [
    makeWarning(
      'amount.partial_overlap',
      'warning',
      params(),
      `Der Text (${inText.de}) deckt sich nur teilweise mit dem Beleg (${record.de}).`,
      `The text (${inText.en}) only partly agrees with the record (${record.en}).`,
    ),
  ]);
}
