import { describe, expect, it } from 'vitest';
import { spellTokens, withoutApostropheEnding } from './tokenize';

const words = (text: string) => spellTokens(text).map((t) => t.word);

describe('spellTokens', () => {
  it('keeps umlauts and ß inside German words', () => {
    expect(words('Der Torhüter der Fußballmannschaft grüßt.')).toEqual([
      'Der',
      'Torhüter',
      'der',
      'Fußballmannschaft',
      'grüßt',
    ]);
  });

  it('splits hyphenated compounds into parts with their own offsets', () => {
    const text = 'die Bundesliga-Saison';
    const tokens = spellTokens(text);
    expect(tokens.map((t) => t.word)).toEqual(['die', 'Bundesliga', 'Saison']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
  });

  it('keeps apostrophes inside a word and drops them at its edges', () => {
    expect(words("Kowalczyk's goal, 'twas the coach’s call")).toEqual([
      "Kowalczyk's",
      'goal',
      'twas',
      'the',
      'coach’s',
      'call',
    ]);
  });

  it('ignores numbers, parts with digits, abbreviations in capitals and single letters', () => {
    expect(words('VfL NeleKickt')).toEqual([]);
    expect(words('Der FC gewann 3:1 mit dem U21-Kader am 12. Mai, Tor in der 90. Minute a')).toEqual([
      'Der',
      'gewann',
      'mit',
      'dem',
      'Kader',
      'am',
      'Mai',
      'Tor',
      'in',
      'der',
      'Minute',
    ]);
  });

  it('counts offsets in UTF-16 units, as the editor text map does', () => {
    const text = '⚽ Ärger';
    const [t] = spellTokens(text);
    expect(text.slice(t.start, t.end)).toBe('Ärger');
  });
});

describe('withoutApostropheEnding', () => {
  it('strips possessive and elided endings', () => {
    expect(withoutApostropheEnding("Kowalczyk's")).toBe('Kowalczyk');
    expect(withoutApostropheEnding('geht’s')).toBe('geht');
    expect(withoutApostropheEnding('Kowalczyk')).toBeNull();
  });
});
