import { describe, expect, it } from 'vitest';
import { highlight, snippet } from './highlight';
import { parseSearchInput } from './query';

const marked = (text: string, input: string, typing = false) =>
  highlight(text, parseSearchInput(input, { typing }))
    .map((s) => (s.match ? `[${s.text}]` : s.text))
    .join('');

describe('highlighting on the original text', () => {
  it('marks a word found through its transliteration, keeping the original spelling', () => {
    expect(marked('Mario Götze aus München', 'goetze muenchen')).toBe('Mario [Götze] aus [München]');
  });

  it('marks a word found with diacritics stripped', () => {
    expect(marked('Trainerin Jäger', 'jager')).toBe('Trainerin [Jäger]');
  });

  it('marks the whole word for a prefix', () => {
    expect(marked('Jana Kowalczyk', 'Kowa', true)).toBe('Jana [Kowalczyk]');
  });

  it('marks a phrase only where its words stand together', () => {
    expect(marked('neuer Vertrag, kein neuer Plan, der Vertrag', '"neuer Vertrag"')).toBe(
      '[neuer Vertrag], kein neuer Plan, der Vertrag',
    );
  });

  it('returns the text unmarked when nothing matches', () => {
    expect(highlight('SV Rotheide', parseSearchInput('Almental'))).toEqual([
      { text: 'SV Rotheide', match: false },
    ]);
  });

  it('cuts a long text around the first match and says so with ellipses', () => {
    const long = `${'Vorher war es ruhig. '.repeat(20)}Dann sprach Kowalczyk über den Vertrag. ${'Danach nichts. '.repeat(20)}`;
    const segs = snippet(long, parseSearchInput('Kowalczyk'), 80);
    const text = segs.map((s) => s.text).join('');
    expect(segs[0].text).toBe('…');
    expect(segs[segs.length - 1].text).toBe('…');
    expect(text.length).toBeLessThanOrEqual(84);
    expect(segs.some((s) => s.match && s.text === 'Kowalczyk')).toBe(true);
  });
});
