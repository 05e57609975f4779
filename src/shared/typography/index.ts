export { typographyForInput, applyTypingEdit, typeThrough, type TypingEdit } from './typing';
export { QUOTES, APOSTROPHE, type QuoteSet } from './quotes';
export { NBSP, WORD_UNITS, SYMBOL_UNITS } from './units';
export { countText, countWords, readingMinutes, type TextCounts } from './counts';
