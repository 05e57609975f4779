import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/store/db';

/**
 * Every row of every table (full-text shadow tables left out: they follow their content tables)
 * plus the files in the data folder, so "a refused call wrote nothing" can be checked across the
 * whole store. `skipDirs` names folders the test itself writes to, such as an export folder.
 */
export function canonicalDump(db: Db, dataDir: string, skipDirs: string[] = []): string {
  return JSON.stringify({ rows: tableRows(db), files: listFiles(dataDir, dataDir, skipDirs) });
}

/**
 * The store's state before a call, cheap to take before every one of thousands of calls: the
 * database image (a copy of its pages) and the file list. `unchangedBy` compares the image
 * byte for byte and, only when the pages differ, row by row through the canonical dump.
 */
export interface StoreState {
  image: Buffer;
  files: string;
}

export function storeState(db: Db, dataDir: string, skipDirs: string[] = []): StoreState {
  return { image: db.serialize(), files: JSON.stringify(listFiles(dataDir, dataDir, skipDirs)) };
}

export function unchangedSince(
  before: StoreState,
  db: Db,
  dataDir: string,
  skipDirs: string[] = [],
): boolean {
  if (JSON.stringify(listFiles(dataDir, dataDir, skipDirs)) !== before.files) return false;
  const image = db.serialize();
  if (image.equals(before.image)) return true;
  // A WAL database's header says so (bytes 18–19 = 2); an in-memory copy must read as a plain one.
  const plain = Buffer.from(before.image);
  plain[18] = 1;
  plain[19] = 1;
  const old = new Database(plain);
  try {
    return JSON.stringify(tableRows(old as unknown as Db)) === JSON.stringify(tableRows(db));
  } finally {
    old.close();
  }
}

function tableRows(db: Db): unknown[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return (
    tables
      .filter((t) => !/_(data|idx|docsize|config|content)$/.test(t))
      // Sorted by content, not rowid: some tables are WITHOUT ROWID, and the order of rows is no part of the state.
      .map((t) => [
        t,
        (
          db
            .prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"`)
            .raw()
            .all() as unknown[][]
        )
          .map((row) => JSON.stringify(row))
          .sort(),
      ])
  );
}

function listFiles(root: string, dir: string, skipDirs: string[]): string[] {
  const out: string[] = [];
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    // Backups are copies taken before a write (issue 11), not stored data; a refused import may be preceded by one.
    if (skipDirs.includes(full) || (dir === root && entry.name === 'backups')) continue;
    if (entry.isDirectory()) out.push(...listFiles(root, full, skipDirs));
    else if (!/\.sqlite(-wal|-shm|-journal)?$/.test(entry.name))
      out.push(`${path.relative(root, full)}:${fs.statSync(full).size}`);
  }
  return out;
}
