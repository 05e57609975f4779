import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m2-');
afterEach(cleanup);

const NOW = '2026-01-01T00:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'facts');

describe('migration facts', () => {
  it('upgrades a settings-only database and keeps its settings', () => {
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
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    for (const t of [
      'entities',
      'roles',
      'deals',
      'quotes',
      'sources',
      'citations',
      'audit_log',
      'claim_links',
      'quote_fts',
    ])
      expect(tables).toContain(t);
    db.close();
  });

  it('enforces the deal rules in the schema itself: payer differs from payee, known status, upper-case currency', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    const entity = db.prepare(
      'INSERT INTO entities (id, kind, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    entity.run('e1', 'club', 'SV Rotheide', NOW, NOW);
    entity.run('e2', 'broadcaster', 'Strivo', NOW, NOW);
    const deal = db.prepare(
      `INSERT INTO deals (id, kind, payer_id, payee_id, subject, amount_minor, currency, precision, status, created_at, updated_at)
       VALUES (?, 'broadcast_rights', ?, ?, 'Rights', 100, ?, 'exact', ?, ?, ?)`,
    );
    expect(() => deal.run('d1', 'e1', 'e1', 'EUR', 'confirmed', NOW, NOW)).toThrow(/CHECK/);
    expect(() => deal.run('d2', 'e2', 'e1', 'eur', 'confirmed', NOW, NOW)).toThrow(/CHECK/);
    expect(() => deal.run('d3', 'e2', 'e1', 'EUR', 'maybe', NOW, NOW)).toThrow(/CHECK/);
    expect(() => deal.run('d4', 'e2', 'missing', 'EUR', 'confirmed', NOW, NOW)).toThrow(/FOREIGN KEY/);
    deal.run('d5', 'e2', 'e1', 'EUR', 'confirmed', NOW, NOW);
    expect(db.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(1);
    db.close();
  });

  it('creates contentless search tables that accept folded text and find it again by rowid', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    db.prepare('INSERT INTO quote_fts (rowid, t, s) VALUES (?, ?, ?)').run(7, 'goetze traf', 'gotze traf');
    expect(db.prepare("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'goe*'").pluck().all()).toEqual([7]);
    db.prepare('DELETE FROM quote_fts WHERE rowid = ?').run(7);
    expect(db.prepare("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'gotze'").pluck().all()).toEqual([]);
    db.close();
  });
});
