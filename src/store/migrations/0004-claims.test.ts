import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m4-');
afterEach(cleanup);

const NOW = '2026-11-24T09:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'claims');

function insertArticle(db: Database.Database, id: string) {
  db.prepare(
    `INSERT INTO articles (id, language, created_at, updated_at, body) VALUES (?, 'de', ?, ?, '{"root":{"type":"root","children":[]}}')`,
  ).run(id, NOW, NOW);
}

function insertClaim(db: Database.Database, id: string, articleId: string, status = 'unchecked') {
  db.prepare(
    `INSERT INTO claims (id, article_id, kind, status, text, created_by, created_at, updated_at)
     VALUES (?, ?, 'amount', ?, 'sieben Millionen Euro', 'Jana', ?, ?)`,
  ).run(id, articleId, status, NOW, NOW);
}

describe('migration claims', () => {
  it('upgrades an articles database, keeping its articles and the claim links already stored', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index));
    insertArticle(db, 'art-1');
    db.prepare('INSERT INTO claim_links (claim_id, article_id, fact_type, fact_id) VALUES (?, ?, ?, ?)').run(
      'c-old',
      'art-1',
      'deal',
      'd1',
    );
    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM claim_links').pluck().get()).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    for (const t of ['claims', 'claim_status_history', 'claim_dismissed_warnings', 'ready_gate_passes'])
      expect(tables).toContain(t);
    db.close();
  });

  it('refuses unknown kinds and statuses and claims of articles that do not exist', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    insertArticle(db, 'art-1');
    expect(() => insertClaim(db, 'c-1', 'art-1', 'maybe')).toThrow(/CHECK/);
    expect(() => insertClaim(db, 'c-2', 'missing')).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO claims (id, article_id, kind, text, created_by, created_at, updated_at) VALUES ('c-3', 'art-1', 'rumour', 'x', 'J', ?, ?)`,
        )
        .run(NOW, NOW),
    ).toThrow(/CHECK/);
    insertClaim(db, 'c-4', 'art-1', 'verified');
    expect(db.prepare('SELECT status FROM claims WHERE id = ?').pluck().get('c-4')).toBe('verified');
    db.close();
  });

  it('drops the claim links, history and dismissals of claims deleted with their article', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    insertArticle(db, 'art-1');
    insertArticle(db, 'art-2');
    insertClaim(db, 'c-1', 'art-1');
    insertClaim(db, 'c-2', 'art-2');
    const link = db.prepare(
      'INSERT INTO claim_links (claim_id, article_id, fact_type, fact_id) VALUES (?, ?, ?, ?)',
    );
    link.run('c-1', 'art-1', 'deal', 'd1');
    link.run('c-2', 'art-2', 'deal', 'd1');
    db.prepare('INSERT INTO claim_status_history (claim_id, status, checker, at) VALUES (?, ?, ?, ?)').run(
      'c-1',
      'verified',
      'J',
      NOW,
    );
    db.prepare(
      'INSERT INTO claim_dismissed_warnings (claim_id, code, reason, checker, at) VALUES (?, ?, ?, ?, ?)',
    ).run('c-1', 'amount.mismatch', 'typo in the record', 'J', NOW);
    db.prepare('DELETE FROM articles WHERE id = ?').run('art-1');
    expect(db.prepare('SELECT claim_id FROM claim_links').pluck().all()).toEqual(['c-2']);
    expect(db.prepare('SELECT count(*) FROM claim_status_history').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM claim_dismissed_warnings').pluck().get()).toBe(0);
    db.close();
  });

  it('keeps one dismissal per claim and warning code, and requires a reason', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    insertArticle(db, 'art-1');
    insertClaim(db, 'c-1', 'art-1');
    const dismiss = db.prepare(
      'INSERT INTO claim_dismissed_warnings (claim_id, code, reason, checker, at) VALUES (?, ?, ?, ?, ?)',
    );
    dismiss.run('c-1', 'quote.minor_deviation', 'house style', 'J', NOW);
    expect(() => dismiss.run('c-1', 'quote.minor_deviation', 'again', 'J', NOW)).toThrow(/UNIQUE/);
    expect(() => dismiss.run('c-1', 'speaker.role_undated', '', 'J', NOW)).toThrow(/CHECK/);
    db.close();
  });
});
