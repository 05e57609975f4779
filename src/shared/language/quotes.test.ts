import { describe, expect, it } from 'vitest';
import { normalizeQuoteText } from './quotes';

describe('normalizeQuoteText', () => {
  it('strips German, English and French outer quote marks', () => {
    expect(normalizeQuoteText('„Wir haben gewonnen.“')).toBe('Wir haben gewonnen.');
    expect(normalizeQuoteText('“We won.”')).toBe('We won.');
    expect(normalizeQuoteText('»Wir haben gewonnen.«')).toBe('Wir haben gewonnen.');
  });

  it('unifies inner quote marks, apostrophes and dashes', () => {
    expect(normalizeQuoteText('Er sagte ‚nie‘ – und wir glaubten’s')).toBe(
      "Er sagte 'nie' - und wir glaubten's",
    );
    expect(normalizeQuoteText('Wir — nur wir')).toBe(normalizeQuoteText('Wir - nur wir'));
  });

  it('turns no-break spaces into spaces and collapses runs of whitespace', () => {
    expect(normalizeQuoteText(' Wir\u00a0haben \n\t gewonnen ')).toBe('Wir haben gewonnen');
  });

  it('writes every ellipsis the same way', () => {
    expect(normalizeQuoteText('Wir haben ... gewonnen')).toBe('Wir haben … gewonnen');
    expect(normalizeQuoteText('Wir haben (...) gewonnen')).toBe('Wir haben […] gewonnen');
  });

  it('keeps letters and inner punctuation untouched', () => {
    expect(normalizeQuoteText('Wir habn gewonnen!')).toBe('Wir habn gewonnen!');
  });
});
