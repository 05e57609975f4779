import { describe, expect, it } from 'vitest';
import { TYPING_TRIGGERS, typeThrough, typographyForInput } from './typing';

const NB = '\u00A0';

describe('typography while typing German', () => {
  it('turns straight double quotes into „…“', () => {
    expect(typeThrough('Er sagte "Wir steigen auf" und ging.', 'de')).toBe(
      'Er sagte „Wir steigen auf“ und ging.',
    );
  });

  it('turns straight single quotes into ‚…‘ for a quote inside a quote', () => {
    expect(typeThrough(`"Sie riefen 'Almental!' im Chor"`, 'de')).toBe('„Sie riefen ‚Almental!‘ im Chor“');
  });

  it('keeps an apostrophe inside a word an apostrophe, not a closing quote', () => {
    expect(typeThrough("Jetzt geht's los", 'de')).toBe('Jetzt geht’s los');
  });

  it('closes an open ‚ after a word instead of writing an apostrophe', () => {
    expect(typeThrough("Das 'Derby' ist ausverkauft", 'de')).toBe('Das ‚Derby‘ ist ausverkauft');
  });

  it('opens a quote at the start of a paragraph and after a dash', () => {
    expect(typeThrough('"Ja"', 'de')).toBe('„Ja“');
    expect(typeThrough('Sieg – "endlich"', 'de')).toBe('Sieg – „endlich“');
  });

  it('makes -- an en dash between words and in a number range', () => {
    expect(typeThrough('Rotheide -- trotz allem', 'de')).toBe('Rotheide – trotz allem');
    expect(typeThrough('1990--1995', 'de')).toBe('1990–1995');
  });

  it('keeps a non-breaking space between a number and its unit', () => {
    expect(typeThrough('Sie lief 12 km und zahlte 5 Mio. Euro.', 'de')).toBe(
      `Sie lief 12${NB}km und zahlte 5${NB}Mio. Euro.`,
    );
    expect(typeThrough('Anstoß um 15 Uhr, 20 % Rabatt', 'de')).toBe(`Anstoß um 15${NB}Uhr, 20${NB}% Rabatt`);
  });

  it('leaves a space before a word that merely starts like a unit', () => {
    expect(typeThrough('Nach 3 mageren Jahren', 'de')).toBe('Nach 3 mageren Jahren');
  });
});

describe('typography while typing English', () => {
  it('turns straight double quotes into “…”', () => {
    expect(typeThrough('She said "we go up" and left.', 'en')).toBe('She said “we go up” and left.');
  });

  it('turns straight single quotes into ‘…’ and keeps apostrophes as ’', () => {
    expect(typeThrough(`"They sang 'Almental!' loudly"`, 'en')).toBe('“They sang ‘Almental!’ loudly”');
    expect(typeThrough("Rotheide's keeper didn't move", 'en')).toBe('Rotheide’s keeper didn’t move');
  });

  it('writes an apostrophe, not an opening quote, for left-out digits, and only in English', () => {
    expect(typeThrough("the '90s side and the class of '08", 'en')).toBe(
      'the ’90s side and the class of ’08',
    );
    expect(typeThrough("'94 was the year", 'en')).toBe('’94 was the year');
    expect(typeThrough("she said 'nine out of ten'", 'en')).toBe('she said ‘nine out of ten’');
    expect(typeThrough(`"Er sagte: '3:1 verdient'"`, 'de')).toBe('„Er sagte: ‚3:1 verdient‘“');
  });

  it('makes -- an em dash between words and an en dash in a range', () => {
    expect(typeThrough('a win -- at last', 'en')).toBe('a win — at last');
    expect(typeThrough('pages 10--12', 'en')).toBe('pages 10–12');
  });

  it('keeps a non-breaking space between a number and its unit', () => {
    expect(typeThrough('a 5 million deal over 42 km.', 'en')).toBe(`a 5${NB}million deal over 42${NB}km.`);
  });
});

describe('typography rules in isolation', () => {
  it('names every character a rule can act on among the triggers an editor checks first', () => {
    const contexts = [
      '',
      'Tor',
      'Tor ',
      '3 ',
      '12 km',
      '5 Mio',
      'a -',
      '1990-',
      '\u2018',
      'the \u2018',
      '\u201E',
      '„Wir',
    ];
    const characters = [
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      '\u2026',
      '€',
      '£',
      '°',
      '‰',
      'ß',
      'ä',
    ];
    for (const language of ['de', 'en'] as const)
      for (const before of contexts)
        for (const ch of characters)
          if (typographyForInput(before, ch, language) !== null)
            expect(TYPING_TRIGGERS.has(ch), `${JSON.stringify(before)} + ${ch}`).toBe(true);
  });

  it('ignores characters it has no rule for', () => {
    expect(typographyForInput('Tor', 'e', 'de')).toBeNull();
    expect(typographyForInput('Tor', ' ', 'en')).toBeNull();
  });

  it('reads only the text before the caret, so earlier quotes of the other language stay as they are', () => {
    const germanStart = typeThrough('"Tor"', 'de');
    expect(typeThrough(' "goal"', 'en', germanStart)).toBe('„Tor“ “goal”');
  });
});
