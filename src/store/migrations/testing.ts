import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { indexedSpellings } from '../../shared/search/fold';

/**
 * Raw databases for migration tests: a file in a temp folder with foreign keys on and no
 * migrations applied, so each test can build the previous version itself. Call `cleanup`
 * from afterEach.
 */
export function migrationDbs(prefix: string): { tempDb(): Database.Database; cleanup(): void } {
  const dirs: string[] = [];
  const open: Database.Database[] = [];
  return {
    tempDb() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      const db = new Database(path.join(dir, 'test.sqlite'));
      db.pragma('foreign_keys = ON');
      open.push(db);
      return db;
    },
    cleanup() {
      for (const db of open.splice(0)) if (db.open) db.close();
      for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

/**
 * Writes one search-index row into an older store the way the store of that version did: the
 * folded and stripped spellings of the fields in columns `t` and `s`, keyed by the record's rowid.
 */
export function indexRowAsBefore(
  db: Database.Database,
  table: string,
  rowid: number | bigint,
  fields: (string | null)[],
): void {
  const doc = indexedSpellings(fields);
  db.prepare(`INSERT INTO ${table} (rowid, t, s) VALUES (?, ?, ?)`).run(rowid, doc.t, doc.s);
}
