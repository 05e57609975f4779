export interface Token {
  text: string;
  start: number;
  end: number;
}

/** The word pattern the tokenizer follows, kept for its test. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const wordCharMemo = new Map<number, boolean>();

/** Whether the code point at i (not reaching past `to`) is a letter or digit, and its length. */
function wordCharAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  let cp = c;
  let width = 1;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      width = 2;
    }
  }
  let word = wordCharMemo.get(cp);
  if (word === undefined) {
    word = LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
    wordCharMemo.set(cp, word);
  }
  return word ? width : 0;
}

const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45; // ' ’ -

/**
 * Words with their offsets; hyphenated compounds and "club's" stay one token. Every rule reads
 * tokens, so this is a scan by hand: the same words as WORD_PATTERN, without a match object
 * per word.
 */
export function tokenize(text: string, offset = 0, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const w = wordCharAt(text, i, to);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    i += w;
    for (;;) {
      const n = i < to ? wordCharAt(text, i, to) : 0;
      if (n > 0) {
        i += n;
        continue;
      }
      // A joiner continues the word only when a letter or digit follows it.
      if (i + 1 < to && isJoiner(text.charCodeAt(i)) && wordCharAt(text, i + 1, to) > 0) {
        i++;
        continue;
      }
      break;
    }
    out.push({ text: text.slice(start, i), start: offset + start, end: offset + i });
  }
  return out;
}

export const isCapitalised = (word: string): boolean => {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
};

/** Strips an English possessive ("Almental's") or a German genitive written with an apostrophe. */
export const withoutPossessive = (word: string): string => word.replace(/['’]s?$/u, '');

let last: { text: string; from: number; to: number; tokens: readonly Token[] } | undefined;

/**
 * The words of one sentence outside its quotations. Several rules read the same sentence in
 * turn, so the last answer is kept; the result must be treated as read-only.
 */
export function wordsOutside(
  text: string,
  from: number,
  to: number,
  quotes: readonly { start: number; end: number }[],
): readonly Token[] {
  if (last && last.text === text && last.from === from && last.to === to) return last.tokens;
  const tokens = tokenize(text, 0, from, to).filter(
    (t) => !quotes.some((q) => t.start >= q.start && t.start < q.end),
  );
  last = { text, from, to, tokens };
  return tokens;
}
