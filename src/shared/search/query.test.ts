import { describe, expect, it } from 'vitest';
import { buildFtsMatch, parseSearchInput } from './query';

const build = (input: string, typing = false) => buildFtsMatch(parseSearchInput(input, { typing }));

describe('search input', () => {
  it('folds each word into both spellings and requires all of them', () => {
    expect(build('Götze Tor')).toBe('(t : "goetze" OR "gotze") AND "tor"');
  });

  it('matches the last word as a prefix while typing, but not after a space', () => {
    expect(build('Kowal', true)).toBe('"kowal" *');
    expect(build('Kowal ', true)).toBe('"kowal"');
    expect(build('Kowal', false)).toBe('"kowal"');
  });

  it('looks a prefix up once when its transliteration only lengthens the stripped spelling', () => {
    // Every word starting with "schoe" starts with "scho": the stripped spelling finds them all.
    expect(build('Schö', true)).toBe('"scho" *');
    expect(build('"Götze Schö', true)).toBe('(t : "goetze schoe" * OR "gotze scho" *)');
    expect(build('Müll', true)).toBe('(t : "muell" * OR "mull" *)');
    expect(build('Schö', false)).toBe('(t : "schoe" OR "scho")');
  });

  it('does not prefix-match a single letter', () => {
    expect(build('Jana K', true)).toBe('"jana" AND "k"');
  });

  it('turns straight and German quotes into phrases', () => {
    expect(build('"neuer Vertrag" Rotheide')).toBe('"neuer vertrag" AND "rotheide"');
    expect(build('„Wir bleiben“')).toBe('"wir bleiben"');
  });

  it('keeps an unclosed phrase while typing and prefixes its last word', () => {
    expect(build('"Wir blei', true)).toBe('"wir blei" *');
  });

  it('treats FTS operators, stars, brackets and stray quotes as plain words', () => {
    expect(build('NEAR(a b) AND c* OR "')).toBe('"near a" AND "b" AND "and" AND "c" AND "or"');
    expect(build('***  ((( ')).toBeNull();
    expect(build('')).toBeNull();
  });

  it('keeps a hyphenated word together as a phrase', () => {
    expect(build('U-21')).toBe('"u 21"');
  });

  it('limits the number of terms', () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(parseSearchInput(many)).toHaveLength(12);
  });
});
