import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { DATABASE_FILE, openDatabase, type Db } from './db';

/**
 * For a test file: returns a maker of fresh stores, each a real SQLite file in its own temporary
 * folder, all closed and removed after each test. Call it once at the top of the file.
 */
export function tempStores(prefix: string): () => { db: Db; file: string } {
  const dirs: string[] = [];
  const dbs: Db[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) if (db.open) db.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `factdesk-${prefix}-`));
    dirs.push(dir);
    const file = path.join(dir, DATABASE_FILE);
    const db = openDatabase(file);
    dbs.push(db);
    return { db, file };
  };
}
