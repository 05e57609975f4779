import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from './db';
import { folderWritable, openReadOnlyCopy, ReadOnlyStoreError } from './readOnlyCopy';

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-rocopy-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const copies = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('factdesk-readonly-')).length;

describe('openReadOnlyCopy', () => {
  it('reads what the folder stores, refuses every write as read-only, and leaves the folder untouched', () => {
    const dir = dataDir();
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(
      'probe',
      '"SV Rotheide"',
      '2026-12-06',
    );
    db.close();
    const before = { hash: sha256(path.join(dir, DATABASE_FILE)), files: fs.readdirSync(dir).sort() };
    const open = copies();

    const store = openReadOnlyCopy(dir);
    expect(copies()).toBe(open + 1);
    expect(store.db.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({
      value: '"SV Rotheide"',
    });
    let code = '';
    try {
      store.db.prepare("UPDATE settings SET value = '1' WHERE key = 'probe'").run();
    } catch (err) {
      code = (err as { code: string }).code;
    }
    expect(code).toMatch(/^SQLITE_READONLY/);
    store.close();
    expect(copies()).toBe(open);
    expect({ hash: sha256(path.join(dir, DATABASE_FILE)), files: fs.readdirSync(dir).sort() }).toEqual(
      before,
    );
  });

  it('refuses a database from another version, naming the folder, and leaves no copy behind', () => {
    const dir = dataDir();
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${(db.pragma('user_version', { simple: true }) as number) - 1}`);
    db.close();
    const open = copies();
    expect(() => openReadOnlyCopy(dir)).toThrow(ReadOnlyStoreError);
    expect(() => openReadOnlyCopy(dir)).toThrow(`The data folder ${dir} is read-only`);
    expect(copies()).toBe(open);
  });

  it('tells a writable folder from a missing one', () => {
    expect(folderWritable(dataDir())).toBe(true);
    expect(folderWritable(path.join(os.tmpdir(), 'factdesk-no-such-folder'))).toBe(false);
  });
});
