import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DatabaseBusyError,
  DatabaseTooNewError,
  MigrationHistoryError,
  integrityCheck,
  migrate,
  openDatabase,
  schemaVersion,
  sqliteInfo,
} from './db';
import { migrations } from './migrations';
import type { Migration } from './migrations';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-db-'));
  dirs.push(dir);
  return path.join(dir, 'test.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('opens a file in WAL mode with foreign keys and a busy timeout, at the latest schema', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(integrityCheck(db)).toEqual(['ok']);
    expect(sqliteInfo(db).fts5).toBe(true);
    db.close();
  });

  it('records every applied migration once, and reopening applies nothing twice', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
      version: number;
    }[];
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    db.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = tempFile();
    const db = openDatabase(file);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer Factdesk/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database whose migration history does not match the app', () => {
    const file = tempFile();
    const db = openDatabase(file);
    db.prepare('UPDATE schema_migrations SET name = ? WHERE version = 1').run('something-else');
    db.close();
    expect(() => openDatabase(file)).toThrow(MigrationHistoryError);
  });
  it('says plainly that another program holds the database locked, instead of "database is locked"', () => {
    const file = tempFile();
    openDatabase(file).close();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec("BEGIN EXCLUSIVE; INSERT INTO settings (key, value, updated_at) VALUES ('held', '1', 'now')");
    try {
      expect(() => openDatabase(file)).toThrow(DatabaseBusyError);
      expect(() => openDatabase(file)).toThrow(/locked by another program.*nothing was changed/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 30_000);
});

describe('migrate', () => {
  it('rolls back a failing migration together with its history row', () => {
    const file = tempFile();
    const db = openDatabase(file, { migrations: migrations.slice(0, 1) });
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, [migrations[0], broken])).toThrow('disk on fire');
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all();
    expect(tables).toEqual([]);
    db.close();
  });

  it('migration 1 creates a settings table that only accepts JSON values', () => {
    const db = openDatabase(tempFile(), { migrations: migrations.slice(0, 1) });
    expect(() =>
      db
        .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
        .run('k', 'not json', 'now'),
    ).toThrow();
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('k', '"ok"', 'now');
    db.close();
  });
});
