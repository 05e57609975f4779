import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { listClaims } from '../claims';
import { searchFacts } from '../search';
import { saveDocument, beginDocument } from '../source-documents';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m12-');
afterEach(cleanup);

const NOW = '2026-12-06T08:00:00.000Z';
const HASH = 'a'.repeat(64);
const index = migrations.findIndex((m) => m.name === 'source-documents');

/** A store at the previous version: a source with a file and a claim linked to it. */
function previousVersion() {
  const db = tempDb();
  migrate(db, migrations.slice(0, index));
  db.prepare(
    `INSERT INTO sources (id, kind, title, file_hash, file_name, created_at, updated_at) VALUES ('s-1', 'press_release', 'Mitteilung SV Rotheide', ?, 'mitteilung.pdf', ?, ?)`,
  ).run(HASH, NOW, NOW);
  db.prepare(
    `INSERT INTO articles (id, headline, language, body, created_at, updated_at) VALUES ('a-1', 'Kowalczyk bleibt', 'de', '{}', ?, ?)`,
  ).run(NOW, NOW);
  db.prepare(
    `INSERT INTO claims (id, article_id, kind, text, created_by, created_at, updated_at)
     VALUES ('claim-1', 'a-1', 'other', 'bleibt bis 2029', 'Erika Prüfer', ?, ?)`,
  ).run(NOW, NOW);
  db.prepare(
    `INSERT INTO claim_links (claim_id, article_id, fact_type, fact_id) VALUES ('claim-1', 'a-1', 'source', 's-1')`,
  ).run();
  return db;
}

describe('migration source-documents', () => {
  it('adds the document tables and keeps existing claim links, now without a locator', () => {
    const db = previousVersion();
    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    expect(db.prepare('SELECT count(*) FROM source_documents').pluck().get()).toBe(0);
    expect(
      db.prepare('SELECT claim_id, fact_type, fact_id, locator, excerpt FROM claim_links').all(),
    ).toEqual([{ claim_id: 'claim-1', fact_type: 'source', fact_id: 's-1', locator: null, excerpt: null }]);
    expect(listClaims(db, 'a-1')[0].links).toEqual([{ type: 'source', id: 's-1' }]);
  });

  it('indexes extracted text for the fact search and drops it with the source', () => {
    const db = previousVersion();
    migrate(db, migrations);
    beginDocument(db, 's-1', HASH, 'pdf');
    saveDocument(db, 's-1', HASH, {
      title: null,
      originalUrl: null,
      savedAt: null,
      pages: 2,
      segments: [
        { kind: 'page', page: 1, paragraph: null, heading: null, text: 'Pressemitteilung' },
        {
          kind: 'page',
          page: 2,
          paragraph: null,
          heading: null,
          text: 'Lena Kowalczyk verlängert beim SV Rotheide.',
        },
      ],
    });
    const hit = searchFacts(db, { query: 'verlaengert' }).hits;
    expect(hit.map((h) => [h.id, h.meta.type === 'source' ? h.meta.passage?.locator : null])).toEqual([
      ['s-1', 'p. 2'],
    ]);
    db.prepare('DELETE FROM claim_links').run();
    db.prepare("DELETE FROM sources WHERE id = 's-1'").run();
    expect(db.prepare('SELECT count(*) FROM source_segments').pluck().get()).toBe(0);
    expect(
      db
        .prepare("SELECT count(*) FROM source_segment_fts WHERE source_segment_fts MATCH 'kowalczyk'")
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('refuses formats and states it does not know', () => {
    const db = previousVersion();
    migrate(db, migrations);
    const insert = db.prepare(
      `INSERT INTO source_documents (source_id, file_hash, format, state, updated_at) VALUES ('s-1', ?, ?, ?, ?)`,
    );
    expect(() => insert.run(HASH, 'xlsx', 'done', NOW)).toThrow(/CHECK/);
    expect(() => insert.run(HASH, 'pdf', 'half', NOW)).toThrow(/CHECK/);
  });
});
