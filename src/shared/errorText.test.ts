import { describe, expect, it } from 'vitest';
import { englishSentence, joined, readErrorText } from './errorText';
import { UserError } from './result';

describe('englishSentence', () => {
  it('fills the English entry with the values, a nested error as its own sentence', () => {
    expect(
      englishSentence({
        key: 'cannotImport',
        params: { name: 'notiz.rtf', reason: { key: 'importRtf' } },
      }),
    ).toBe('Cannot import "notiz.rtf": RTF is not supported; save the file as .docx and import that');
  });

  it('picks the plural form by count', () => {
    expect(englishSentence({ key: 'roleCount', params: { count: 1 } })).toBe('1 role');
    expect(englishSentence({ key: 'roleCount', params: { count: 3 } })).toBe('3 roles');
  });

  it('joins up to three values with the catalogue’s commas', () => {
    const uses = joined([
      { key: 'roleCount', params: { count: 2 } },
      { key: 'dealCount', params: { count: 1 } },
    ]);
    expect(englishSentence({ key: 'entityInUse', params: { name: 'SV Rotheide', uses } })).toBe(
      '“SV Rotheide” cannot be deleted: 2 roles, 1 deal still refer to it.',
    );
  });
});

describe('UserError', () => {
  it('keeps the English sentence as its message and the key and values for the app', () => {
    const err = new UserError('not_found', { key: 'noSuchDeal', params: { id: 'deal-7' } }, [
      { path: 'id', message: 'not found' },
    ]);
    expect(err.message).toBe('There is no deal with the id "deal-7".');
    expect(err.toAppError()).toEqual({
      code: 'not_found',
      message: 'There is no deal with the id "deal-7".',
      fields: [{ path: 'id', message: 'not found' }],
      key: 'noSuchDeal',
      params: { id: 'deal-7' },
    });
  });

  it('without a key is what it was: a code and an English message', () => {
    expect(new UserError('internal', 'Something broke.').toAppError()).toEqual({
      code: 'internal',
      message: 'Something broke.',
    });
  });
});

describe('readErrorText', () => {
  it('accepts a known key with string, number and nested values', () => {
    const text = {
      key: 'cannotImport',
      params: { name: 'a.md', reason: { key: 'fileTooLarge', params: { mb: 20 } } },
    };
    expect(readErrorText(text)).toEqual(text);
  });

  it('refuses keys outside the errors catalogue, other namespaces and nesting syntax', () => {
    for (const key of [
      'noSuchKey',
      'facts:messages.notEmpty',
      '$t(cli:help)',
      'toString',
      '__proto__',
      '',
      7,
    ])
      expect(readErrorText({ key }), String(key)).toBeNull();
  });

  it('refuses odd values: objects that are no error, arrays, huge strings, odd names, too many', () => {
    const bad: unknown[] = [
      { key: 'noSuchDeal', params: { id: { toString: 'x' } } },
      { key: 'noSuchDeal', params: { id: ['a'] } },
      { key: 'noSuchDeal', params: { id: 'x'.repeat(10_001) } },
      { key: 'noSuchDeal', params: { id: Number.NaN } },
      { key: 'noSuchDeal', params: { 'id.x': 'a' } },
      { key: 'noSuchDeal', params: JSON.parse('{"__proto__": "a"}') },
      { key: 'noSuchDeal', params: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`p${i}`, 'a'])) },
      { key: 'noSuchDeal', params: 'id' },
      { key: 'noSuchDeal', params: null },
    ];
    for (const value of bad) expect(readErrorText(value), JSON.stringify(value)).toBeNull();
  });

  it('stops a nesting that goes deeper than a sentence ever does', () => {
    let text: unknown = { key: 'fileEmpty' };
    for (let i = 0; i < 6; i++) text = { key: 'cannotImport', params: { name: 'a', reason: text } };
    expect(readErrorText(text)).toBeNull();
  });
});
