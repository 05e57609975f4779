import { describe, expect, it } from 'vitest';
import { contextOf } from './facts.fixture';
import { linkSearchSeed } from './searchSeed';

describe('the first search of the link popover', () => {
  it('searches a German quote by its first words and names the speaker', () => {
    const p = '„Ich habe nie darüber nachgedacht, Rotheide zu verlasen“, sagte Kapitänin Jana Kowalczyk.';
    const seed = linkSearchSeed(
      'quote',
      contextOf(p, '„Ich habe nie darüber nachgedacht, Rotheide zu verlasen“'),
      'de',
    );
    expect(seed).toEqual({ query: 'Ich habe nie darüber', kinds: ['quote'], speaker: 'Jana Kowalczyk' });
  });

  it('searches an English quote marked inside its quotation marks', () => {
    const p = 'Smith said: “We never stopped believing in this squad.”';
    const seed = linkSearchSeed('quote', contextOf(p, 'We never stopped believing'), 'en');
    expect(seed).toEqual({ query: 'We never stopped believing', kinds: ['quote'], speaker: 'Smith' });
  });

  it('lists deals for an amount and looks up the person of a role claim', () => {
    const p = 'Geschäftsführer Till Brandauer bestätigte sieben Millionen Euro.';
    expect(linkSearchSeed('amount', contextOf(p, 'sieben Millionen Euro'), 'de')).toEqual({
      query: '',
      kinds: ['deal'],
      speaker: null,
    });
    expect(linkSearchSeed('role', contextOf(p, 'Geschäftsführer Till Brandauer'), 'de').query).toBe(
      'Till Brandauer',
    );
    expect(
      linkSearchSeed('role', contextOf('The captain Jana Kowalczyk', 'captain Jana Kowalczyk'), 'en').query,
    ).toBe('Jana Kowalczyk');
  });

  it('uses the claim’s own words for other claims', () => {
    const p = 'Rotheide spielt seit 1921 im Stadion am Deich.';
    expect(linkSearchSeed('other', contextOf(p, 'seit 1921 im Stadion am Deich'), 'de')).toEqual({
      query: 'seit 1921 im Stadion',
      kinds: [],
      speaker: null,
    });
  });
});
