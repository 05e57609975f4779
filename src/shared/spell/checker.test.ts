/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from 'vitest';
// The shipped files themselves, as text (the package's exports hide them from a bare import).
import deAff from '../../../node_modules/dictionary-de/index.aff?raw';
import deDic from '../../../node_modules/dictionary-de/index.dic?raw';
import enAff from '../../../node_modules/dictionary-en/index.aff?raw';
import enDic from '../../../node_modules/dictionary-en/index.dic?raw';
import { SpellChecker } from './checker';

// Loading igerman98 with nspell takes seconds on a busy machine: one checker per language for the file.
let de: SpellChecker;
let en: SpellChecker;

beforeAll(() => {
  de = new SpellChecker('de', { aff: deAff, dic: deDic });
  en = new SpellChecker('en', { aff: enAff, dic: enDic });
}, 120_000);

const flagged = (checker: SpellChecker, text: string) => checker.check(text).map((m) => m.word);

describe('SpellChecker (German)', () => {
  it('accepts correct German with umlauts and ß and flags typos with their offsets', () => {
    const text = 'Die Mannschaft spielte auf der Straße, der Verrtrag läuft bis zum Sommer.';
    const misses = de.check(text);
    expect(misses.map((m) => m.word)).toEqual(['Verrtrag']);
    expect(text.slice(misses[0].start, misses[0].end)).toBe('Verrtrag');
  });

  it('accepts compounds igerman98 builds with compound flags, and hyphenated ones part by part', () => {
    expect(flagged(de, 'Fußball Torhüter Rückrunde Saisonauftakt Bundesliga-Saison Vereinsvorstand')).toEqual(
      [],
    );
    expect(flagged(de, 'Bundesliga-Saisson')).toEqual(['Saisson']);
  });

  it('accepts words igerman98 also lists as compound parts only (nspell let that entry win)', () => {
    expect(flagged(de, 'Wir glauben, sprechen und stehen weg, es wird sein')).toEqual([]);
  });

  it('suggests the right word for a German typo', () => {
    expect(de.suggest('Verrtrag')).toContain('Vertrag');
  });

  it('ignores numbers and scores', () => {
    expect(flagged(de, 'Es stand 2:1 nach 90 Minuten, am 12.05.2026 um 18.30 Uhr.')).toEqual([]);
  });

  it('accepts names from the fact store, also in the genitive, once it has learnt them', () => {
    expect(flagged(de, 'Lena Kowalczyk und Piotr Wróblewski')).toEqual(
      expect.arrayContaining(['Kowalczyk', 'Wróblewski']),
    );
    de.setAccepted(['Lena Kowalczyk', 'Piotr Wróblewski', 'SV Rotheide']);
    expect(flagged(de, 'Lena Kowalczyk und Piotr Wróblewski, Kowalczyks Vertrag beim SV Rotheide')).toEqual(
      [],
    );
  });

  it('accepts words of the desk dictionary and forgets them when the list is replaced', () => {
    de.setAccepted(['Viererkette', 'Nordhafener']);
    expect(flagged(de, 'Die Nordhafener')).toEqual([]);
    de.setAccepted([]);
    expect(flagged(de, 'Die Nordhafener')).toEqual(['Nordhafener']);
  });
});

describe('SpellChecker (English)', () => {
  it('flags English typos and accepts apostrophes', () => {
    expect(flagged(en, "The coach's decision wasn't a suprise to the team.")).toEqual(['suprise']);
    expect(en.suggest('suprise')).toContain('surprise');
  });

  it('does not build German compounds in English', () => {
    expect(flagged(en, 'footballteam')).toEqual(['footballteam']);
  });

  it('accepts a possessive of a learnt name', () => {
    en.setAccepted(['Lena Kowalczyk']);
    expect(flagged(en, "Kowalczyk's contract")).toEqual([]);
  });
});
