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

function fold(text: string, transliterate: boolean): string {
  const lower = text.normalize('NFC').toLowerCase();
  let out = '';
  for (const ch of lower) {
    if (transliterate && UMLAUTS[ch]) {
      out += UMLAUTS[ch];
      continue;
    }
    for (const part of ch.normalize('NFD')) {
      if (MARK.test(part)) continue;
      out += LETTERS[part] ?? part;
    }
  }
  return out;
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

/** The two indexed spellings of a document made of several fields (null fields are skipped). */
export function foldDocument(fields: readonly (string | null | undefined)[]): { t: string; s: string } {
  const t: string[] = [];
  const s: string[] = [];
  for (const field of fields) {
    if (!field) continue;
    for (const w of searchWords(field)) {
      t.push(w.t);
      s.push(w.s);
    }
  }
  return { t: t.join(' '), s: s.join(' ') };
}
