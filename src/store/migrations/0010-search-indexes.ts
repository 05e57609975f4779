import { indexedSpellings } from '../../shared/search/fold';
import type { Migration } from './types';

interface Indexed {
  fts: string;
  /** seq plus the columns that are indexed, in the order the store indexes them. */
  select: string;
  text(row: Record<string, unknown>): (string | null)[];
}

const INDEXED: readonly Indexed[] = [
  {
    fts: 'entity_fts',
    select: 'SELECT seq, name, aliases FROM entities',
    text: (r) => [r.name as string, ...(JSON.parse(r.aliases as string) as string[])],
  },
  {
    fts: 'deal_fts',
    select: 'SELECT seq, subject, notes FROM deals',
    text: (r) => [r.subject as string, r.notes as string | null],
  },
  { fts: 'quote_fts', select: 'SELECT seq, wording FROM quotes', text: (r) => [r.wording as string] },
  {
    fts: 'source_fts',
    select: 'SELECT seq, title, publisher FROM sources',
    text: (r) => [r.title as string, r.publisher as string | null],
  },
];

/**
 * The fact search tables get their 2- and 3-letter prefix indexes back. Without them a
 * two-letter prefix — what the facts box and the Link facts dialog send on the second
 * keystroke — made FTS5 merge the position lists of every word starting with those letters
 * before it could return the newest match: 7–23 ms a keystroke on the bench store against
 * about 5 ms with them (bench/store.ts, docs/performance.md). They cost about a tenth more
 * import time and 40% more index pages, which a store of this size can afford.
 *
 *
 * And the four searchable tables get an index on updated_at: an empty search box lists the
 * most recently changed facts of every kind, which sorted the whole of each table (a quarter
 * of a second on the bench store) every time the box was cleared.
 *
 * Reserved as schema version 11; the list must stay contiguous, so in a branch without
 * versions 7–10 this applies as 7 and is renumbered when they are merged.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'search-indexes',
  up(db) {
    for (const table of ['entities', 'deals', 'quotes', 'sources'])
      db.exec(`CREATE INDEX ${table}_updated ON ${table} (updated_at)`);
    for (const { fts, select, text } of INDEXED) {
      db.exec(
        `DROP TABLE ${fts}; CREATE VIRTUAL TABLE ${fts} USING fts5 (t, s, content = '', contentless_delete = 1, prefix = '2 3');`,
      );
      const insert = db.prepare(`INSERT INTO ${fts} (rowid, t, s) VALUES (?, ?, ?)`);
      for (const row of db.prepare(select).all() as Record<string, unknown>[]) {
        const doc = indexedSpellings(text(row));
        insert.run(row.seq, doc.t, doc.s);
      }
    }
  },
};
