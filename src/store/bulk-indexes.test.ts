import { afterEach, describe, expect, it } from 'vitest';
import { BULK_MIN_ROWS, rebuildableIndexes, withIndexesDeferred } from './bulk-indexes';
import { migrationDbs } from './migrations/testing';

const dbs = migrationDbs('factdesk-bulk-indexes-');
afterEach(() => dbs.cleanup());

function clubsDb() {
  const db = dbs.tempDb();
  db.exec(`
    CREATE TABLE clubs (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      city TEXT,
      parent_id TEXT REFERENCES clubs (id)
    );
    CREATE INDEX clubs_name ON clubs (name);
    CREATE INDEX clubs_city_name ON clubs (city, name) WHERE city IS NOT NULL;
    CREATE INDEX clubs_parent ON clubs (parent_id);
    CREATE UNIQUE INDEX clubs_name_city ON clubs (name, city);
  `);
  return db;
}

const indexSql = (db: ReturnType<typeof clubsDb>) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();

function addClubs(db: ReturnType<typeof clubsDb>, count: number, from = 0) {
  const insert = db.prepare('INSERT INTO clubs (id, name, city, parent_id) VALUES (?, ?, ?, ?)');
  for (let i = from; i < from + count; i++)
    insert.run(`club-${i}`, `SV Rotheide ${(i * 7919) % count}-${i}`, i % 3 ? 'Nordhafen' : null, null);
}

describe('bulk inserts with indexes built afterwards', () => {
  it('drops only plain indexes not led by a reference to the same table', () => {
    expect(rebuildableIndexes(clubsDb(), 'clubs').map((ix) => ix.name)).toEqual(
      expect.arrayContaining(['clubs_name', 'clubs_city_name']),
    );
    expect(rebuildableIndexes(clubsDb(), 'clubs')).toHaveLength(2);
  });

  it('inserts without the plain indexes and leaves them exactly as they were, with every row in them', () => {
    const db = clubsDb();
    const before = indexSql(db);
    let during: unknown[] = [];
    db.transaction(() =>
      withIndexesDeferred(db, 'clubs', BULK_MIN_ROWS, () => {
        addClubs(db, BULK_MIN_ROWS);
        during = indexSql(db).map((r) => (r as { name: string }).name);
      }),
    )();
    expect(during).not.toContain('clubs_name');
    expect(during).toContain('clubs_parent');
    expect(indexSql(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM clubs WHERE name = 'SV Rotheide 1-1'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/clubs_name/);
  });

  it('keeps the indexes when a failed insert rolls the transaction back', () => {
    const db = clubsDb();
    const before = indexSql(db);
    expect(() =>
      db.transaction(() =>
        withIndexesDeferred(db, 'clubs', BULK_MIN_ROWS, () => {
          addClubs(db, BULK_MIN_ROWS);
          throw new Error('FC Nordhafen is not a valid pack');
        }),
      )(),
    ).toThrow('FC Nordhafen');
    expect(indexSql(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM clubs').pluck().get()).toBe(0);
  });

  it('leaves the indexes in place for a small insert or one into a larger table', () => {
    const db = clubsDb();
    db.transaction(() => addClubs(db, BULK_MIN_ROWS + 10))();
    for (const adding of [10, BULK_MIN_ROWS]) {
      let during: unknown[] = [];
      db.transaction(() =>
        withIndexesDeferred(db, 'clubs', adding, () => {
          during = indexSql(db);
        }),
      )();
      expect(during).toEqual(indexSql(db));
    }
  });

  it('refuses to run outside a transaction', () => {
    expect(() => withIndexesDeferred(clubsDb(), 'clubs', BULK_MIN_ROWS, () => {})).toThrow(/transaction/);
  });
});
