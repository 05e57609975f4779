import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../domain/articles';
import { metaChangesForDesk, metaPatchFromDesk } from './articleMeta';

const meta: ArticleMeta = {
  id: 'a1',
  kicker: 'Transfer',
  headline: 'SV Rotheide holt Lena Kowalczyk',
  lead: '',
  byline: 'Jana Wolf',
  dateline: 'Rotheide',
  language: 'de',
  author: 'Jana Wolf',
  desk: 'Sport',
  status: 'draft',
  trashedAt: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
};

describe('article meta ⇄ desk map', () => {
  it('takes only the desk fields that changed and are valid', () => {
    const values = new Map<string, unknown>([
      ['headline', 'FC Nordhafen verliert Kowalczyk'],
      ['kicker', 'Transfer'],
      ['status', 'in_fact_check'],
      ['language', 'fr'],
      ['lead', 'x'.repeat(100_000)],
      ['author', 'Mallory'],
      ['byline', 42],
    ]);
    expect(metaPatchFromDesk(values, meta)).toEqual({
      headline: 'FC Nordhafen verliert Kowalczyk',
      status: 'in_fact_check',
    });
  });

  it('is empty when the desk matches the article', () => {
    const values = new Map<string, unknown>([
      ['headline', meta.headline],
      ['dateline', 'Rotheide'],
    ]);
    expect(metaPatchFromDesk(values, meta)).toEqual({});
  });

  it('writes every shared field to an empty map and only changed ones later', () => {
    expect(metaChangesForDesk(new Map(), meta)).toEqual({
      kicker: 'Transfer',
      headline: meta.headline,
      lead: '',
      byline: 'Jana Wolf',
      dateline: 'Rotheide',
      language: 'de',
      status: 'draft',
    });
    const values = new Map<string, unknown>(Object.entries(metaChangesForDesk(new Map(), meta)));
    expect(metaChangesForDesk(values, { ...meta, lead: 'Der Wechsel ist perfekt.' })).toEqual({
      lead: 'Der Wechsel ist perfekt.',
    });
  });
});
