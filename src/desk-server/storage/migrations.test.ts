import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../testing/postgres';
import { DESK_MIGRATIONS, DESK_SCHEMA_VERSION, pendingMigrations } from './migrations';
import { openDeskStorage, type DeskStorageOptions } from './storage';

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
