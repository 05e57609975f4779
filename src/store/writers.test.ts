import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, type Db } from './db';
import { createEntity, getEntity, updateEntity } from './entities';

let dir = '';
let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const pause = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('the store beside another process that writes', () => {
  it('reads and writes in one transaction without "database is locked", while the other commits all along', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-writers-'));
    const file = path.join(dir, DATABASE_FILE);
    db = openDatabase(file);
    const other = new Worker(new URL('../../tests/helpers/sqliteWriter.mjs', import.meta.url), {
      workerData: {
        file,
        // The settings table takes JSON text only (a CHECK): the payload goes in as a JSON string.
        sql: `INSERT INTO settings (key, value, updated_at) VALUES (?, json_quote(hex(?)), ?)
              ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      },
    });
    await new Promise((resolve) => other.once('message', resolve));

    // Before transactions began IMMEDIATE, most of these failed at once: the transaction read
    // a snapshot, the other process committed, and the write could not upgrade (SQLITE_BUSY_SNAPSHOT).
    const refused: string[] = [];
    const actor = { user: 'Mira' };
    for (let i = 0; i < 60; i++) {
      try {
        const club = createEntity(
          db,
          { kind: 'club', name: `SV Rotheide ${i}`, aliases: [], note: null },
          actor,
        );
        await pause();
        updateEntity(
          db,
          { id: club.id, kind: 'club', name: `SV Rotheide ${i} e.V.`, aliases: ['Rotheide'], note: null },
          actor,
        );
        const counted = db.transaction(() => {
          const n = db!.prepare('SELECT count(*) FROM entities').pluck().get() as number;
          db!
            .prepare(
              'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
            )
            .run('test.count', JSON.stringify(n), new Date().toISOString());
          return n;
        });
        await pause();
        expect(counted()).toBe(i + 1);
        expect(getEntity(db, club.id)?.name).toBe(`SV Rotheide ${i} e.V.`);
      } catch (err) {
        refused.push(`${(err as { code?: string }).code}: ${(err as Error).message}`);
      }
      await pause();
    }
    other.postMessage('stop');
    const { writes } = (await new Promise((resolve) => other.once('message', resolve))) as { writes: number };
    await other.terminate();

    expect(refused).toEqual([]);
    expect(writes).toBeGreaterThan(60);
  });

  it('keeps the deferred variant for whoever asks for it', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-writers-'));
    db = openDatabase(path.join(dir, DATABASE_FILE));
    const tx = db.transaction(() => db!.inTransaction);
    expect(tx()).toBe(true);
    expect(tx.deferred()).toBe(true);
    expect(typeof tx.exclusive).toBe('function');
  });
});
