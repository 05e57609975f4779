import { describe, expect, it } from 'vitest';
import { claimIdsOf, isThreadId, threadIdsOf } from './threadIds';

describe('thread ids beside claim ids on one mark', () => {
  it('tells a thread id by its prefix and splits a mark’s ids', () => {
    const ids = ['c-1f2e', 't-9a8b', 'imported-claim-7'];
    expect(isThreadId('t-9a8b')).toBe(true);
    expect(isThreadId('c-1f2e')).toBe(false);
    expect(claimIdsOf(ids)).toEqual(['c-1f2e', 'imported-claim-7']);
    expect(threadIdsOf(ids)).toEqual(['t-9a8b']);
  });
});
