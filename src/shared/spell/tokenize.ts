/** A word of the text and where it sits (UTF-16 offsets, as the editor's text map counts). */
export interface WordToken {
  word: string;
  start: number;
  end: number;
}

// Letters and digits, joined by apostrophes or hyphens inside a word ("don't", "Bundesliga-Saison",
// "U21-Kader"); a hyphen or apostrophe at either end belongs to the punctuation around the word.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const DIGIT = /\p{N}/u;
const LOWER = /\p{Ll}/u;
const INNER_CAPITAL = /^.+\p{Lu}/u;

/**
 * The words a spell checker should look at. A hyphenated compound is split into its parts, so a
 * misspelt part is underlined alone; parts with a digit (scores, "U21", "3:1") and abbreviations
 * in capitals ("FC", "DFB") or with an inner capital ("VfL") are left out, as are single letters.
 */
export function spellTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const whole = m[0];
    const parts = whole.includes('-') ? whole.split('-') : [whole];
    let offset = start;
    for (const part of parts) {
      if (isCheckable(part)) out.push({ word: part, start: offset, end: offset + part.length });
      offset += part.length + 1;
    }
  }
  return out;
}

function isCheckable(word: string): boolean {
  if (word.length < 2 || DIGIT.test(word)) return false;
  // No lower-case letter: an abbreviation or a shouted word, which dictionaries do not list.
  // A capital inside the word ("VfL", "NeleKickt") marks a club abbreviation or a brand.
  return LOWER.test(word) && !INNER_CAPITAL.test(word);
}

/** The form without a possessive or elided ending: "Kowalczyk's" → "Kowalczyk", "geht’s" → "geht". */
export function withoutApostropheEnding(word: string): string | null {
  const m = /^(.+?)['’](?:s|S|n|t|ll|re|ve|d|m)?$/u.exec(word);
  return m ? m[1] : null;
}
