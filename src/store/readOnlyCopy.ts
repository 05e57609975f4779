import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, schemaVersion, type Db } from './db';
import { migrations } from './migrations';

/** Whether the folder can be written now: false on a read-only mount (EROFS) or without permission. */
export function folderWritable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export class ReadOnlyStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadOnlyStoreError';
  }
}

export interface ReadOnlyStore {
  db: Db;
  /** Closes the connection and removes the private copy. */
  close(): void;
}

/**
 * The store of a data folder that cannot be written, for reading. SQLite cannot open a WAL
 * database where it cannot create the `-shm` index beside it, and this build of better-sqlite3
 * takes no URI file names (so no `immutable=1`); the database (with its log, if a crash left
 * one) is therefore copied into a private temporary folder and opened read-only there. Every
 * write fails as SQLITE_READONLY; nothing in the data folder is touched.
 */
export function openReadOnlyCopy(dataDir: string, nativeBinding?: string): ReadOnlyStore {
  const source = path.join(dataDir, DATABASE_FILE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-readonly-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  let db: Db | undefined;
  try {
    const copy = path.join(dir, DATABASE_FILE);
    fs.copyFileSync(source, copy);
    if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${copy}-wal`);
    db = new Database(copy, { readonly: true, fileMustExist: true, nativeBinding });
    const version = schemaVersion(db);
    const latest = migrations[migrations.length - 1].version;
    if (version !== latest)
      throw new ReadOnlyStoreError(
        `The data folder ${dataDir} is read-only and its database is from ${version < latest ? 'an older' : 'a newer'} version of Factdesk. ` +
          'Make the folder writable and start again.',
      );
    const opened = db;
    return {
      db: opened,
      close() {
        if (opened.open) opened.close();
        remove();
      },
    };
  } catch (err) {
    if (db?.open) db.close();
    remove();
    throw err;
  }
}
