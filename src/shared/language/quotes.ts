// Quote text as typed in an article differs from the verified wording in ways that
// carry no meaning (typographic quote marks, dash widths, no-break spaces); this
// module removes those differences. Who a quote is attributed to: detect/find-attribution.ts.

const DOUBLE_QUOTES = /[„“”‟"«»〝〞＂]/g;
const SINGLE_QUOTES = /[‚‘’‛‹›`´]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * Unifies quotation marks („“”"«» → ", ‚‘’‹› → '), dashes (– — → -), ellipses
 * ("..." → "…", "(…)" → "[…]"), no-break and other spaces, collapses whitespace,
 * and strips the quote marks around the whole text.
 */
export function normalizeQuoteText(s: string): string {
  let out = s
    .normalize('NFC')
    .replace(INVISIBLES, '')
    .replace(SPACES, ' ')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .replace(/\.\s?\.\s?\./g, '…')
    .replace(/[[(]\s*…\s*[\])]/g, '[…]')
    .replace(/\s+/g, ' ')
    .trim();
  out = out.replace(/^"+\s*/, '').replace(/\s*"+$/, '');
  if (out.length >= 2 && out.startsWith("'") && out.endsWith("'")) out = out.slice(1, -1);
  return out.trim();
}
