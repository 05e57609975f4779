import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/store/db';

/**
 * Every row of every table (full-text shadow tables left out: they follow their content tables)
 * plus the files in the data folder, so "a refused call wrote nothing" can be checked across the
 * whole store. `skipDirs` names folders the test itself writes to, such as an export folder.
 */
export function canonicalDump(db: Db, dataDir: string, skipDirs: string[] = []): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const rows = tables
    .filter((t) => !/_(data|idx|docsize|config|content)$/.test(t))
    .map((t) => [t, db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}" ORDER BY rowid`).raw().all()]);
  return JSON.stringify({ rows, files: listFiles(dataDir, dataDir, skipDirs) });
}

function listFiles(root: string, dir: string, skipDirs: string[]): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (skipDirs.includes(full)) continue;
    if (entry.isDirectory()) out.push(...listFiles(root, full, skipDirs));
    else if (!/\.sqlite(-wal|-shm|-journal)?$/.test(entry.name)) out.push(`${path.relative(root, full)}:${fs.statSync(full).size}`);
  }
  return out;
}
