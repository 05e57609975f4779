// Search folding. Every searchable text is indexed in two spellings and every query is
// folded the same two ways, so that a German name matches however it was typed:
//   t ("transliterated"): umlauts written out — "Götze" → "goetze", "München" → "muenchen"
//   s ("stripped"):       diacritics dropped  — "Götze" → "gotze",  "München" → "munchen"
// "Goetze" finds "Götze" through t, "Gotze" finds it through s, "Götze" finds "Goetze"
// through t. Other diacritics ("Dvořák", "Señor") fold to their base letter in both.

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

// Letters that NFD leaves alone, so stripping combining marks would not reach them.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const MARK = /\p{M}/u;
// "Outside ASCII": the range starts at NUL, which the rule takes for a control character.
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/gu;

// Folded spellings of each non-ASCII character, computed once: folding runs over every
// indexed text, and per-character normalisation would dominate a bulk import.
const charCache = new Map<string, [string, string]>();

function foldChar(ch: string): [string, string] {
  let hit = charCache.get(ch);
  if (!hit) {
    let stripped = '';
    for (const part of ch.normalize('NFD')) if (!MARK.test(part)) stripped += LETTERS[part] ?? part;
    hit = [UMLAUTS[ch] ?? stripped, stripped];
    charCache.set(ch, hit);
  }
  return hit;
}

function fold(text: string, transliterate: boolean): string {
  // ASCII text is already in NFC and lowers to ASCII: most words of a search hit's text
  // (highlighting folds every one) skip the normaliser.
  if (ASCII.test(text)) return text.toLowerCase();
  const lower = text.normalize('NFC').toLowerCase();
  if (ASCII.test(lower)) return lower;
  const which = transliterate ? 0 : 1;
  return lower.replace(NON_ASCII, (ch) => foldChar(ch)[which]);
}

/** "Götze" → "goetze": lower case, umlauts transliterated, other diacritics stripped. */
export function foldTransliterated(text: string): string {
  return fold(text, true);
}

/** "Götze" → "gotze": lower case, every diacritic stripped. */
export function foldStripped(text: string): string {
  return fold(text, false);
}

/** A word of the original text, with its position there and both folded spellings. */
export interface SearchWord {
  start: number;
  end: number;
  t: string;
  s: string;
}

// The same characters SQLite's unicode61 tokenizer keeps inside a token (letters and
// numbers); marks are kept so a decomposed "u + ¨" stays one word.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Splits text into words as the search index sees them, keeping offsets into the original string. */
export function searchWords(text: string): SearchWord[] {
  const words: SearchWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const t = foldTransliterated(m[0]);
    const s = foldStripped(m[0]);
    // A word made only of marks folds to nothing and is not a token.
    if (!t) continue;
    words.push({ start: m.index, end: m.index + m[0].length, t, s });
  }
  return words;
}

const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * The two indexed spellings of a document made of several fields (null fields are skipped):
 * its words, folded, separated by single spaces — the same words searchWords finds.
 */
export function foldDocument(fields: readonly (string | null | undefined)[]): { t: string; s: string } {
  const text = fields.filter(Boolean).join('\n');
  const words = (folded: string) => folded.split(SEPARATORS).filter(Boolean).join(' ');
  return { t: words(fold(text, true)), s: words(fold(text, false)) };
}

// Private-use characters are word characters to SQLite's unicode61 tokenizer but separators to
// searchWords, so the index gets a space in their place.
const PRIVATE_USE = /\p{Co}/u;

function indexChar(ch: string): [string, string] {
  return PRIVATE_USE.test(ch) ? [' ', ' '] : foldChar(ch);
}

/**
 * The two spellings as the index stores them: the stripped one is left empty when it equals
 * the transliterated one (text without umlauts), which saves indexing every such word twice.
 * Queries look for the stripped spelling in both columns, so nothing is lost (see query.ts).
 *
 * The index gets the same tokens as foldDocument's words but not re-joined: the tokenizer
 * splits at the same separators itself, and splitting and joining every document was most of
 * the folding's cost in a bulk import (bench/store.ts).
 */
export function indexedSpellings(fields: readonly (string | null | undefined)[]): { t: string; s: string } {
  let text = '';
  for (const field of fields) if (field) text = text ? `${text}\n${field}` : field;
  if (ASCII.test(text)) return { t: text.toLowerCase(), s: '' };
  const lower = text.normalize('NFC').toLowerCase();
  const t = lower.replace(NON_ASCII, (ch) => indexChar(ch)[0]);
  const s = lower.replace(NON_ASCII, (ch) => indexChar(ch)[1]);
  return s === t ? { t, s: '' } : { t, s };
}
