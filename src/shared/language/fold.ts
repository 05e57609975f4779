// Folding for comparisons that must not care how a name or title was typed:
// "Müller", "Mueller" and "MULLER" all fold to "muller".

// Letters that NFD does not decompose into base letter + combining mark.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower-cases and strips diacritics; "Kapitänin" → "kapitanin". */
export function stripDiacritics(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    out += SPECIAL_LETTERS[ch] ?? ch;
  }
  return out.toLowerCase();
}

/**
 * Folds case, diacritics and the German umlaut transliterations (ae/oe/ue), so
 * "Müller" and "Mueller" compare equal. Both sides of a comparison must be folded
 * with this same function: the transliteration step also shortens words such as
 * "Manuel" ("manul"), which is harmless only when applied symmetrically.
 */
export function foldForMatch(s: string): string {
  return stripDiacritics(s)
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
