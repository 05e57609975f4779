// Folding for comparisons that must not care how a name or title was typed:
// "Müller", "Mueller" and "MULLER" all fold to "muller".

import { foldStripped } from '../search/fold';

/** Lower-cases and strips diacritics; "Kapitänin" → "kapitanin". The search index's own stripped spelling. */
export const stripDiacritics = foldStripped;

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
