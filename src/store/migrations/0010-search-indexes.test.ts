import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { searchFacts } from '../search';
import { migrations } from './index';
import { indexRowAsBefore, migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m11-');
afterEach(cleanup);

const NOW = '2026-12-06T08:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'search-indexes');

/** A store at the previous version with a few facts, indexed the way the store indexed them then. */
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
    entity.run('e-kowalczyk', 'person', 'Lena Kowalczyk', '["Kapitänin Kowalczyk"]', NOW, NOW)
      .lastInsertRowid,
    ['Lena Kowalczyk', 'Kapitänin Kowalczyk'],
  );
  fts(
    'entity_fts',
    entity.run('e-nordhafen', 'club', 'FC Nordhafen', '["Nordhafener"]', NOW, NOW).lastInsertRowid,
    ['FC Nordhafen', 'Nordhafener'],
  );
  fts('entity_fts', entity.run('e-strivo', 'broadcaster', 'Strivo', '[]', NOW, NOW).lastInsertRowid, [
    'Strivo',
  ]);
  const quote = db.prepare(
    `INSERT INTO quotes (id, speaker_id, wording, language, occasion, status, created_at, updated_at) VALUES (?, 'e-kowalczyk', ?, 'de', 'interview', 'verified', ?, ?)`,
  );
  const wording = 'Wir bleiben in Nordhafen, egal was die Konkurrenz bietet.';
  fts('quote_fts', quote.run('q-1', wording, NOW, NOW).lastInsertRowid, [wording]);
  const deal = db.prepare(
    `INSERT INTO deals (id, kind, payer_id, payee_id, subject, amount_minor, currency, precision, status, notes, created_at, updated_at)
     VALUES ('d-1', 'broadcast_rights', 'e-strivo', 'e-nordhafen', ?, 700000000, 'EUR', 'exact', 'confirmed', ?, ?, ?)`,
  );
  const subject = 'Übertragungsrechte an den Heimspielen des FC Nordhafen';
  fts('deal_fts', deal.run(subject, 'Laut Vereinsmitteilung', NOW, NOW).lastInsertRowid, [
    subject,
    'Laut Vereinsmitteilung',
  ]);
  const source = db.prepare(
    `INSERT INTO sources (id, kind, title, publisher, created_at, updated_at) VALUES ('s-1', 'press_release', ?, ?, ?, ?)`,
  );
  fts('source_fts', source.run('Mitteilung zum Rechtevertrag', 'FC Nordhafen', NOW, NOW).lastInsertRowid, [
    'Mitteilung zum Rechtevertrag',
    'FC Nordhafen',
  ]);
  return db;
}

const found = (db: Database.Database, query: string, typing = false) =>
  searchFacts(db, { query, typing })
    .hits.map((h) => `${h.type}:${h.id}`)
    .sort();

const ftsSql = (db: Database.Database, table: string) =>
  db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string;

describe('migration search-indexes', () => {
  it('re-creates the four search tables with 2- and 3-letter prefix indexes, every record indexed again', () => {
    const db = previousVersionWithFacts();
    expect(ftsSql(db, 'entity_fts')).not.toMatch(/prefix/);

    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    for (const [table, rows] of [
      ['entity_fts', 3],
      ['deal_fts', 1],
      ['quote_fts', 1],
      ['source_fts', 1],
    ] as const) {
      expect(ftsSql(db, table)).toMatch(/prefix = '2 3'/);
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(rows);
    }
  });

  it('finds the same facts afterwards, by word, transliteration, phrase and 2- and 3-letter prefixes', () => {
    const db = previousVersionWithFacts();
    migrate(db, migrations);
    expect(found(db, 'Kapitaenin')).toEqual(['entity:e-kowalczyk']);
    expect(found(db, 'Nordhafener')).toEqual(['entity:e-nordhafen']);
    expect(found(db, '"egal was"')).toEqual(['quote:q-1']);
    expect(found(db, 'No', true)).toEqual(['deal:d-1', 'entity:e-nordhafen', 'quote:q-1', 'source:s-1']);
    expect(found(db, 'Üb', true)).toEqual(['deal:d-1']);
    expect(found(db, 'Ko', true)).toEqual(['entity:e-kowalczyk', 'quote:q-1']);
    expect(found(db, 'Str', true)).toEqual(['entity:e-strivo']);
  });

  it('lists the most recently changed facts of every kind from an index, not by sorting each table', () => {
    const db = previousVersionWithFacts();
    migrate(db, migrations);
    for (const table of ['entities', 'deals', 'quotes', 'sources']) {
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT x.id FROM ${table} x ORDER BY x.updated_at DESC, x.seq DESC LIMIT 51`,
        )
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toMatch(new RegExp(`USING INDEX ${table}_updated`));
    }
    expect(searchFacts(db, { query: '' }).hits.map((h) => h.id)).toHaveLength(6);
  });

  it('keeps the index in step with later writes: a deleted record is no longer found', () => {
    const db = previousVersionWithFacts();
    migrate(db, migrations);
    const seq = db.prepare("SELECT seq FROM sources WHERE id = 's-1'").pluck().get() as number;
    db.prepare('DELETE FROM source_fts WHERE rowid = ?').run(seq);
    db.prepare("DELETE FROM sources WHERE id = 's-1'").run();
    expect(found(db, 'Mi', true)).toEqual([]);
  });
});
