import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations as defaultMigrations, type Migration } from './migrations';

export type Db = Database.Database;

/** The one database file inside the data folder. */
export const DATABASE_FILE = 'factdesk.sqlite';

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron uses its own ABI). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  readonly?: boolean;
  /**
   * "each-commit" (the default) syncs every commit to disk. "deferred" leaves syncing to
   * `keepDurable` (durability.ts): for the long-running app, whose autosaves must not wait
   * for an fsync each.
   */
  sync?: 'each-commit' | 'deferred';
  /** Runs once before migrations are applied to a database that already holds data (the app backs it up there). */
  beforeMigrate?: (db: Db, fromVersion: number) => void;
}

/** Bytes the write-ahead log file keeps after it has been checkpointed and restarted. */
export const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This data was written by a newer Factdesk (schema version ${fileVersion}; this app knows up to ${appVersion}). ` +
        'Update Factdesk to open it; nothing was changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationHistoryError';
  }
}

/**
 * A file at schema version 0 that already holds tables: another program's database, or a
 * Factdesk store whose first page was overwritten (a write-ahead log from another database
 * applied to it). Migrating it would lay an empty store over whatever it holds.
 */
export class ForeignDatabaseError extends MigrationHistoryError {
  constructor(readonly tables: string[]) {
    super(
      `The database holds tables but no Factdesk schema (${tables.slice(0, 3).join(', ')}${
        tables.length > 3 ? ', …' : ''
      }); refusing to build a new store over them.`,
    );
    this.name = 'ForeignDatabaseError';
  }
}

/** Another process holds the database locked for longer than the busy timeout. */
export class DatabaseBusyError extends Error {
  constructor(readonly file: string) {
    super(
      `The Factdesk database ${file} is locked by another program (a Factdesk still starting or closing, ` +
        'or a tool that has it open exclusively). Close that program and try again; nothing was changed.',
    );
    this.name = 'DatabaseBusyError';
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  });
  try {
    if (!options.readonly) immediateTransactions(db);
    configure(db, options.sync ?? 'each-commit');
    if (!options.readonly) migrate(db, options.migrations ?? defaultMigrations, options.beforeMigrate);
    return db;
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new DatabaseBusyError(file);
    throw err;
  }
}

function configure(db: Db, sync: 'each-commit' | 'deferred'): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // In WAL mode both settings keep every commit through a crash or kill of the app; they
  // differ on a power cut. FULL syncs the log on each commit (an fsync costs milliseconds on
  // real disks); NORMAL syncs it at checkpoints, which keepDurable runs shortly after writes.
  db.pragma(`synchronous = ${sync === 'deferred' ? 'NORMAL' : 'FULL'}`);
  // A log that once grew large (a big import, a run killed before it checkpointed) is cut back
  // to this size whenever it is reused from the start, instead of staying that large for good.
  db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  // SQLite's default page cache is 2 MiB; a fact pack of 150,000 records and its search index
  // touch far more pages than that, and re-reading them dominated bulk imports.
  db.pragma('cache_size = -65536');
}

/**
 * Every `db.transaction(…)` of the store begins IMMEDIATE, holding the write lock from its first
 * statement. Another process may write the same file — the CLI while the app runs, the app while
 * a pipeline runs `factdesk` — and a deferred transaction that read before it wrote could not
 * upgrade once the other had committed: SQLite answers "database is locked" at once, without the
 * busy timeout (SQLITE_BUSY_SNAPSHOT), and the user's change failed for nothing. Taken first, the
 * lock waits out the other writer. One connection per process, so within the app nothing waits.
 */
function immediateTransactions(db: Db): void {
  const transaction = db.transaction.bind(db);
  // The IMMEDIATE variant carries the same deferred/immediate/exclusive properties.
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) => transaction(fn).immediate) as Db['transaction'];
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies pending migrations, each with its history row in one transaction, so a crash
 * leaves the file at a version that is fully applied. Refuses files from a newer app and
 * files whose recorded history does not match ours.
 */
export function migrate(
  db: Db,
  list: readonly Migration[] = defaultMigrations,
  beforeMigrate?: (db: Db, fromVersion: number) => void,
): number {
  const latest = list.length === 0 ? 0 : list[list.length - 1].version;
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is out of order at ${m.name}`);
  });
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  if (current === 0) {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_migrations' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    if (tables.length > 0) throw new ForeignDatabaseError(tables);
  }

  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
  }[];
  if (applied.length !== current) {
    throw new MigrationHistoryError(
      `The database says schema version ${current} but records ${applied.length} applied migrations; refusing to guess.`,
    );
  }
  for (const row of applied) {
    const expected = list[row.version - 1];
    if (!expected || expected.name !== row.name) {
      throw new MigrationHistoryError(
        `Migration ${row.version} in this database is "${row.name}", but this app expects "${expected?.name ?? 'nothing'}".`,
      );
    }
  }

  if (beforeMigrate && current > 0 && current < latest) beforeMigrate(db, current);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of list.slice(current)) {
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}

export function integrityCheck(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check);
}

export function sqliteInfo(db: Db): { version: string; fts5: boolean } {
  const version = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  let fts5 = false;
  try {
    db.exec('CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x); DROP TABLE temp.fts5_probe;');
    fts5 = true;
  } catch {
    fts5 = false;
  }
  return { version, fts5 };
}
