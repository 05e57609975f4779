import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { insertThread, listThreads } from '../comments';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m-comments-');
afterEach(cleanup);

const NOW = '2026-12-06T14:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'comments');

describe('migration comments', () => {
  it('upgrades a database of the previous version, keeping its articles and claims, and stores threads', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index));
    db.prepare(
      `INSERT INTO articles (id, language, created_at, updated_at, body) VALUES ('art-1', 'de', ?, ?, '{"root":{"type":"root","children":[]}}')`,
    ).run(NOW, NOW);
    db.prepare(
      `INSERT INTO claims (id, article_id, kind, text, created_by, created_at, updated_at) VALUES ('c-1', 'art-1', 'amount', 'sieben Millionen Euro', 'J', ?, ?)`,
    ).run(NOW, NOW);
    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);

    insertThread(
      db,
      {
        id: 't-1',
        articleId: 'art-1',
        claimId: 'c-1',
        quote: 'sieben Millionen Euro',
        comment: { id: 'k-1', author: 'Ruth Okafor', body: '@Lena Quelle?' },
      },
      NOW,
    );
    expect(listThreads(db, 'art-1')).toMatchObject([
      {
        id: 't-1',
        claimId: 'c-1',
        status: 'open',
        detached: false,
        comments: [{ id: 'k-1', author: 'Ruth Okafor' }],
      },
    ]);
    // Deleting the claim keeps the discussion; deleting the article removes it.
    db.prepare("DELETE FROM claims WHERE id = 'c-1'").run();
    expect(listThreads(db, 'art-1')[0].claimId).toBeNull();
    db.prepare("DELETE FROM articles WHERE id = 'art-1'").run();
    expect(db.prepare('SELECT count(*) FROM thread_comments').pluck().get()).toBe(0);
  });

  it('refuses empty comments and unknown statuses', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index + 1));
    db.prepare(
      `INSERT INTO articles (id, language, created_at, updated_at, body) VALUES ('art-1', 'de', ?, ?, '{"root":{"type":"root","children":[]}}')`,
    ).run(NOW, NOW);
    expect(() =>
      insertThread(
        db,
        {
          id: 't-1',
          articleId: 'art-1',
          claimId: null,
          quote: 'x',
          comment: { id: 'k-1', author: 'A', body: '   ' },
        },
        NOW,
      ),
    ).toThrow(/CHECK/);
    expect(listThreads(db, 'art-1')).toEqual([]);
    insertThread(
      db,
      {
        id: 't-2',
        articleId: 'art-1',
        claimId: null,
        quote: 'x',
        comment: { id: 'k-2', author: 'A', body: 'ok' },
      },
      NOW,
    );
    expect(() => db.prepare("UPDATE comment_threads SET status = 'closed' WHERE id = 't-2'").run()).toThrow(
      /CHECK/,
    );
  });
});
