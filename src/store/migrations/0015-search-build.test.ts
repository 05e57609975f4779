import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Quote } from '../../shared/domain/facts';
import { migrate, schemaVersion } from '../db';
import { quoteTable } from '../fact-tables';
import { insertRecords } from '../records';
import { searchFacts } from '../search';
import { migrations } from './index';
import { SEARCH_HASHSIZE, SEARCH_TABLES } from './0015-search-build';
import { indexRowAsBefore, migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m15-');
afterEach(cleanup);

const NOW = '2026-12-06T23:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'search-build');

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
    entity.run('e-goetze', 'person', 'Lutz Götze', '["Kapitän Götze"]', NOW, NOW).lastInsertRowid,
    ['Lutz Götze', 'Kapitän Götze'],
  );
  const quote = db.prepare(
    `INSERT INTO quotes (id, speaker_id, wording, language, occasion, status, created_at, updated_at) VALUES (?, 'e-goetze', ?, 'de', 'interview', 'verified', ?, ?)`,
  );
  const wording = 'Wir bleiben in Nordhafen, egal was die Konkurrenz bietet.';
  fts('quote_fts', quote.run('q-1', wording, NOW, NOW).lastInsertRowid, [wording]);
  return db;
}

const found = (db: Database.Database, query: string, typing = false) =>
  searchFacts(db, { query, typing })
    .hits.map((h) => `${h.type}:${h.id}`)
    .sort();

const hashsize = (db: Database.Database, table: string) =>
  db.prepare(`SELECT v FROM ${table}_config WHERE k = 'hashsize'`).pluck().get();

const quote = (i: number): Quote => ({
  id: `q-bulk-${i}`,
  speakerId: 'e-goetze',
  roleAtTime: null,
  wording: `Ein Satz über Fußball Nummer ${i}`,
  language: 'de',
  date: null,
  occasion: 'interview',
  translationOfId: null,
  status: 'verified',
  notes: null,
});

describe('migration search-build', () => {
  it('lets every search table buffer its index in memory and keeps the stored index searchable', () => {
    const db = previousVersionWithFacts();
    for (const table of SEARCH_TABLES) expect(hashsize(db, table)).toBeUndefined();

    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    for (const table of SEARCH_TABLES) expect(hashsize(db, table)).toBe(SEARCH_HASHSIZE);

    expect(found(db, 'Kapitaen')).toEqual(['entity:e-goetze']);
    expect(found(db, 'Gotze')).toEqual(['entity:e-goetze']);
    expect(found(db, '"egal was"')).toEqual(['quote:q-1']);
    expect(found(db, 'Ko', true)).toEqual(['quote:q-1']);
    expect(found(db, 'Nordh', true)).toEqual(['quote:q-1']);
  });

  it('keeps a bulk write all or nothing: a rolled-back import leaves no index entries, a committed one is found', () => {
    const db = previousVersionWithFacts();
    migrate(db, migrations);
    const actor = { user: 'Test' };
    const many = Array.from({ length: 2000 }, (_, i) => quote(i));
    expect(() =>
      db.transaction(() => {
        insertRecords(db, quoteTable, many, actor, NOW);
        throw new Error('the import fails after its rows went in');
      })(),
    ).toThrow(/import fails/);
    expect(found(db, 'Fussball')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM quote_fts').pluck().get()).toBe(1);

    db.transaction(() => insertRecords(db, quoteTable, many, actor, NOW))();
    expect(searchFacts(db, { query: 'Fußball 1999', limit: 5 }).hits.map((h) => h.id)).toEqual([
      'q-bulk-1999',
    ]);
    expect(db.prepare('SELECT count(*) FROM quote_fts').pluck().get()).toBe(2001);
  });
});
