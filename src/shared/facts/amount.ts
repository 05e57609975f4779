import type { AmountPrecision } from '../domain/facts';

export type AmountLanguage = 'de' | 'en';

const locale = (lang: AmountLanguage) => (lang === 'de' ? 'de-DE' : 'en-GB');

let knownCurrencies: Set<string> | null = null;

/** True for a code this runtime knows as an ISO 4217 currency ("EUR", "CHF"); "XYZ" is not one. */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (!knownCurrencies) {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    knownCurrencies = new Set(supported ? supported('currency') : []);
  }
  // A runtime without the list accepts any well-formed code rather than refusing real ones.
  return knownCurrencies.size === 0 || knownCurrencies.has(code);
}

const digitsOf = new Map<string, number>();

/** Digits after the decimal point for a currency: 2 for EUR, 0 for JPY. */
export function currencyDigits(currency: string): number {
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en-GB', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsOf.set(currency, digits);
  }
  return digits;
}

// Creating an Intl.NumberFormat costs far more than formatting with one; a result list
// formats a hundred amounts on every keystroke.
const amountFormats = new Map<string, Intl.NumberFormat>();
function amountFormat(
  lang: AmountLanguage,
  currency: string,
  digits: number,
  fraction: boolean,
): Intl.NumberFormat {
  const key = `${lang} ${currency} ${digits} ${fraction}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang), {
      style: 'currency',
      currency,
      minimumFractionDigits: fraction ? digits : 0,
      maximumFractionDigits: digits,
    });
    amountFormats.set(key, format);
  }
  return format;
}

/** 500000000 EUR → "5.000.000 €" (de) or "€5,000,000" (en); cents only when there are some. */
export function formatAmount(minor: number, currency: string, lang: AmountLanguage): string {
  const digits = currencyDigits(currency);
  const value = minor / 10 ** digits;
  try {
    return amountFormat(lang, currency, digits, !Number.isInteger(value)).format(value);
  } catch {
    return `${value.toLocaleString(locale(lang))} ${currency}`;
  }
}

export interface AmountLabels {
  undisclosed: string;
  approximately: string;
  atLeast: string;
  atMost: string;
}

/** A deal's amount as a reader sees it: "about €5,000,000", "€2,000,000 – €3,000,000", "undisclosed". */
export function formatDealAmount(
  deal: {
    amountMinor: number | null;
    amountMaxMinor: number | null;
    currency: string | null;
    precision: AmountPrecision;
  },
  lang: AmountLanguage,
  labels: AmountLabels,
): string {
  if (deal.precision === 'undisclosed' || deal.amountMinor === null || !deal.currency)
    return labels.undisclosed;
  const amount = formatAmount(deal.amountMinor, deal.currency, lang);
  switch (deal.precision) {
    case 'range':
      return deal.amountMaxMinor === null
        ? amount
        : `${amount} – ${formatAmount(deal.amountMaxMinor, deal.currency, lang)}`;
    case 'approximately':
      return `${labels.approximately} ${amount}`;
    case 'at_least':
      return `${labels.atLeast} ${amount}`;
    case 'at_most':
      return `${labels.atMost} ${amount}`;
    default:
      return amount;
  }
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; message: string };

const SCALES: [RegExp, number][] = [
  [/^(k|tsd\.?|tausend|thousand)$/i, 1e3],
  [/^(m|mio\.?|million|millionen|millions|mn)$/i, 1e6],
  [/^(bn|mrd\.?|milliarde|milliarden|billion|billions)$/i, 1e9],
];

/**
 * Reads an amount as a desk types it — "5.000.000", "5,000,000", "2,5 Mio.", "€3.5m",
 * "1 200 000" — into integer minor units of `currency`. A separator used more than once
 * groups thousands; when both appear the last one is the decimal mark; a single one
 * follows the language (de: "," is decimal, en: "." is decimal).
 */
export function parseAmountInput(input: string, currency: string, lang: AmountLanguage): ParsedAmount {
  let text = input
    .trim()
    .replace(/[€$£¥]/g, '')
    .replace(/\s*(EUR|USD|GBP|CHF)\s*$/i, '')
    .trim();
  if (!text) return { ok: false, message: 'must be a number' };
  let scale = 1;
  const suffix = /^([\d.,'’\s\u00a0\u202f]+?)\s*([a-zA-Z.]+)$/.exec(text);
  if (suffix) {
    const found = SCALES.find(([re]) => re.test(suffix[2]));
    if (!found) return { ok: false, message: 'must be a number' };
    scale = found[1];
    text = suffix[1];
  }
  text = text.replace(/[\s\u00a0\u202f'’]/g, '');
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return { ok: false, message: 'must be a number' };
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  let decimal: '.' | ',' | null;
  if (dots && commas) decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
  else if (dots > 1) decimal = null;
  else if (commas > 1) decimal = null;
  else if (dots === 1) decimal = lang === 'en' ? '.' : null;
  else if (commas === 1) decimal = lang === 'de' ? ',' : null;
  else decimal = null;
  // A lone separator followed by exactly three digits in the "wrong" language is still grouping ("5.000" in de).
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : null;
  const [intPart, fracPart = ''] = decimal ? text.split(decimal) : [text];
  const whole = group ? intPart.split(group) : intPart.split(/[.,]/);
  if (whole.slice(1).some((g) => g.length !== 3) || (decimal && fracPart.includes(group ?? '#')))
    return { ok: false, message: 'must be a number (check the thousands separators)' };
  const value = Number(`${whole.join('')}.${fracPart || '0'}`) * scale;
  if (!Number.isFinite(value)) return { ok: false, message: 'must be a number' };
  const digits = currencyDigits(currency);
  const minor = Math.round(value * 10 ** digits);
  if (Math.abs(minor - value * 10 ** digits) > 1e-6 * Math.max(1, minor))
    return { ok: false, message: `has more than ${digits} decimal places for ${currency}` };
  if (!Number.isSafeInteger(minor)) return { ok: false, message: 'is too large' };
  return { ok: true, minor };
}

/** Minor units back to what a person would type in the form: 250000000 EUR → "2.500.000" (de). */
export function amountToInput(minor: number, currency: string, lang: AmountLanguage): string {
  const digits = currencyDigits(currency);
  const value = minor / 10 ** digits;
  return new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: Number.isInteger(value) ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(value);
}
