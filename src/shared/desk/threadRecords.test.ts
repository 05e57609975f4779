import { describe, expect, it } from 'vitest';
import {
  mergeThreadRecords,
  parseThreadRecord,
  threadRecordKey,
  type DeskThreadRecord,
} from './threadRecords';

const T = (m: number) => `2026-12-06T10:0${m}:00.000Z`;
const base: DeskThreadRecord = {
  id: 't-1',
  claimId: null,
  quote: 'sieben Millionen Euro',
  status: 'open',
  detached: false,
  comments: [{ id: 'k-1', author: 'Lena Kowalczyk', body: 'Quelle?', createdAt: T(1), editedAt: null }],
  createdAt: T(1),
  updatedAt: T(1),
};

describe('comment threads ⇄ desk records', () => {
  it('keeps replies written on two machines at once and the later edit of a comment', () => {
    const here: DeskThreadRecord = {
      ...base,
      comments: [
        { ...base.comments[0], body: 'Quelle genau?', editedAt: T(3) },
        { id: 'k-2', author: 'Ruth Okafor', body: 'Pressemitteilung', createdAt: T(2), editedAt: null },
      ],
      updatedAt: T(3),
    };
    const there: DeskThreadRecord = {
      ...base,
      status: 'resolved',
      comments: [
        ...base.comments,
        { id: 'k-3', author: 'Lena Kowalczyk', body: 'Danke', createdAt: T(4), editedAt: null },
      ],
      updatedAt: T(4),
    };
    const merged = mergeThreadRecords(here, there);
    expect(merged.comments.map((c) => [c.id, c.body])).toEqual([
      ['k-1', 'Quelle genau?'],
      ['k-2', 'Pressemitteilung'],
      ['k-3', 'Danke'],
    ]);
    expect(merged.status).toBe('resolved');
    expect(merged.updatedAt).toBe(T(4));
    // Merging is order-free: both machines end with the same record.
    expect(threadRecordKey(mergeThreadRecords(there, here))).toBe(threadRecordKey(merged));
  });

  it('refuses a malformed record from the desk instead of storing it', () => {
    const { id: _id, ...fields } = base;
    expect(parseThreadRecord('t-1', fields)).toEqual(base);
    expect(parseThreadRecord('t-1', { ...fields, status: 'deleted' })).toBeNull();
    expect(parseThreadRecord('t-1', { ...fields, comments: [] })).toBeNull();
    expect(
      parseThreadRecord('t-1', { ...fields, comments: [{ ...base.comments[0], body: '   ' }] }),
    ).toBeNull();
    expect(parseThreadRecord('t-1', { ...fields, extra: '<script>' })).toBeNull();
  });
});
