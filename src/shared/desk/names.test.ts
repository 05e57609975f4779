import { describe, expect, it } from 'vitest';
import {
  ARTICLE_INDEX_DOC,
  DESK_FACT_KINDS,
  FACT_BUCKETS,
  articleDocName,
  canWrite,
  deskHttpUrl,
  factBucket,
  factDocNameFor,
  factsDocName,
  parseDeskDocName,
} from './names';

describe('desk document names', () => {
  it('round-trips article, index and fact document names', () => {
    expect(parseDeskDocName(articleDocName('art-2026-05-01_x'))).toEqual({
      kind: 'article',
      articleId: 'art-2026-05-01_x',
    });
    expect(parseDeskDocName(ARTICLE_INDEX_DOC)).toEqual({ kind: 'article-index' });
    for (const kind of DESK_FACT_KINDS) {
      expect(parseDeskDocName(factsDocName(kind, 63))).toEqual({ kind: 'facts', factKind: kind, bucket: 63 });
    }
  });

  it('refuses names outside the conventions', () => {
    for (const name of [
      '',
      'article/',
      'article/a/b',
      '../../etc/passwd',
      'facts/deal/64',
      'facts/deal/07',
      'facts/goal/1',
      'index/other',
      'article/\u0000x',
    ]) {
      expect(parseDeskDocName(name)).toBeNull();
    }
    expect(() => articleDocName('a/b')).toThrow(/cannot be used/);
    expect(() => factsDocName('deal', 64)).toThrow(/0\.\.63/);
  });

  it('puts a fact record in the same bucket on every machine, spread over all buckets', () => {
    // FNV-1a of "deal-1": fixed, so a change of hash function is caught before desks disagree.
    expect(factBucket('deal-1')).toBe(21);
    expect(factDocNameFor('deal', 'deal-1')).toBe(`facts/deal/${factBucket('deal-1')}`);
    expect(factBucket('')).toBe(0x811c9dc5 % FACT_BUCKETS);
    const used = new Set(Array.from({ length: 2000 }, (_, i) => factBucket(`quote-${i}`)));
    expect(used.size).toBe(FACT_BUCKETS);
    expect(factBucket('Müller-Lüdenscheidt')).toBeLessThan(FACT_BUCKETS);
  });

  it('lets editors and checkers write, viewers only read', () => {
    expect([canWrite('editor'), canWrite('checker'), canWrite('viewer')]).toEqual([true, true, false]);
  });

  it('derives the HTTP address from the WebSocket address', () => {
    expect(deskHttpUrl('ws://127.0.0.1:1234')).toBe('http://127.0.0.1:1234');
    expect(deskHttpUrl('wss://desk.example.org/')).toBe('https://desk.example.org');
  });
});
