import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m3-');
afterEach(cleanup);

const NOW = '2026-03-01T10:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'articles');
const insertArticle = `INSERT INTO articles (id, headline, language, status, created_at, updated_at, body)
  VALUES (?, 'Rotheide siegt', ?, ?, ?, ?, ?)`;

describe('migration articles', () => {
  it('upgrades a database of the previous version and keeps its settings and facts tables', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index));
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(
      'userName',
      '"Jana"',
      NOW,
    );
    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('userName')).toBe('"Jana"');
    db.prepare(insertArticle).run('a1', 'de', 'draft', NOW, NOW, '{"root":{"type":"root","children":[]}}');
    expect(db.prepare('SELECT rev, word_count, trashed_at FROM articles').get()).toEqual({
      rev: 1,
      word_count: 0,
      trashed_at: null,
    });
    db.close();
  });

  it('refuses unknown languages and statuses and bodies that are not JSON', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    const body = '{"root":{}}';
    expect(() => db.prepare(insertArticle).run('a1', 'fr', 'draft', NOW, NOW, body)).toThrow(/CHECK/);
    expect(() => db.prepare(insertArticle).run('a2', 'de', 'lost', NOW, NOW, body)).toThrow(/CHECK/);
    expect(() => db.prepare(insertArticle).run('a3', 'de', 'draft', NOW, NOW, '{"root":')).toThrow(/CHECK/);
    db.close();
  });

  it('deletes an article’s revisions with the article', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    db.prepare(insertArticle).run('a1', 'en', 'draft', NOW, NOW, '{}');
    const rev = db.prepare(
      `INSERT INTO article_revisions (article_id, created_at, kind, body_schema, body, meta) VALUES (?, ?, ?, 1, '{}', '{}')`,
    );
    rev.run('a1', NOW, 'auto');
    expect(() => rev.run('a1', NOW, 'someday')).toThrow(/CHECK/);
    expect(() => rev.run('nope', NOW, 'auto')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM articles WHERE id = ?').run('a1');
    expect(db.prepare('SELECT count(*) FROM article_revisions').pluck().get()).toBe(0);
    db.close();
  });
});
