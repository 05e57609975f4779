import { describe, expect, it } from 'vitest';
import { editDistance } from './editDistance';
import { foldForMatch } from './fold';
import { findRoleTerm, findRoleTerms, roleKeyOf, roleSatisfiedBy } from './roles';

describe('roleKeyOf', () => {
  it.each([
    ['Kapitänin', 'captain'],
    ['captain', 'captain'],
    ['Geschäftsführer', 'managing_director'],
    ['managing director', 'managing_director'],
    ['Sportdirektorin', 'sporting_director'],
    ['sporting director', 'sporting_director'],
    ['Cheftrainer', 'head_coach'],
    ['head coach', 'head_coach'],
    ['Trainer', 'head_coach'],
    ['Präsident', 'president'],
    ['president', 'president'],
  ])('maps "%s" to %s', (title, key) => {
    expect(roleKeyOf(title)).toBe(key);
  });

  it('keeps assistant and specialist coaches apart from the head coach', () => {
    expect(roleKeyOf('Co-Trainer')).toBe('assistant_coach');
    expect(roleKeyOf('Torwarttrainerin')).toBe('specialist_coach');
    expect(roleKeyOf('assistant coach')).toBe('assistant_coach');
  });

  it('keeps the vice president apart from the president', () => {
    expect(roleKeyOf('Vizepräsident')).toBe('vice_president');
    expect(roleKeyOf('vice-president')).toBe('vice_president');
  });

  it('recognises compounds and inflections: "Vereinspräsidenten", "Rotheide-Trainer"', () => {
    expect(roleKeyOf('Vereinspräsidenten')).toBe('president');
    expect(roleKeyOf('Rotheide-Trainer')).toBe('head_coach');
  });

  it('returns null for words that name no role', () => {
    expect(roleKeyOf('Mannschaftsbus')).toBeNull();
    expect(roleKeyOf('coaching staff')).toBeNull();
  });
});

describe('findRoleTerm(s)', () => {
  it('marks former roles', () => {
    expect(findRoleTerm('Ex-Trainer Malik Demir')).toMatchObject({ key: 'head_coach', former: true });
    expect(findRoleTerm('der ehemalige Kapitän')).toMatchObject({ key: 'captain', former: true });
    expect(findRoleTerm('former captain Jana Kowalczyk')).toMatchObject({ key: 'captain', former: true });
    expect(findRoleTerm('Kapitän Jana Kowalczyk')).toMatchObject({ former: false });
  });

  it('lists several roles with their positions', () => {
    const text = 'Trainer und Sportdirektor';
    expect(findRoleTerms(text).map((m) => [m.key, text.slice(m.start, m.end)])).toEqual([
      ['head_coach', 'Trainer'],
      ['sporting_director', 'Sportdirektor'],
    ]);
  });
});

describe('roleSatisfiedBy', () => {
  it('accepts a goalkeeper for "Spieler" but not the other way round', () => {
    expect(roleSatisfiedBy('player', 'goalkeeper')).toBe(true);
    expect(roleSatisfiedBy('goalkeeper', 'player')).toBe(false);
    expect(roleSatisfiedBy('head_coach', 'assistant_coach')).toBe(false);
  });
});

describe('foldForMatch and editDistance', () => {
  it('folds umlauts, their transliterations, case and other diacritics together', () => {
    expect(foldForMatch('Müller')).toBe(foldForMatch('MUELLER'));
    expect(foldForMatch('Łukasz Søren')).toBe('lukasz soren');
    expect(foldForMatch('Straße')).toBe('strasse');
  });

  it('counts single-letter edits', () => {
    expect(editDistance('habn', 'haben')).toBe(1);
    expect(editDistance('Kowalczyk', 'Kowalcyzk')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
