import type { ArticleLanguage } from '../domain/articles';
import { APOSTROPHE, QUOTES, doubleQuoteFor, singleQuoteFor, quoteOpensAfter } from './quotes';
import { NBSP, SYMBOL_UNITS, trailingWordUnit } from './units';

/**
 * What to do instead of inserting a typed character: remove `remove` characters before the
 * caret, then insert `insert`. Rules only ever look at text before the caret, so text that
 * was already there (or written in another language) is never rewritten.
 */
export interface TypingEdit {
  remove: number;
  insert: string;
}

/** Characters that end a word, so a unit just before them is complete. */
const WORD_END = new Set([' ', '.', ',', ';', ':', '!', '?', ')', '"', "'", '\u2026']);

/**
 * Every character some rule below looks at; for any other, typographyForInput returns null, so
 * an editor can let such keys through without reading the text before the caret.
 */
export const TYPING_TRIGGERS: ReadonlySet<string> = new Set([
  ...WORD_END,
  '-',
  ...SYMBOL_UNITS,
  ...'0123456789',
]);

const DASH_AFTER_DIGIT = '\u2013';
const DASH: Record<ArticleLanguage, string> = { de: '\u2013', en: '\u2014' };

function dashFor(before: string, language: ArticleLanguage): string {
  // "1990--1995" is a range and takes the en dash in both languages.
  return /\d$/.test(before) ? DASH_AFTER_DIGIT : DASH[language];
}

/**
 * The typography rules for one typed character in an article of `language`, given the text
 * of the current block before the caret. Returns null when the character goes in as typed.
 */
export function typographyForInput(
  before: string,
  typed: string,
  language: ArticleLanguage,
): TypingEdit | null {
  if (typed.length !== 1) return null;

  let own: TypingEdit | null = null;
  if (typed === '"') own = { remove: 0, insert: doubleQuoteFor(before, language) };
  else if (typed === "'") own = { remove: 0, insert: singleQuoteFor(before, language) };
  else if (typed === '-' && before.endsWith('-'))
    own = { remove: 1, insert: dashFor(before.slice(0, -1), language) };

  if (SYMBOL_UNITS.includes(typed) && /\d $/.test(before)) return { remove: 1, insert: NBSP + typed };

  // An English ‘ at the start of a word followed by a digit was an apostrophe for left-out
  // digits all along (“the ’90s side”); only the digit shows which it is. German copy writes
  // “die 90er” without one, and a nested ‚ quote may well start with a number, so it stays.
  if (
    language === 'en' &&
    /\d/.test(typed) &&
    before.endsWith(QUOTES.en.singleOpen) &&
    quoteOpensAfter(before.slice(-2, -1), language)
  )
    return { remove: 1, insert: APOSTROPHE + typed };

  if (WORD_END.has(typed)) {
    const unit = trailingWordUnit(before);
    if (unit !== null) {
      const rest = own?.insert ?? typed;
      return { remove: unit.length + 1, insert: NBSP + unit + rest };
    }
  }
  return own;
}

/** Applies an edit to a string; the editor plugin does the same on Lexical nodes. */
export function applyTypingEdit(before: string, typed: string, edit: TypingEdit | null): string {
  if (edit === null) return before + typed;
  return before.slice(0, before.length - edit.remove) + edit.insert;
}

/** Runs the rules over text as if typed character by character (tests and benchmarks). */
export function typeThrough(text: string, language: ArticleLanguage, start = ''): string {
  let out = start;
  for (const ch of text) out = applyTypingEdit(out, ch, typographyForInput(out, ch, language));
  return out;
}
