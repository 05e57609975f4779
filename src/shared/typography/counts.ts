/** Counts shown in the editor's status bar and stored with each article. */
export interface TextCounts {
  words: number;
  /** Every character except line breaks. */
  characters: number;
  /** Every character except any kind of whitespace. */
  charactersWithoutSpaces: number;
}

// A word: letters or digits, optionally joined by an apostrophe, hyphen, dot or comma inside it
// ("geht’s", "Rot-Weiß", "1.000", "5,3"). Dashes and quote marks alone are not words.
const WORD = /[\p{L}\p{N}]+(?:[’'\-.,:/][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

export function countText(text: string): TextCounts {
  let characters = 0;
  let charactersWithoutSpaces = 0;
  for (const ch of text) {
    if (ch === '\n' || ch === '\r') continue;
    characters++;
    if (!/\s/u.test(ch)) charactersWithoutSpaces++;
  }
  return { words: countWords(text), characters, charactersWithoutSpaces };
}

/** Minutes to read at a newsroom pace of 200 words a minute, rounded up; 0 for an empty text. */
export function readingMinutes(words: number, wordsPerMinute = 200): number {
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / wordsPerMinute));
}
