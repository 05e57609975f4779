import type { Db } from './db';

/**
 * Inserting many rows into a table with secondary indexes updates each index row by row, at
 * random places; building an index once over the finished table sorts instead, which costs a
 * fraction of that (bench/store.ts: the quotes' four indexes were half of inserting 100,000
 * quotes). So a bulk insert that at least doubles a table drops the table's plain indexes,
 * inserts, and creates them again from their stored definitions — all inside the caller's
 * transaction, so a failure or crash leaves the indexes exactly as they were.
 *
 * Kept in place: unique indexes (they enforce a constraint while rows go in) and indexes led
 * by a column that refers to the same table (deferred foreign-key checks look up children
 * through them for every parent row inserted).
 */
export const BULK_MIN_ROWS = 1000;

interface IndexListRow {
  name: string;
  unique: number;
  origin: string;
}

/** The CREATE INDEX statements of the table's indexes that a bulk insert may drop and rebuild. */
export function rebuildableIndexes(db: Db, table: string): { name: string; sql: string }[] {
  const selfRefs = new Set(
    (db.pragma(`foreign_key_list(${table})`) as { table: string; from: string }[])
      .filter((fk) => fk.table === table)
      .map((fk) => fk.from),
  );
  const out: { name: string; sql: string }[] = [];
  for (const ix of db.pragma(`index_list(${table})`) as IndexListRow[]) {
    if (ix.unique || ix.origin !== 'c') continue;
    const first = (db.pragma(`index_info(${ix.name})`) as { seqno: number; name: string }[]).find(
      (c) => c.seqno === 0,
    );
    if (!first || selfRefs.has(first.name)) continue;
    const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(ix.name) as
      { sql: string | null } | undefined;
    if (row?.sql) out.push({ name: ix.name, sql: row.sql });
  }
  return out;
}

/**
 * Runs `insert` (which adds `adding` rows to `table`) with the table's rebuildable indexes
 * dropped when that pays: at least BULK_MIN_ROWS rows and at least as many as the table holds.
 * Must run inside a transaction.
 */
export function withIndexesDeferred(db: Db, table: string, adding: number, insert: () => void): void {
  if (!db.inTransaction) throw new Error('withIndexesDeferred must run inside a transaction');
  const held = adding < BULK_MIN_ROWS ? Infinity : tableRows(db, table);
  const indexes = adding >= held ? rebuildableIndexes(db, table) : [];
  for (const ix of indexes) db.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
  insert();
  for (const ix of indexes) db.exec(ix.sql);
}

/** Rows in the table, or an upper bound: every fact table keys its rows by an increasing seq. */
function tableRows(db: Db, table: string): number {
  const max = db
    .prepare(`SELECT max(rowid) FROM "${table.replace(/"/g, '""')}"`)
    .pluck()
    .get() as number | null;
  return max ?? 0;
}
