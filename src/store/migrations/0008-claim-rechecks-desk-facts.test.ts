import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m8-');
afterEach(cleanup);

const NOW = '2026-12-06T09:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'claim-rechecks-desk-facts');

function articleWithClaim(db: Database.Database) {
  db.prepare(
    `INSERT INTO articles (id, language, created_at, updated_at, body) VALUES ('art-1', 'de', ?, ?, '{"root":{"type":"root","children":[]}}')`,
  ).run(NOW, NOW);
  db.prepare(
    `INSERT INTO claims (id, article_id, kind, text, created_by, created_at, updated_at) VALUES ('c-1', 'art-1', 'amount', 'fünf Millionen Euro', 'J', ?, ?)`,
  ).run(NOW, NOW);
}

const recheck = (
  db: Database.Database,
  reason: string,
  before = '"reported"',
  resolved: [string | null, string | null] = [null, null],
) =>
  db
    .prepare(
      `INSERT INTO claim_rechecks (claim_id, fact_type, fact_id, fact_label, reason, before, after, changed_by, changed_at, resolved_by, resolved_at)
       VALUES ('c-1', 'deal', 'd-1', 'Liga-Rechte', ?, ?, '"confirmed"', 'Erika', ?, ?, ?)`,
    )
    .run(reason, before, NOW, ...resolved);

describe('migration claim-rechecks-desk-facts', () => {
  it('upgrades a database of the previous version, keeping its claims', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index));
    articleWithClaim(db);
    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);
    recheck(db, 'status');
    expect(db.prepare('SELECT count(*) FROM claim_rechecks WHERE resolved_at IS NULL').pluck().get()).toBe(1);
  });

  it('refuses unknown reasons, invalid JSON and half-resolved rows', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    articleWithClaim(db);
    expect(() => recheck(db, 'mood')).toThrow(/CHECK/);
    expect(() => recheck(db, 'status', 'not json')).toThrow(/CHECK/);
    expect(() => recheck(db, 'status', '"reported"', ['Erika', null])).toThrow(/CHECK/);
  });

  it('drops a claim’s notices with the claim', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    articleWithClaim(db);
    recheck(db, 'amount', '{"amountMinor":1}');
    db.prepare('DELETE FROM articles').run();
    expect(db.prepare('SELECT count(*) FROM claim_rechecks').pluck().get()).toBe(0);
  });

  it('keeps one row per shared or local-only record and a single sync cursor', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    db.prepare("INSERT INTO desk_fact_local (record_type, record_id) VALUES ('deal', 'd-1')").run();
    expect(() =>
      db.prepare("INSERT INTO desk_fact_local (record_type, record_id) VALUES ('deal', 'd-1')").run(),
    ).toThrow(/UNIQUE|PRIMARY/);
    expect(() =>
      db.prepare("INSERT INTO desk_fact_shared (record_type, record_id) VALUES ('article', 'a')").run(),
    ).toThrow(/CHECK/);
    db.prepare('INSERT INTO desk_fact_sync (id, audit_cursor) VALUES (1, 0)').run();
    expect(() => db.prepare('INSERT INTO desk_fact_sync (id, audit_cursor) VALUES (2, 0)').run()).toThrow(
      /CHECK/,
    );
  });
});
