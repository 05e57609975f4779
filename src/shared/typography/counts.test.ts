import { describe, expect, it } from 'vitest';
import { countText, countWords, readingMinutes } from './counts';

describe('text counts', () => {
  it('counts words joined by apostrophes, hyphens and number separators as one', () => {
    expect(countWords('Rot-Weiß Almental geht’s um 1.000,50 Euro – wirklich?')).toBe(7);
  });

  it('does not count dashes or lone quote marks as words', () => {
    expect(countWords('„ – “ …')).toBe(0);
  });

  it('counts characters with and without spaces, ignoring line breaks', () => {
    expect(countText('SV Rotheide\nsiegt')).toEqual({
      words: 3,
      characters: 16,
      charactersWithoutSpaces: 15,
    });
  });

  it('counts a non-breaking space as a space', () => {
    expect(countText('5\u00A0km').charactersWithoutSpaces).toBe(3);
  });

  it('rounds reading time up to whole minutes and gives 0 for no words', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(401)).toBe(3);
  });
});

describe('text counts with characters outside the basic plane', () => {
  it('counts a character made of a surrogate pair once', () => {
    expect(countText('Tor 🥅').characters).toBe(5);
  });
});
