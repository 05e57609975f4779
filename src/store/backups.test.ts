import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, schemaVersion, type Db } from './db';
import { migrations } from './migrations';
import {
  backupsToKeep,
  checkBackup,
  createBackup,
  createBackupNow,
  listBackups,
  newestGoodBackup,
  quickCheck,
  restoreIntoOpenDatabase,
  restoreOverDamaged,
} from './backups';
import { writeSettings, readSettings } from './settings';
import { openStore } from '../main/runtime';
import { DatabaseDamagedError } from './backups';

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-backups-'));
  dirs.push(dir);
  return dir;
}

function store(dir: string, options: Parameters<typeof openDatabase>[1] = {}): Db {
  const db = openDatabase(path.join(dir, DATABASE_FILE), { sync: 'deferred', ...options });
  open.push(db);
  return db;
}

/** Overwrites bytes in the middle of the file, as a failing disk would. */
function damage(file: string): void {
  const fd = fs.openSync(file, 'r+');
  const size = fs.fstatSync(fd).size;
  for (let page = 2; page * 4096 < size; page += 2)
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
  fs.closeSync(fd);
}

/** Enough pages that damage lands in tables and indexes. */
function fill(db: Db, rows = 400): void {
  db.exec('CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, text TEXT UNIQUE)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`Lena Kowalczyk, Tor Nummer ${i} für FC Nordhafen `.repeat(8));
  })();
}

describe('backups', () => {
  it('takes an online backup that opens on its own, with a manifest listing the attached files it refers to', async () => {
    const dir = dataDir();
    const db = store(dir);
    writeSettings(db, { userName: 'Lena Kowalczyk' });
    db.prepare(
      "INSERT INTO sources (id, kind, title, file_hash, created_at, updated_at) VALUES ('s1', 'press_release', 'Mitteilung SV Rotheide', ?, '', '')",
    ).run('a'.repeat(64));
    const info = await createBackup(db, dir, 'manual', new Date('2026-12-06T10:00:00Z'));
    expect(info.name).toBe('factdesk-2026-12-06T10-00-00-000Z-manual.sqlite');
    expect(info.files).toEqual(['a'.repeat(64)]);
    expect(info.schemaVersion).toBe(schemaVersion(db));
    // A plain file: no log beside it, readable read-only.
    expect(fs.existsSync(`${info.file}-wal`)).toBe(false);
    const copy = new Database(info.file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(checkBackup(info.file)).toEqual({ ok: true, schemaVersion: schemaVersion(db) });
    expect(listBackups(dir).map((b) => b.name)).toEqual([info.name]);
  });

  it('keeps the newest of each of the last 7 days and of each of the last 4 weeks', () => {
    const list = [];
    // Two backups a day for 40 days.
    for (let day = 0; day < 40; day++) {
      for (const hour of ['08', '17']) {
        const at = new Date(Date.UTC(2026, 10, 1 + day, Number(hour)));
        list.push({ name: `b-${at.toISOString()}`, createdAt: at.toISOString() });
      }
    }
    const keep = [...backupsToKeep(list)].sort().reverse();
    const days = keep.map((n) => n.slice(2, 12));
    // 7 daily (10 Dec back to 4 Dec, each the 17:00 one); the 4 weeks' newest are 10 Dec and 6 Dec (already kept), 29 and 22 Nov.
    expect(keep.slice(0, 7).every((n) => n.includes('T17:'))).toBe(true);
    expect(days.slice(0, 7)).toEqual([
      '2026-12-10',
      '2026-12-09',
      '2026-12-08',
      '2026-12-07',
      '2026-12-06',
      '2026-12-05',
      '2026-12-04',
    ]);
    expect(keep).toHaveLength(9);
    expect(days.slice(7)).toEqual(['2026-11-29', '2026-11-22']);
  });

  it('prunes the folder to that set as backups are taken', async () => {
    const dir = dataDir();
    const db = store(dir);
    const manual = await createBackup(db, dir, 'manual', new Date(Date.UTC(2026, 10, 2, 12)));
    for (let day = 1; day <= 10; day++)
      await createBackup(db, dir, 'daily', new Date(Date.UTC(2026, 11, day, 12)));
    // One taken on request stays until someone deletes it.
    expect(listBackups(dir).map((b) => b.name)).toContain(manual.name);
    const names = listBackups(dir)
      .filter((b) => b.reason === 'daily')
      .map((b) => b.createdAt.slice(0, 10));
    // 1–3 December fall in the week whose newest backup (6 December) is kept already.
    expect(names).toEqual([
      '2026-12-10',
      '2026-12-09',
      '2026-12-08',
      '2026-12-07',
      '2026-12-06',
      '2026-12-05',
      '2026-12-04',
    ]);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.json'))).toHaveLength(
      names.length + 1,
    );
  });

  it('backs up before migrating a database that holds data, and not a new one', () => {
    const dir = dataDir();
    const older = migrations.slice(0, -1);
    const first = store(dir, {
      migrations: older,
      beforeMigrate: (db) => void createBackupNow(db, dir, 'before-migration'),
    });
    expect(listBackups(dir)).toHaveLength(0);
    writeSettings(first, { userName: 'Lena Kowalczyk' });
    first.close();

    const upgraded = store(dir, { beforeMigrate: (db) => void createBackupNow(db, dir, 'before-migration') });
    const [backup] = listBackups(dir);
    expect(backup.reason).toBe('before-migration');
    expect(backup.schemaVersion).toBe(older.length);
    expect(schemaVersion(upgraded)).toBe(migrations.length);
    const copy = new Database(backup.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(older.length);
    copy.close();
  });
});

describe('restore', () => {
  it('brings back the backed-up state into the open database and keeps the current one as a backup first', async () => {
    const dir = dataDir();
    const db = store(dir);
    writeSettings(db, { userName: 'Lena Kowalczyk' });
    const backup = await createBackup(db, dir, 'manual', new Date('2026-12-05T09:00:00Z'));
    writeSettings(db, { userName: 'Jonas Brandt' });

    const { safety } = await restoreIntoOpenDatabase(db, dir, backup.file, new Date('2026-12-06T09:00:00Z'));
    // The same connection reads the restored data.
    expect(readSettings(db).userName).toBe('Lena Kowalczyk');
    expect(quickCheck(db)).toBeNull();
    expect(safety.reason).toBe('before-restore');
    const kept = new Database(safety.file, { readonly: true });
    expect(kept.prepare("SELECT value FROM settings WHERE key = 'userName'").pluck().get()).toBe(
      '"Jonas Brandt"',
    );
    kept.close();
    // Still usable for writing afterwards.
    writeSettings(db, { userName: 'Mira Feld' });
    expect(readSettings(db).userName).toBe('Mira Feld');
  });

  it('refuses a damaged backup, a backup from a newer schema and a file that is no database, changing nothing', async () => {
    const dir = dataDir();
    const db = store(dir);
    fill(db);
    writeSettings(db, { userName: 'Lena Kowalczyk' });
    const damaged = await createBackup(db, dir, 'manual', new Date('2026-12-04T09:00:00Z'));
    damage(damaged.file);
    expect(checkBackup(damaged.file)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/damaged|cannot be read/),
    });
    await expect(restoreIntoOpenDatabase(db, dir, damaged.file)).rejects.toThrow(/damaged|cannot be read/);

    const newer = await createBackup(db, dir, 'manual', new Date('2026-12-05T09:00:00Z'));
    const raw = new Database(newer.file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    await expect(restoreIntoOpenDatabase(db, dir, newer.file)).rejects.toThrow(/newer Factdesk/);

    const text = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(text, 'Aufstellung FC Nordhafen');
    expect(checkBackup(text)).toMatchObject({ ok: false, problem: expect.stringMatching(/cannot be read/) });

    expect(readSettings(db).userName).toBe('Lena Kowalczyk');
    expect(listBackups(dir).filter((b) => b.reason === 'before-restore')).toHaveLength(0);
  });
  it("refuses another app's SQLite file, even one with a schema_migrations table, and a folder, changing nothing", async () => {
    const dir = dataDir();
    const db = store(dir);
    writeSettings(db, { userName: 'Lena Kowalczyk' });

    // Rails, dbmate and golang-migrate all keep a table of this name; restoring one used to
    // overwrite the store and then fail in the migration check, leaving a store no run could open.
    const rails = path.join(dir, 'rails app.sqlite');
    const foreign = new Database(rails);
    foreign.exec(`CREATE TABLE schema_migrations (version TEXT PRIMARY KEY);
      INSERT INTO schema_migrations VALUES ('20200101000000');
      CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);`);
    foreign.close();
    expect(checkBackup(rails)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not a Factdesk one/),
    });
    await expect(restoreIntoOpenDatabase(db, dir, rails)).rejects.toThrow(/not a Factdesk one/);

    const lookalike = path.join(dir, 'lookalike.sqlite');
    const other = new Database(lookalike);
    other.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
      INSERT INTO schema_migrations VALUES (1, 'create_users', '2020-01-01');
      PRAGMA user_version = 1;`);
    other.close();
    expect(checkBackup(lookalike)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not a Factdesk one/),
    });

    expect(checkBackup(dir)).toMatchObject({ ok: false, problem: expect.stringMatching(/is a folder/) });

    expect(readSettings(db).userName).toBe('Lena Kowalczyk');
    expect(listBackups(dir).filter((b) => b.reason === 'before-restore')).toHaveLength(0);
  });
});

describe('start-up check', () => {
  it('refuses to open a damaged store, names the newest good backup, and opens again once it is restored', async () => {
    const dir = dataDir();
    const db = openStore({ dataDir: dir });
    fill(db);
    writeSettings(db, { userName: 'Lena Kowalczyk' });
    await createBackup(db, dir, 'daily', new Date('2026-12-05T09:00:00Z'));
    db.close();
    damage(path.join(dir, DATABASE_FILE));

    let refused: unknown;
    try {
      open.push(openStore({ dataDir: dir }));
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(DatabaseDamagedError);
    expect((refused as Error).message).toMatch(
      /is damaged .*newest good backup is from 2026-12-05T09:00:00.000Z/s,
    );

    const good = newestGoodBackup(dir)!;
    const { damagedCopy } = restoreOverDamaged(dir, good.file);
    expect(fs.existsSync(damagedCopy)).toBe(true);
    const reopened = openStore({ dataDir: dir });
    open.push(reopened);
    expect(readSettings(reopened).userName).toBe('Lena Kowalczyk');
  });

  it('refuses a store cut to zero bytes beside backups instead of starting an empty one, and restores over it', async () => {
    const dir = dataDir();
    const db = openStore({ dataDir: dir });
    writeSettings(db, { userName: 'Lena Kowalczyk' });
    await createBackup(db, dir, 'daily', new Date('2026-12-05T09:00:00Z'));
    db.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(dir, DATABASE_FILE + suffix), { force: true });
    fs.truncateSync(path.join(dir, DATABASE_FILE), 0);

    expect(() => open.push(openStore({ dataDir: dir }))).toThrow(DatabaseDamagedError);
    expect(() => openStore({ dataDir: dir })).toThrow(
      /empty \(0 bytes\).*newest good backup is from 2026-12-05/s,
    );
    expect(fs.statSync(path.join(dir, DATABASE_FILE)).size).toBe(0);

    restoreOverDamaged(dir, newestGoodBackup(dir)!.file);
    const reopened = openStore({ dataDir: dir });
    open.push(reopened);
    expect(readSettings(reopened).userName).toBe('Lena Kowalczyk');

    // A first start that was killed before SQLite wrote anything leaves an empty file too, but no backups.
    const fresh = dataDir();
    fs.writeFileSync(path.join(fresh, DATABASE_FILE), '');
    const first = openStore({ dataDir: fresh });
    open.push(first);
    expect(schemaVersion(first)).toBe(migrations.length);
  });

  it("refuses a store with another database's write-ahead log beside it, also in the CLI's unchanged-file shortcut", async () => {
    const dir = dataDir();
    const db = openStore({ dataDir: dir });
    writeSettings(db, { userName: 'Lena Kowalczyk' });
    await createBackup(db, dir, 'daily', new Date('2026-12-05T09:00:00Z'));
    db.close();
    // A short-lived run (the CLI) records a good check, so the next one may skip it.
    openStore({ dataDir: dir }).close();

    const otherDir = dataDir();
    const other = new Database(path.join(otherDir, 'other.sqlite'));
    other.pragma('journal_mode = WAL');
    other.pragma('wal_autocheckpoint = 0');
    other.exec('CREATE TABLE lineup (player TEXT)');
    const insert = other.prepare('INSERT INTO lineup VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run(`Spieler ${i} `.repeat(40));
    fs.copyFileSync(path.join(otherDir, 'other.sqlite-wal'), path.join(dir, `${DATABASE_FILE}-wal`));
    other.close();

    expect(() => open.push(openStore({ dataDir: dir }))).toThrow(DatabaseDamagedError);
    expect(() => openStore({ dataDir: dir })).toThrow(
      /no Factdesk schema \(lineup\).*newest good backup is from 2026-12-05/s,
    );

    restoreOverDamaged(dir, newestGoodBackup(dir)!.file);
    const reopened = openStore({ dataDir: dir });
    open.push(reopened);
    expect(readSettings(reopened).userName).toBe('Lena Kowalczyk');
  });

  it('lets the CLI skip the check on the next command while the file is unchanged, and checks again once it changed', () => {
    const dir = dataDir();
    const db = openStore({ dataDir: dir });
    fill(db);
    db.close();
    const file = path.join(dir, DATABASE_FILE);
    // Whole seconds, which utimes sets exactly (a fraction can come back a hair off).
    const second = Math.floor(Date.now() / 1000) - 60;
    fs.utimesSync(file, second, second);
    openStore({ dataDir: dir }).close();
    openStore({ dataDir: dir }).close();
    // Damage that keeps size and time is what the shortcut cannot see: proof that it was taken.
    const { size } = fs.statSync(file);
    // The last page holds filler rows, which opening and migrating never read.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, size - 4096);
    fs.closeSync(fd);
    fs.utimesSync(file, second, second);
    expect(fs.statSync(file).mtimeMs).toBe(second * 1000);
    const skipped = openStore({ dataDir: dir });
    skipped.close();

    fs.utimesSync(file, second, second + 1);
    expect(() => openStore({ dataDir: dir })).toThrow(DatabaseDamagedError);
  });
});
