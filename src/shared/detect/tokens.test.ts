import { describe, expect, it } from 'vitest';
import { isCapitalised, tokenize, WORD_PATTERN } from './tokens';

// The tokenizer is a hand-written scan for speed; it must find exactly the words of the pattern.
function byPattern(text: string, offset = 0, from = 0, to = text.length) {
  const slice = text.slice(from, to);
  return [...slice.matchAll(WORD_PATTERN)].map((m) => ({
    text: m[0],
    start: offset + from + m.index,
    end: offset + from + m.index + m[0].length,
  }));
}

const PIECES = [
  'a',
  'Z',
  'ß',
  'Ä',
  'é',
  'Ł',
  '7',
  '٣',
  '²',
  ' ',
  '  ',
  '\n',
  "'",
  '’',
  '-',
  '--',
  '–',
  ',',
  '.',
  '„',
  '“',
  '😀',
  '𝐀',
  '\ud835',
  '\udc00',
  '_',
  'Jonas',
  "club's",
  'Co-Trainer',
  'Mensah-Boateng',
  "rock'n'roll",
  '2:1',
];

function randomText(seed: number, length: number): string {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
  let s = '';
  for (let i = 0; i < length; i++) s += PIECES[next() % PIECES.length];
  return s;
}

describe('tokenize', () => {
  it('keeps hyphenated compounds, possessives and apostrophes in a word as one token', () => {
    expect(tokenize("Der Co-Trainer des FC's sagte: 'Nein'—end-").map((t) => t.text)).toEqual([
      'Der',
      'Co-Trainer',
      'des',
      "FC's",
      'sagte',
      'Nein',
      'end',
    ]);
  });

  it('finds the same words as the word pattern on random text, whole and in ranges', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(seed, 40);
      expect(tokenize(text)).toEqual(byPattern(text));
      const from = seed % 7;
      const to = Math.max(from, text.length - (seed % 5));
      expect(tokenize(text, 3, from, to)).toEqual(byPattern(text, 3, from, to));
    }
  });

  it('reads letters outside the basic plane as letters and a lone surrogate as none', () => {
    expect(tokenize('a𝐀b \ud835x').map((t) => t.text)).toEqual(['a𝐀b', 'x']);
    // A range that ends inside a surrogate pair sees only its first half.
    expect(tokenize('ab𝐀', 0, 0, 3)).toEqual(byPattern('ab𝐀', 0, 0, 3));
  });
});

describe('isCapitalised', () => {
  it('is true for an upper-case first letter in any script', () => {
    expect(['Jonas', 'Ärger', 'Łukasz', 'É'].every(isCapitalised)).toBe(true);
    expect(['jonas', 'ärger', '7er', '', '„Bote'].some(isCapitalised)).toBe(false);
  });
});
