import { searchWords } from './fold';

/**
 * What a person typed into the search box, as a list of terms every result must contain.
 * A term is one word or a quoted phrase, each word in both folded spellings.
 */
export interface SearchTerm {
  words: { t: string; s: string }[];
  /** The last word may be unfinished (typing): match it as a prefix. */
  prefix: boolean;
}

export interface ParseOptions {
  /** Treat the last word as a prefix unless the input ends in a space or a closing quote. */
  typing?: boolean;
}

/** Longer input is cut, and later words ignored: a search box is not a document. */
export const MAX_INPUT = 500;
export const MAX_TERMS = 12;
/** Shorter prefixes match too much of the store to be useful and slow every keystroke. */
export const MIN_PREFIX = 2;

// Straight and typographic double quotes (German „…“, English “…”, guillemets) open and close phrases.
const QUOTE = /["„“”«»]/;

export function parseSearchInput(input: string, options: ParseOptions = {}): SearchTerm[] {
  const text = input.slice(0, MAX_INPUT);
  const terms: SearchTerm[] = [];
  let inPhrase = false;
  let buffer = '';
  const flushBare = () => {
    // Each whitespace-separated chunk is one term; "U-21" becomes the phrase "u 21".
    for (const chunk of buffer.split(/\s+/)) {
      const words = searchWords(chunk).map(({ t, s }) => ({ t, s }));
      if (words.length) terms.push({ words, prefix: false });
    }
    buffer = '';
  };
  const flushPhrase = () => {
    const words = searchWords(buffer).map(({ t, s }) => ({ t, s }));
    if (words.length) terms.push({ words, prefix: false });
    buffer = '';
  };
  for (const ch of text) {
    if (QUOTE.test(ch)) {
      if (inPhrase) flushPhrase();
      else flushBare();
      inPhrase = !inPhrase;
    } else {
      buffer += ch;
    }
  }
  const trailing = buffer;
  if (inPhrase) flushPhrase();
  else flushBare();

  const limited = terms.slice(0, MAX_TERMS);
  const last = limited[limited.length - 1];
  // Still typing the last word: no space after it and no quote closing it.
  const open = trailing.length > 0 && !/[\s\p{P}]$/u.test(trailing);
  if (options.typing && last && open && limited.length === terms.length) {
    const word = last.words[last.words.length - 1];
    if (word.s.length >= MIN_PREFIX) last.prefix = true;
  }
  return limited;
}

/** An FTS5 string literal: our words hold only letters and digits, but quote anyway. */
function literal(words: readonly string[], prefix: boolean): string {
  return `"${words.join(' ').replace(/"/g, '""')}"${prefix ? ' *' : ''}`;
}

/**
 * A prefix phrase whose transliterated spelling only adds letters at the end of the stripped
 * one ("schö" → "schoe" / "scho") finds nothing the stripped spelling does not: every word
 * starting with "schoe" starts with "scho". Searching both made FTS5 merge the same prefix
 * twice — the slowest kind of type-ahead query (bench/store.ts).
 */
function coveredByStripped(t: readonly string[], s: readonly string[]): boolean {
  const last = t.length - 1;
  for (let i = 0; i < last; i++) if (t[i] !== s[i]) return false;
  return t[last].startsWith(s[last]);
}

/**
 * Builds the FTS5 MATCH expression for an index with columns `t` and `s` and no others (see
 * fold.ts). Every piece of user text ends up inside a quoted string, so operators, stars and
 * brackets a person types are searched for as words, never interpreted.
 * Returns null when nothing searchable was typed.
 *
 * A phrase to be found in either column carries no column filter: with only `t` and `s` in
 * the index it would name every column, and FTS5 still checked it on every match (about a
 * tenth of a phrase or prefix query's time, bench/store.ts).
 */
export function buildFtsMatch(terms: readonly SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms
    .map((term) => {
      const t = term.words.map((w) => w.t);
      const s = term.words.map((w) => w.s);
      // A document without umlauts stores its one spelling in t only (see indexedSpellings),
      // so the stripped spelling is looked for in both columns.
      if (t.join(' ') === s.join(' ') || (term.prefix && coveredByStripped(t, s)))
        return literal(s, term.prefix);
      return `(t : ${literal(t, term.prefix)} OR ${literal(s, term.prefix)})`;
    })
    .join(' AND ');
}
