import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../testing/postgres';
import { DESK_MIGRATIONS, DESK_SCHEMA_VERSION, pendingMigrations } from './migrations';
import { openDeskStorage } from './open';
import { DESK_PRUNE_RUNS_KEPT, type DeskPruneRun, type DeskStorageOptions } from './storage';

let dir = '';
let cluster: ThrowawayPostgres | null = null;
let n = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-desk-migrate-'));
  cluster = await startThrowawayPostgres();
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Raw SQL against the storage, bypassing the storage layer: only tests do this. */
async function rawQuery(options: DeskStorageOptions, sql: string): Promise<unknown[]> {
  if (options.kind === 'sqlite') {
    const db = new Database(options.file);
    try {
      return sql.trim().toUpperCase().startsWith('SELECT') ? db.prepare(sql).all() : (db.exec(sql), []);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('desk schema migrations', () => {
  it('numbers migrations from 1 without gaps', () => {
    expect(DESK_MIGRATIONS.map((m) => m.version)).toEqual(DESK_MIGRATIONS.map((_, i) => i + 1));
    expect(pendingMigrations(0)).toHaveLength(DESK_SCHEMA_VERSION);
    expect(pendingMigrations(DESK_SCHEMA_VERSION)).toHaveLength(0);
  });

  describe.each([
    [
      'SQLite',
      async (): Promise<DeskStorageOptions> => ({ kind: 'sqlite', file: join(dir, `m-${++n}.sqlite`) }),
    ],
    [
      'PostgreSQL',
      async (): Promise<DeskStorageOptions> => ({
        kind: 'postgres',
        url: await cluster!.createDatabase(`desk_migrate_${++n}`),
      }),
    ],
  ])('on %s', (_name, fresh) => {
    it('creates the tables on an empty database and records the version once', async () => {
      const options = await fresh();
      const first = await openDeskStorage(options);
      expect(await first.schemaVersion()).toBe(DESK_SCHEMA_VERSION);
      await first.storeDocument('article/a1', new Uint8Array([1, 2, 3]));
      await first.close();
      const again = await openDeskStorage(options);
      expect(await again.fetchDocument('article/a1')).toEqual(new Uint8Array([1, 2, 3]));
      await again.close();
      const rows = (await rawQuery(options, 'SELECT version, name FROM desk_schema ORDER BY version')) as {
        version: number;
        name: string;
      }[];
      expect(rows).toEqual(DESK_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    });

    it('brings a version-1 database to version 2 (change-log pruning) and keeps its documents and users', async () => {
      const options = await fresh();
      const v1 = DESK_MIGRATIONS[0];
      const now = options.kind === 'sqlite' ? `'2026-12-01T00:00:00.000Z'` : 'now()';
      const table = `CREATE TABLE desk_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${options.kind === 'sqlite' ? 'TEXT' : 'TIMESTAMPTZ'} NOT NULL)`;
      await rawQuery(options, `${table}; ${options.kind === 'sqlite' ? v1.sqlite : v1.postgres}`);
      await rawQuery(
        options,
        `INSERT INTO desk_schema VALUES (1, '${v1.name}', ${now});
         INSERT INTO desk_users (name, role, token_sha256, created_at) VALUES ('Ida Sommer', 'checker', 'abc', ${now});
         INSERT INTO desk_documents (name, state, updated_at) VALUES ('facts/deal/3', ${options.kind === 'sqlite' ? "x'0000'" : "'\\x0000'"}, ${now})`,
      );
      const storage = await openDeskStorage(options);
      expect(await storage.schemaVersion()).toBe(2);
      expect(await storage.fetchDocument('facts/deal/3')).toEqual(new Uint8Array([0, 0]));
      expect((await storage.listUsers()).map((u) => u.name)).toEqual(['Ida Sommer']);
      expect(await storage.listMembers()).toEqual([]);
      expect(await storage.listPruneRuns(1)).toEqual([]);
      await storage.close();
    });

    it('keeps mirror reports per member and document; a member id stays with its user', async () => {
      const options = await fresh();
      const storage = await openDeskStorage(options);
      await storage.addUser('Ida Sommer', 'checker', 'h1');
      await storage.addUser('Tom Weber', 'editor', 'h2');
      const ida = '00000000-0000-4000-8000-000000000001';
      const tom = '00000000-0000-4000-8000-000000000002';
      await storage.saveMirrorReports([
        {
          member: ida,
          user: 'Ida Sommer',
          document: 'facts/deal/1',
          stateVector: new Uint8Array([1, 7, 3]),
          at: '2026-12-01T00:00:00.000Z',
        },
        {
          member: ida,
          user: 'Ida Sommer',
          document: 'facts/deal/1',
          stateVector: new Uint8Array([1, 7, 4]),
          at: '2026-12-02T00:00:00.000Z',
        },
        { member: tom, user: 'Tom Weber', document: null, stateVector: null, at: '2026-12-03T00:00:00.000Z' },
        // Tom's token cannot report for Ida's store, nor make her look recently seen.
        {
          member: ida,
          user: 'Tom Weber',
          document: 'facts/deal/1',
          stateVector: new Uint8Array([1, 7, 99]),
          at: '2026-12-05T00:00:00.000Z',
        },
      ]);
      expect(await storage.listMemberDocuments()).toEqual([
        { member: ida, document: 'facts/deal/1', stateVector: new Uint8Array([1, 7, 4]) },
      ]);
      await storage.revokeUser('Tom Weber');
      expect(await storage.listMembers()).toEqual([
        { member: ida, user: 'Ida Sommer', lastSeen: '2026-12-02T00:00:00.000Z', revoked: false },
        { member: tom, user: 'Tom Weber', lastSeen: '2026-12-03T00:00:00.000Z', revoked: true },
      ]);
      await storage.forgetMembers([ida]);
      expect(await storage.listMemberDocuments()).toEqual([]);
      expect((await storage.listMembers()).map((m) => m.user)).toEqual(['Tom Weber']);
      await storage.close();
    });

    it('keeps the newest prune runs only', async () => {
      const storage = await openDeskStorage(await fresh());
      const run = (i: number): DeskPruneRun => ({
        startedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        finishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        settings: { keepMs: 0, maxEntries: 1, memberHorizonMs: 1 },
        documents: i,
        prunedDocuments: 0,
        removed: i,
        left: 0,
        heldBack: 0,
        waitingFor: [],
        forgotten: [],
        problems: [],
      });
      for (let i = 0; i < DESK_PRUNE_RUNS_KEPT + 5; i++) await storage.recordPruneRun(run(i));
      const all = await storage.listPruneRuns(1000);
      expect(all).toHaveLength(DESK_PRUNE_RUNS_KEPT);
      expect(all[0]).toEqual(run(DESK_PRUNE_RUNS_KEPT + 4));
      await storage.close();
    });

    it('refuses a database written by a newer server', async () => {
      const options = await fresh();
      await (await openDeskStorage(options)).close();
      const now = options.kind === 'sqlite' ? `'2030-01-01'` : 'now()';
      await rawQuery(
        options,
        `INSERT INTO desk_schema (version, name, applied_at) VALUES (${DESK_SCHEMA_VERSION + 1}, 'future', ${now})`,
      );
      await expect(openDeskStorage(options)).rejects.toThrow(/newer than this server knows/);
    });
  });
});
