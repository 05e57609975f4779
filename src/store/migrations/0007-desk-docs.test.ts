import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m7-');
afterEach(cleanup);

const NOW = '2026-12-06T10:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'desk-docs');

describe('migration desk-docs', () => {
  it('upgrades a database of the previous version, keeping its articles', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index));
    db.prepare(
      `INSERT INTO articles (id, language, created_at, updated_at, body) VALUES ('art-1', 'de', ?, ?, '{"root":{"type":"root","children":[]}}')`,
    ).run(NOW, NOW);
    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    db.prepare('INSERT INTO desk_articles (article_id, shared_by, shared_at) VALUES (?, ?, ?)').run(
      'art-1',
      'Jana Wolf',
      NOW,
    );
    db.prepare('INSERT INTO desk_doc_updates (doc, data, pending, created_at) VALUES (?, ?, 1, ?)').run(
      'article/art-1',
      Buffer.from([1, 2]),
      NOW,
    );
    expect(db.prepare('SELECT count(*) FROM desk_doc_updates WHERE pending = 1').pluck().get()).toBe(1);
  });

  it('refuses empty updates, bad pending flags and links to missing articles', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    const insert = db.prepare(
      'INSERT INTO desk_doc_updates (doc, data, pending, created_at) VALUES (?, ?, ?, ?)',
    );
    expect(() => insert.run('article/a', Buffer.alloc(0), 0, NOW)).toThrow(/CHECK/);
    expect(() => insert.run('article/a', Buffer.from([1]), 2, NOW)).toThrow(/CHECK/);
    expect(() => insert.run('', Buffer.from([1]), 0, NOW)).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare('INSERT INTO desk_articles (article_id, shared_by, shared_at) VALUES (?, ?, ?)')
        .run('missing', 'x', NOW),
    ).toThrow(/FOREIGN KEY/);
  });
});
