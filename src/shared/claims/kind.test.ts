import { describe, expect, it } from 'vitest';
import { contextOf } from './facts.fixture';
import { guessClaimKind } from './kind';

describe('guessing the kind of a marked claim', () => {
  it('reads German quotes, amounts, dates and roles', () => {
    const p =
      '„Das war überfällig“, sagte Kapitänin Jana Kowalczyk, als Strivo am 3. März sieben Millionen Euro überwies.';
    expect(guessClaimKind(contextOf(p, '„Das war überfällig“'), 'de')).toBe('quote');
    expect(guessClaimKind(contextOf(p, 'sieben Millionen Euro'), 'de')).toBe('amount');
    expect(guessClaimKind(contextOf(p, '3. März'), 'de')).toBe('date');
    expect(guessClaimKind(contextOf(p, 'Kapitänin Jana Kowalczyk'), 'de')).toBe('role');
  });

  it('reads English quotes and amounts', () => {
    const p = '“It was overdue,” said Jana Kowalczyk after Strivo paid €7m.';
    expect(guessClaimKind(contextOf(p, '“It was overdue,”'), 'en')).toBe('quote');
    expect(guessClaimKind(contextOf(p, '€7m'), 'en')).toBe('amount');
  });

  it('falls back to "other" for plain statements', () => {
    expect(guessClaimKind(contextOf('Rotheide ist Tabellenführer.', 'Tabellenführer'), 'de')).toBe('other');
    expect(guessClaimKind(contextOf('Rotheide top the table.', 'top the table'), 'en')).toBe('other');
  });
});
