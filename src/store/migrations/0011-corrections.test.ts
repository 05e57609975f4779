import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { insertCorrection, listCorrections, noteClaimTextChange, openPrompts } from '../corrections';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m-corrections-');
afterEach(cleanup);

const NOW = '2026-12-06T16:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'corrections');

describe('migration corrections', () => {
  it('upgrades a database of the previous version, keeping its articles and claims, and stores corrections', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index));
    db.prepare(
      `INSERT INTO articles (id, language, status, created_at, updated_at, body) VALUES ('art-1', 'de', 'published', ?, ?, '{"root":{"type":"root","children":[]}}')`,
    ).run(NOW, NOW);
    db.prepare(
      `INSERT INTO claims (id, article_id, kind, text, created_by, created_at, updated_at) VALUES ('c-1', 'art-1', 'amount', 'sieben Millionen Euro', 'J', ?, ?)`,
    ).run(NOW, NOW);
    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);

    noteClaimTextChange(
      db,
      {
        articleId: 'art-1',
        claimId: 'c-1',
        before: 'sieben Millionen Euro',
        after: 'acht Millionen Euro',
        facts: [],
      },
      'Lena Kowalczyk',
      NOW,
    );
    expect(openPrompts(db, 'art-1')).toMatchObject([
      { claimId: 'c-1', reason: 'text', before: 'sieben Millionen Euro', after: 'acht Millionen Euro' },
    ]);
    insertCorrection(
      db,
      {
        id: 'k-1',
        articleId: 'art-1',
        wrong: 'sieben Millionen Euro',
        right: 'acht Millionen Euro',
        claimIds: ['c-1'],
        facts: [{ type: 'deal', id: 'd-1' }],
      },
      'Ruth Okafor',
      NOW,
    );
    expect(listCorrections(db, 'art-1')).toMatchObject([
      {
        id: 'k-1',
        claimIds: ['c-1'],
        facts: [{ type: 'deal', id: 'd-1' }],
        history: [{ action: 'created', by: 'Ruth Okafor' }],
      },
    ]);
    expect(openPrompts(db, 'art-1')).toEqual([]);
    // Deleting the article removes its corrections with it.
    db.prepare("DELETE FROM articles WHERE id = 'art-1'").run();
    expect(db.prepare('SELECT count(*) FROM correction_history').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM correction_prompts').pluck().get()).toBe(0);
  });

  it('refuses blank wording and unknown link types or actions', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    db.prepare(
      `INSERT INTO articles (id, language, created_at, updated_at, body) VALUES ('art-1', 'de', ?, ?, '{"root":{"type":"root","children":[]}}')`,
    ).run(NOW, NOW);
    expect(() =>
      insertCorrection(
        db,
        { id: 'k-1', articleId: 'art-1', wrong: '  ', right: 'x', claimIds: [], facts: [] },
        'A',
        NOW,
      ),
    ).toThrow(/CHECK/);
    expect(listCorrections(db, 'art-1')).toEqual([]);
    insertCorrection(
      db,
      { id: 'k-2', articleId: 'art-1', wrong: 'a', right: 'b', claimIds: [], facts: [] },
      'A',
      NOW,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO correction_links (correction_id, ref_type, ref_id) VALUES ('k-2', 'article', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO correction_history (correction_id, action, wrong_text, right_text, by, at) VALUES ('k-2', 'erased', 'a', 'b', 'A', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
