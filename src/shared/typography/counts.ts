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

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x85 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** One pass over char codes: the status bar recounts long articles while the writer pauses. */
export function countText(text: string): TextCounts {
  let characters = 0;
  let charactersWithoutSpaces = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The second half of a surrogate pair is part of the character already counted.
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue;
    }
    if (code === 0x0a || code === 0x0d) continue;
    characters++;
    if (!isSpace(code)) charactersWithoutSpaces++;
  }
  return { words: countWords(text), characters, charactersWithoutSpaces };
}

/** Minutes to read at a newsroom pace of 200 words a minute, rounded up; 0 for an empty text. */
export function readingMinutes(words: number, wordsPerMinute = 200): number {
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / wordsPerMinute));
}
