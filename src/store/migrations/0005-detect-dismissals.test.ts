import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m5-');
afterEach(cleanup);

const NOW = '2026-11-24T09:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'detect-dismissals');

function insertArticle(db: Database.Database, id: string) {
  db.prepare(
    `INSERT INTO articles (id, language, created_at, updated_at, body) VALUES (?, 'de', ?, ?, '{"root":{"type":"root","children":[]}}')`,
  ).run(id, NOW, NOW);
}
const dismiss = (db: Database.Database, articleId: string, kind: string, key: string) =>
  db
    .prepare(
      'INSERT INTO detect_dismissals (article_id, kind, text_key, text, dismissed_by, at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(articleId, kind, key, key, 'Jana', NOW);

describe('migration detect-dismissals', () => {
  it('upgrades a claims database, keeping its articles and claims', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index));
    insertArticle(db, 'art-1');
    db.prepare(
      `INSERT INTO claims (id, article_id, kind, text, created_by, created_at, updated_at) VALUES ('c-1', 'art-1', 'amount', 'sieben Millionen Euro', 'J', ?, ?)`,
    ).run(NOW, NOW);
    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);
    dismiss(db, 'art-1', 'amount', 'sieben millionen euro');
    expect(db.prepare('SELECT count(*) FROM detect_dismissals').pluck().get()).toBe(1);
    db.close();
  });

  it('keeps one dismissal per article, kind and key, and refuses unknown kinds and empty keys', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    insertArticle(db, 'art-1');
    insertArticle(db, 'art-2');
    dismiss(db, 'art-1', 'quote', 'wir bleiben');
    expect(() => dismiss(db, 'art-1', 'quote', 'wir bleiben')).toThrow(/UNIQUE/);
    dismiss(db, 'art-1', 'other', 'wir bleiben');
    dismiss(db, 'art-2', 'quote', 'wir bleiben');
    expect(() => dismiss(db, 'art-1', 'rumour', 'x')).toThrow(/CHECK/);
    expect(() => dismiss(db, 'art-1', 'quote', '')).toThrow(/CHECK/);
    expect(() => dismiss(db, 'missing', 'quote', 'x')).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('drops an article’s dismissals with the article', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    insertArticle(db, 'art-1');
    dismiss(db, 'art-1', 'date', 'am 3 marz');
    db.prepare('DELETE FROM articles WHERE id = ?').run('art-1');
    expect(db.prepare('SELECT count(*) FROM detect_dismissals').pluck().get()).toBe(0);
    db.close();
  });
});
