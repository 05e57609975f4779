import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m13-');
afterEach(cleanup);

const NOW = '2026-12-06T17:00:00.000Z';
const HASH = 'ab'.repeat(32);
const index = migrations.findIndex((m) => m.name === 'desk-file-uploads');

describe('migration desk-file-uploads', () => {
  it('upgrades a database of the previous version, keeping its sources and their files', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index));
    db.prepare(
      `INSERT INTO sources (id, kind, title, file_hash, file_name, created_at, updated_at) VALUES ('s-1', 'press_release', 'Pressemitteilung FC Nordhafen', ?, 'pm.pdf', ?, ?)`,
    ).run(HASH, NOW, NOW);
    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    expect(db.prepare('SELECT file_hash FROM sources').pluck().get()).toBe(HASH);
    db.prepare('INSERT INTO desk_file_uploads (sha256, uploaded_at) VALUES (?, ?)').run(HASH, NOW);
    expect(db.prepare('SELECT count(*) FROM desk_file_uploads').pluck().get()).toBe(1);
  });

  it('refuses anything but a lowercase SHA-256, and the same file twice', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    const insert = db.prepare('INSERT INTO desk_file_uploads (sha256, uploaded_at) VALUES (?, ?)');
    expect(() => insert.run('AB'.repeat(32), NOW)).toThrow(/CHECK/);
    expect(() => insert.run('ab', NOW)).toThrow(/CHECK/);
    insert.run(HASH, NOW);
    expect(() => insert.run(HASH, NOW)).toThrow(/UNIQUE|PRIMARY/);
  });
});
