import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityInput } from '../shared/domain/fact-inputs';
import { createEntity } from './entities';
import { openTempStore, seedFacts, tester, type TempStore } from './fact-fixtures';
import { searchFacts, type SearchParams } from './search';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
  seedFacts(store.db);
});
afterEach(() => store.close());

const ids = (query: string, extra: Partial<SearchParams> = {}) =>
  searchFacts(store.db, { query, ...extra }).hits.map((h) => h.id);
const marked = (query: string, id: string, typing = false) => {
  const hit = searchFacts(store.db, { query, typing }).hits.find((h) => h.id === id)!;
  return hit.title.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
};

describe('fact search', () => {
  it('finds umlauts from their transliteration and from the bare letter', () => {
    expect(ids('Muenchen')).toEqual(expect.arrayContaining(['deal-strivo', 'quote-goetze-de']));
    expect(ids('munchen')).toEqual(expect.arrayContaining(['deal-strivo', 'quote-goetze-de']));
    expect(ids('Müller')).toEqual(['ent-mueller']);
    expect(ids('mueller')).toEqual(['ent-mueller']);
  });

  it('finds a transliterated spelling from a query with umlauts', () => {
    // "Lutz Goetze" is stored as an alias spelled without the umlaut.
    const hit = searchFacts(store.db, { query: 'Götze' }).hits.find((h) => h.id === 'ent-goetze')!;
    expect(hit.detail?.filter((s) => s.match).map((s) => s.text)).toEqual(['Goetze']);
  });

  it('finds a name typed without umlauts from a query with them, though such text is indexed once', () => {
    createEntity(store.db, entityInput.parse({ kind: 'person', name: 'Gotze Mulle' }), tester, 'ent-plain');
    expect(ids('Götze Müllé', { kinds: ['entity'] })).toEqual(['ent-plain']);
    expect(
      store.db.prepare("SELECT count(*) FROM entity_fts WHERE entity_fts MATCH 's : gotze'").pluck().get(),
    ).toBe(1);
  });

  it('ignores case and other diacritics', () => {
    expect(ids('STRIVO', { kinds: ['entity'] })).toEqual(['ent-strivo']);
    expect(ids('Kówalczyk', { kinds: ['entity'] })).toEqual(['ent-kowalczyk']);
  });

  it('matches prefixes while typing and whole words otherwise', () => {
    expect(ids('Kowal', { typing: true })).toEqual(['ent-kowalczyk']);
    expect(ids('Kowal')).toEqual([]);
  });

  it('matches a quoted phrase only where the words stand together', () => {
    expect(ids('"neuen Vertrag"')).toEqual(['quote-goetze-de']);
    expect(ids('"Vertrag neuen"')).toEqual([]);
    expect(ids('„new contract“')).toEqual(['quote-goetze-en']);
  });

  it('treats anything typed as a search, never as a syntax error', () => {
    const nasty = [
      '"',
      '*',
      'NEAR(',
      'a AND',
      'OR OR',
      '(((',
      ')',
      '-',
      'x:y',
      '{t s}',
      "'; DROP TABLE deals; --",
      'ü*ö',
      '^',
      '""""',
      'AND "NOT" NEAR/2',
    ];
    for (const q of nasty) {
      expect(() => searchFacts(store.db, { query: q, typing: true }), q).not.toThrow();
      expect(() => searchFacts(store.db, { query: q }), q).not.toThrow();
    }
    // Random strings from a nasty alphabet, including every FTS5 special character.
    const alphabet = 'aäöüß "*():^-+{}[]\'NEAR AND OR NOT ,.;/\\\t';
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const q = Array.from(
        { length: 1 + Math.floor(rand() * 14) },
        () => alphabet[Math.floor(rand() * alphabet.length)],
      ).join('');
      expect(
        () => searchFacts(store.db, { query: q, typing: rand() > 0.5 }),
        JSON.stringify(q),
      ).not.toThrow();
    }
    expect(store.db.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(2);
  });

  it('ranks a name match above a passing mention', () => {
    const hits = searchFacts(store.db, { query: 'Rotheide' }).hits;
    expect(hits[0].id).toBe('ent-rotheide');
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining(['deal-strivo', 'src-kurier']));
  });

  it('marks the matched words on the original text', () => {
    expect(marked('muenchen rotheide', 'deal-strivo')).toBe(
      'Streamingrechte für die Heimspiele in [München] und [Rotheide]',
    );
    expect(marked('Stream', 'deal-strivo', true)).toBe(
      '[Streamingrechte] für die Heimspiele in München und Rotheide',
    );
  });

  it('filters by kind, status, speaker or party, date range, currency and amount', () => {
    expect(ids('', { kinds: ['deal'] })).toEqual(['deal-strivo', 'deal-transfer']);
    expect(ids('', { status: 'confirmed' })).toEqual(['deal-transfer']);
    expect(ids('', { status: 'unverified' })).toEqual(['quote-goetze-en']);
    expect(ids('', { entityId: 'ent-goetze', kinds: ['quote'] })).toEqual([
      'quote-goetze-en',
      'quote-goetze-de',
    ]);
    expect(ids('', { entityId: 'ent-strivo' })).toEqual(['deal-strivo']);
    expect(ids('', { kinds: ['quote'], dateFrom: '2025-04-01' })).toEqual(['quote-kowalczyk']);
    expect(ids('', { kinds: ['deal'], dateFrom: '2026-01-01', dateTo: '2026-12-31' })).toEqual([
      'deal-strivo',
    ]);
    expect(ids('', { currency: 'EUR', amountMin: 100_000_000, amountMax: 200_000_000 })).toEqual([
      'deal-transfer',
    ]);
    expect(ids('', { amountMin: 300_000_000 })).toEqual(['deal-strivo']);
    expect(ids('Rotheide', { kinds: ['entity'], entityKinds: ['club'] })).toEqual(['ent-rotheide']);
  });

  it('says when more results exist than the limit', () => {
    const r = searchFacts(store.db, { query: '', limit: 3 });
    expect(r.hits).toHaveLength(3);
    expect(r.truncated).toBe(true);
  });

  it('carries what a result list shows: speaker, parties, amount and whether it is sourced', () => {
    const quote = searchFacts(store.db, { query: 'zusammen' }).hits[0];
    expect(quote.meta).toMatchObject({ type: 'quote', speaker: 'Jana Kowalczyk', status: 'verified' });
    expect(quote.unsourced).toBe(true);
    const deal = searchFacts(store.db, { query: 'Streamingrechte' }).hits[0];
    expect(deal.meta).toMatchObject({
      type: 'deal',
      payer: 'Strivo',
      payee: 'SV Rotheide',
      amountMinor: 500_000_000,
      currency: 'EUR',
    });
    expect(deal.unsourced).toBe(false);
  });
});
