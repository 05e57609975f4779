export interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Words with their offsets; hyphenated compounds and "club's" stay one token. */
export function tokenize(text: string, offset = 0, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    out.push({ text: m[0], start: offset + from + m.index, end: offset + from + m.index + m[0].length });
  }
  return out;
}

export const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

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
