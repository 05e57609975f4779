import type { ArticleLanguage } from '../domain/articles';

/** Typographic quote marks per article language: German „…“ ‚…‘, English “…” ‘…’. */
export interface QuoteSet {
  doubleOpen: string;
  doubleClose: string;
  singleOpen: string;
  singleClose: string;
}

export const QUOTES: Record<ArticleLanguage, QuoteSet> = {
  de: { doubleOpen: '\u201E', doubleClose: '\u201C', singleOpen: '\u201A', singleClose: '\u2018' },
  en: { doubleOpen: '\u201C', doubleClose: '\u201D', singleOpen: '\u2018', singleClose: '\u2019' },
};

/** The apostrophe is the same mark in both languages (’), and never a German closing quote (‘). */
export const APOSTROPHE = '\u2019';

const OPENING_QUOTES = new Set([
  '\u201E',
  '\u201C',
  '\u201A',
  '\u2018',
  '\u00AB',
  '\u00BB',
  '\u2039',
  '\u203A',
]);

/** After nothing, a space, an opening bracket, a dash, a slash or another opening quote, a quote mark opens. */
export function quoteOpensAfter(previous: string | undefined, language: ArticleLanguage): boolean {
  if (previous === undefined || previous === '') return true;
  if (/\s/u.test(previous)) return true;
  if ('([{<-\u2013\u2014/'.includes(previous)) return true;
  // In English “ and ‘ are opening marks; in German the same characters close, so only „ and ‚ count there.
  if (language === 'de')
    return previous === '\u201E' || previous === '\u201A' || previous === '\u00BB' || previous === '\u203A';
  return OPENING_QUOTES.has(previous);
}

function lastChar(text: string): string | undefined {
  if (text === '') return undefined;
  const code = text.codePointAt(text.length - 1);
  // A trailing low surrogate belongs to the pair before it.
  if (code !== undefined && code >= 0xdc00 && code <= 0xdfff && text.length >= 2) return text.slice(-2);
  return text.slice(-1);
}

function isWordCharacter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** True when the text has a German single quote ‚ that no ‘ has closed yet. */
function hasOpenGermanSingleQuote(before: string): boolean {
  let depth = 0;
  for (const ch of before) {
    if (ch === '\u201A') depth++;
    else if (ch === '\u2018' && depth > 0) depth--;
  }
  return depth > 0;
}

/** The mark a typed straight double quote becomes, given the text before the caret. */
export function doubleQuoteFor(before: string, language: ArticleLanguage): string {
  const set = QUOTES[language];
  return quoteOpensAfter(lastChar(before), language) ? set.doubleOpen : set.doubleClose;
}

/**
 * The mark a typed straight single quote becomes. Inside or right after a word it is an
 * apostrophe (“don’t”, „geht’s“) unless, in German, a ‚ is still open — then it closes it.
 */
export function singleQuoteFor(before: string, language: ArticleLanguage): string {
  const set = QUOTES[language];
  const previous = lastChar(before);
  if (quoteOpensAfter(previous, language)) return set.singleOpen;
  if (language === 'de') return hasOpenGermanSingleQuote(before) ? set.singleClose : APOSTROPHE;
  // English closes with the same character as the apostrophe.
  return isWordCharacter(previous) ? APOSTROPHE : set.singleClose;
}
