import type { ArticleLanguage } from '../domain/articles';
import type { QuoteSpan } from './quote-marks';

export interface Sentence {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  `dr prof st nr mio mrd ca bzw vgl usw etc inkl exkl evtl ggf sog tsd jh mr mrs ms vs jr sr co
  inc ltd no jan feb mar apr jun jul aug sep sept oct okt nov dec dez mt ft approx est fig`.split(/\s+/),
);

function endsWithAbbreviation(text: string, dot: number, lang: ArticleLanguage): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}\p{N}]/u.test(text[s - 1])) s--;
  const word = text.slice(s, dot);
  if (word.length === 0) return false;
  if (word.length === 1 && /\p{L}/u.test(word)) return true; // initials, "z. B."
  // German ordinals: "am 3. März", "1. FC Almental".
  if (lang === 'de' && /^\d{1,2}$/.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

const STARTS_SENTENCE = /[\p{Lu}\p{N}„“"»«‚‘(–]/u;

/**
 * Splits text into sentences without ever cutting through a quotation, so a quote and its
 * "sagte X" stay together. A newline outside a quote always ends a sentence.
 */
export function splitSentences(
  text: string,
  quotes: readonly QuoteSpan[],
  lang: ArticleLanguage,
): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let q = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const boundaryAhead = (i: number): boolean => {
    let j = i;
    if (j < text.length && text[j] === '\n') return true;
    if (j < text.length && !/\s/.test(text[j])) return false;
    while (j < text.length && text[j] === ' ') j++;
    return j >= text.length || text[j] === '\n' || STARTS_SENTENCE.test(text[j]);
  };
  for (let i = 0; i < text.length; i++) {
    while (q < quotes.length && quotes[q].end <= i) q++;
    if (q < quotes.length && quotes[q].start === i) {
      const quote = quotes[q];
      i = quote.end - 1;
      const lastInside = text[quote.end - 2];
      if (lastInside !== undefined && /[.!?…]/.test(lastInside) && boundaryAhead(quote.end)) {
        push(quote.end);
        start = quote.end;
      }
      continue;
    }
    const c = text[i];
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      let j = i;
      while (j + 1 < text.length && /[.!?…]/.test(text[j + 1])) j++;
      if (j + 1 < text.length && !boundaryAhead(j + 1)) continue;
      if (c === '.' && j === i && endsWithAbbreviation(text, i, lang)) continue;
      push(j + 1);
      start = j + 1;
      i = j;
    }
  }
  push(text.length);
  return out;
}
