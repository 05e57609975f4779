import { describe, expect, it } from 'vitest';
import { findMentions, mentionsUser } from './mentions';

describe('findMentions', () => {
  it('finds a two-word desk member by the longest known name', () => {
    const body = 'Bitte @Lena Kowalczyk noch einmal auf die Summe schauen.';
    expect(findMentions(body, ['Lena', 'Lena Kowalczyk'])).toEqual([
      { name: 'Lena Kowalczyk', start: 6, end: 21 },
    ]);
  });

  it('takes one word after "@" for free names, and skips e-mail addresses', () => {
    expect(findMentions('@ruth, kannst du? Mail an info@sv-rotheide.example').map((m) => m.name)).toEqual([
      'ruth',
    ]);
  });

  it('does not read a longer word as a known name', () => {
    expect(findMentions('@Lenart war da', ['Lena']).map((m) => m.name)).toEqual(['Lenart']);
  });
});

describe('mentionsUser', () => {
  it('matches the full name or its first word, in any case', () => {
    expect(mentionsUser('Frage an @lena', 'Lena Kowalczyk')).toBe(true);
    expect(mentionsUser('Frage an @Lena Kowalczyk.', 'Lena Kowalczyk')).toBe(true);
    expect(mentionsUser('Frage an @Ruth', 'Lena Kowalczyk')).toBe(false);
    expect(mentionsUser('Lena ohne at', 'Lena Kowalczyk')).toBe(false);
  });
});
