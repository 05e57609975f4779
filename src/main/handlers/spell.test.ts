import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFactPack } from '../../store/factpacks';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

const PACK = {
  format: 'factdesk-factpack',
  version: 1,
  entities: [
    { id: 'e-kowalczyk', kind: 'person', name: 'Lena Kowalczyk', aliases: ['Kowalczyk'] },
    { id: 'e-wroblewski', kind: 'person', name: 'Piotr Wróblewski', aliases: ['P. Wróblewski'] },
    { id: 'e-nordhafen', kind: 'club', name: 'FC Nordhafen' },
  ],
};

let ctx: HandlerContext;

beforeEach(() => {
  ctx = tempContext({ prefix: 'factdesk-spell-h-' });
  expect(importFactPack(ctx.db, PACK, { actor: { user: 'test', via: 'test' } }).problems).toEqual([]);
});
afterEach(() => disposeContext(ctx));

async function ok<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('spell:dictionary', () => {
  it('serves the shipped Hunspell files of both languages', async () => {
    const de = await ok(dispatch('spell:dictionary', { lang: 'de' }, ctx));
    expect(de.lang).toBe('de');
    expect(de.aff).toMatch(/^SET UTF-8$/m);
    expect(de.dic).toMatch(/^Mannschaft\//m);
    const en = await ok(dispatch('spell:dictionary', { lang: 'en' }, ctx));
    expect(en.dic).toMatch(/^team\//m);
  });

  it('names the field for an unknown language', async () => {
    const result = await dispatch('spell:dictionary', { lang: 'fr' } as never, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.[0].path).toBe('lang');
  });
});

describe('spell:words and spell:add-word', () => {
  it('lists every entity name and alias of the store', async () => {
    const words = await ok(dispatch('spell:words', {}, ctx));
    expect(words.custom).toEqual([]);
    expect(words.names.sort()).toEqual([
      'FC Nordhafen',
      'Kowalczyk',
      'Lena Kowalczyk',
      'P. Wróblewski',
      'Piotr Wróblewski',
    ]);
  });

  it('keeps an added word once, sorted, across a reopened database', async () => {
    await ok(dispatch('spell:add-word', { word: 'Viererkette' }, ctx));
    await ok(dispatch('spell:add-word', { word: ' Abwehrriegel ' }, ctx));
    const again = await ok(dispatch('spell:add-word', { word: 'Viererkette' }, ctx));
    expect(again.custom).toEqual(['Abwehrriegel', 'Viererkette']);
    expect(again.names).toContain('Kowalczyk');

    const reopened = tempContext({ prefix: 'factdesk-spell-h2-' });
    try {
      reopened.db.close();
      reopened.db = (await import('../../store/db')).openDatabase(ctx.db.name);
      expect((await ok(dispatch('spell:words', {}, reopened))).custom).toEqual([
        'Abwehrriegel',
        'Viererkette',
      ]);
    } finally {
      disposeContext(reopened);
    }
  });

  it('refuses anything but a single word, naming the field', async () => {
    for (const word of ['', 'zwei Wörter', '<script>', 'x'.repeat(101), 'U21']) {
      const result = await dispatch('spell:add-word', { word }, ctx);
      expect(result.ok, word).toBe(false);
      if (!result.ok) expect(result.error.fields?.[0].path).toBe('word');
    }
    expect((await ok(dispatch('spell:words', {}, ctx))).custom).toEqual([]);
  });
});
