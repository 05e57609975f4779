import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from './sqlite-storage';

let dir = '';
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('SQLite desk storage beside a running server', () => {
  it('adds users while another connection keeps storing documents, none refused as locked', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-storage-'));
    const file = path.join(dir, 'desk.sqlite');
    const storage = openSqliteStorage(file);
    const server = new Worker(new URL('../../../tests/helpers/sqliteWriter.mjs', import.meta.url), {
      workerData: {
        file,
        sql: `INSERT INTO desk_documents (name, state, updated_at) VALUES (?, ?, ?)
              ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      },
    });
    await new Promise((resolve) => server.once('message', resolve));

    // Before the fix a deferred transaction read, the other connection wrote, and the upgrade to a
    // write failed at once with "database is locked" (SQLITE_BUSY_SNAPSHOT) — most of these calls.
    const refused: string[] = [];
    let added = 0;
    for (let i = 0; i < 150; i++) {
      try {
        if (await storage.addUser(`Redakteurin ${i}`, 'editor', i.toString(16).padStart(64, '0'))) added++;
      } catch (err) {
        refused.push(`${(err as { code?: string }).code}: ${(err as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    server.postMessage('stop');
    const { writes } = (await new Promise((resolve) => server.once('message', resolve))) as {
      writes: number;
    };
    await server.terminate();

    expect(refused).toEqual([]);
    expect(added).toBe(150);
    expect((await storage.listUsers()).length).toBe(150);
    // The two really overlapped: the other connection wrote all along.
    expect(writes).toBeGreaterThan(150);
  });
});
