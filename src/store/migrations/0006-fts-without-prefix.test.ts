import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { searchFacts } from '../search';
import { migrations } from './index';
import { indexRowAsBefore, migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m6-');
afterEach(cleanup);

const NOW = '2026-12-01T08:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'fts-without-prefix');

/** A version-5 store with a few facts, indexed the way the store indexed them then. */
function previousVersionWithFacts(): Database.Database {
  const db = tempDb();
  migrate(db, migrations.slice(0, index));
  const fts = (table: string, rowid: number | bigint, fields: (string | null)[]) =>
    indexRowAsBefore(db, table, rowid, fields);
  const entity = db.prepare(
    'INSERT INTO entities (id, kind, name, aliases, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  fts(
    'entity_fts',
    entity.run('e-goetze', 'person', 'Lutz Götze', '["Sportdirektor Götze"]', NOW, NOW).lastInsertRowid,
    ['Lutz Götze', 'Sportdirektor Götze'],
  );
  fts(
    'entity_fts',
    entity.run('e-rotheide', 'club', 'SV Rotheide', '["Rotheider"]', NOW, NOW).lastInsertRowid,
    ['SV Rotheide', 'Rotheider'],
  );
  fts('entity_fts', entity.run('e-strivo', 'broadcaster', 'Strivo', '[]', NOW, NOW).lastInsertRowid, [
    'Strivo',
  ]);
  const quote = db.prepare(
    `INSERT INTO quotes (id, speaker_id, wording, language, occasion, status, created_at, updated_at) VALUES (?, 'e-goetze', ?, 'de', 'interview', 'verified', ?, ?)`,
  );
  const wording = 'Wir verkaufen unsere besten Spielerinnen nicht unter Wert.';
  fts('quote_fts', quote.run('q-1', wording, NOW, NOW).lastInsertRowid, [wording]);
  const deal = db.prepare(
    `INSERT INTO deals (id, kind, payer_id, payee_id, subject, amount_minor, currency, precision, status, notes, created_at, updated_at)
     VALUES ('d-1', 'broadcast_rights', 'e-strivo', 'e-rotheide', ?, 700000000, 'EUR', 'exact', 'confirmed', ?, ?, ?)`,
  );
  const subject = 'Streamingrechte an den Heimspielen der Rotheider Frauen';
  fts('deal_fts', deal.run(subject, 'Laut Vereinsmitteilung', NOW, NOW).lastInsertRowid, [
    subject,
    'Laut Vereinsmitteilung',
  ]);
  const source = db.prepare(
    `INSERT INTO sources (id, kind, title, publisher, created_at, updated_at) VALUES ('s-1', 'press_release', ?, ?, ?, ?)`,
  );
  fts('source_fts', source.run('Mitteilung zum Rechtevertrag', 'SV Rotheide', NOW, NOW).lastInsertRowid, [
    'Mitteilung zum Rechtevertrag',
    'SV Rotheide',
  ]);
  return db;
}

const found = (db: Database.Database, query: string, typing = false) =>
  searchFacts(db, { query, typing })
    .hits.map((h) => `${h.type}:${h.id}`)
    .sort();

describe('migration fts-without-prefix', () => {
  it('re-creates the four search tables without prefix indexes, every record indexed again', () => {
    const db = previousVersionWithFacts();
    const before = (table: string) =>
      db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string;
    expect(before('entity_fts')).toMatch(/prefix/);

    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    for (const [table, rows] of [
      ['entity_fts', 3],
      ['deal_fts', 1],
      ['quote_fts', 1],
      ['source_fts', 1],
    ] as const) {
      expect(before(table)).not.toMatch(/prefix/);
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(rows);
    }
    expect(db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(3);
  });

  it('finds the same facts afterwards: names, aliases, transliterations, phrases and prefixes while typing', () => {
    const db = previousVersionWithFacts();
    migrate(db, migrations);
    expect(found(db, 'Goetze')).toEqual(['entity:e-goetze']);
    expect(found(db, 'Rotheider')).toEqual(['deal:d-1', 'entity:e-rotheide']);
    expect(found(db, '"besten Spielerinnen"')).toEqual(['quote:q-1']);
    expect(found(db, 'Rechtev', true)).toEqual(['source:s-1']);
    expect(found(db, 'St', true)).toEqual(['deal:d-1', 'entity:e-strivo']);
    expect(found(db, 'Sp', true)).toEqual(['entity:e-goetze', 'quote:q-1']);
  });
});
