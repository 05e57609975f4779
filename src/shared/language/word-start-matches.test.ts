import { describe, expect, it } from 'vitest';
import { matchesAtWordStart, splitWordStart } from './word-start-matches';

const spans = (ms: Iterable<RegExpExecArray | RegExpMatchArray>) => [...ms].map((m) => `${m.index}:${m[0]}`);

const PIECES = [
  'top',
  'scorer',
  ' ',
  '-',
  '.',
  'x',
  'É',
  '7',
  '𝐀',
  '\u0345',
  'ſet',
  'record',
  'Record',
  'records',
  '\n',
];

function randomText(seed: number, length: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += PIECES[x % PIECES.length];
  }
  return s;
}

describe('matchesAtWordStart', () => {
  // The same matches as the pattern with its look-behind, for case-sensitive and -insensitive flags.
  for (const flags of ['gu', 'giu']) {
    it(`finds what the look-behind pattern finds (${flags})`, () => {
      const whole = new RegExp(
        '(?<![\\p{L}\\p{N}])(?:top scorer|records?|set (?:a )?record|x7|\\p{Lu}\\p{Ll}*)(?![\\p{L}\\p{N}])',
        flags,
      );
      const split = splitWordStart(whole)!;
      expect(split).toBeDefined();
      for (let seed = 1; seed <= 300; seed++) {
        const text = randomText(seed, 30);
        expect(spans(matchesAtWordStart(text, split.re, split.before))).toEqual(spans(text.matchAll(whole)));
      }
    });
  }

  it('treats a letter outside the basic plane before a match as a letter', () => {
    const split = splitWordStart(/(?<![\p{L}\p{N}])record/gu)!;
    expect(spans(matchesAtWordStart('𝐀record record', split.re, split.before))).toEqual(['9:record']);
  });

  it('leaves patterns that open otherwise alone', () => {
    expect(splitWordStart(/(?<=,\s*)reported/gu)).toBeUndefined();
  });
});
