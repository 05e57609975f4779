import { describe, expect, it } from 'vitest';
import { sampleBody } from '../article/sampleArticle.fixture';
import { claimRanges } from '../article/blocks';
import { claimLinking } from './facts.fixture';
import { orderClaims } from './order';

const claim = (id: string, createdAt: string, inText = true) => claimLinking([], { id, createdAt, inText });

describe('claims in reading order', () => {
  it('follows the marks in the stored body, then unsaved marks, then claims removed from the text', () => {
    const inBody = claimRanges(sampleBody).map((r) => r.claimId);
    expect(inBody.slice(0, 2)).toEqual(['c-quote', 'c-role']);
    const claims = [
      claim('c-gone', '2026-01-01T00:00:00Z', false),
      claim('c-new', '2026-01-02T00:00:00Z'),
      claim('c-role', '2026-01-03T00:00:00Z'),
      claim('c-quote', '2026-01-04T00:00:00Z'),
    ];
    expect(orderClaims(claims, sampleBody).map((c) => c.id)).toEqual([
      'c-quote',
      'c-role',
      'c-new',
      'c-gone',
    ]);
  });

  it('orders by creation when there is no body', () => {
    const claims = [claim('b', '2026-01-02T00:00:00Z'), claim('a', '2026-01-01T00:00:00Z')];
    expect(orderClaims(claims, null).map((c) => c.id)).toEqual(['a', 'b']);
  });
});
