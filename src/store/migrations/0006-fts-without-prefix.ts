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
 * The fact search tables without their 2- and 3-letter prefix indexes. Those made every
 * indexed word cost three index entries (a fact-pack import of 150,000 records spent about a
 * tenth of its time on them) while as-you-type prefix queries are as fast without them at a
 * newsroom's scale (bench/store.ts). Contentless tables cannot be rebuilt from themselves, so
 * each is re-created and filled again from its records.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'fts-without-prefix',
  up(db) {
    for (const { fts, select, text } of INDEXED) {
      db.exec(
        `DROP TABLE ${fts}; CREATE VIRTUAL TABLE ${fts} USING fts5 (t, s, content = '', contentless_delete = 1);`,
      );
      const insert = db.prepare(`INSERT INTO ${fts} (rowid, t, s) VALUES (?, ?, ?)`);
      for (const row of db.prepare(select).all() as Record<string, unknown>[]) {
        const doc = indexedSpellings(text(row));
        insert.run(row.seq, doc.t, doc.s);
      }
    }
  },
};
