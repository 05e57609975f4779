import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { articleDocName } from '../shared/desk/names';
import { startDeskServer, type RunningDeskServer } from './server';
import { openDeskStorage } from './storage/open';
import type { DeskStorageOptions } from './storage/storage';
import { bundleCli, runCliProcess, type CliProcess } from './testing/cli-process';
import { connectTestClient, eventually, type TestDeskClient } from './testing/client';
import { startThrowawayPostgres, type ThrowawayPostgres } from './testing/postgres';
import { DESK_SERVER_DATABASE_FILE } from './usage';
import { addDeskUser } from './users';

/**
 * `factdesk desk serve` as its own process: SIGKILL while someone types loses at most the
 * debounce window (and the client's own copy brings even that back), SIGTERM stores everything.
 */
const DEBOUNCE = 100;
const MAX_DEBOUNCE = 500;
// Two shared cores and other agents: give the server this much beyond its own window.
const SCHEDULING_SLACK = 2000;

interface Target {
  name: string;
  /** CLI flags selecting the storage, and the same storage for in-process use. */
  fresh(): Promise<{ flags: string[]; storage: DeskStorageOptions }>;
}

let cli = '';
let dir = '';
let cluster: ThrowawayPostgres | null = null;
let n = 0;
const targets: Target[] = [
  {
    name: 'SQLite',
    async fresh() {
      const dataDir = join(dir, `data-${++n}`);
      return {
        flags: ['--data-dir', dataDir],
        storage: { kind: 'sqlite', file: join(dataDir, DESK_SERVER_DATABASE_FILE) },
      };
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      cluster ??= await startThrowawayPostgres();
      const url = await cluster.createDatabase(`desk_crash_${++n}`);
      return { flags: ['--postgres', url], storage: { kind: 'postgres', url } };
    },
  },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-desk-crash-'));
  cli = await bundleCli();
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(cli, { force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function storedText(storage: DeskStorageOptions, name: string): Promise<string | null> {
  const s = await openDeskStorage(storage);
  try {
    const state = await s.fetchDocument(name);
    if (!state) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc.getText('body').toString();
  } finally {
    await s.close();
  }
}

async function addUser(storage: DeskStorageOptions): Promise<string> {
  const s = await openDeskStorage(storage);
  try {
    return (await addDeskUser(s, 'Lena Kowalczyk', 'editor')).token;
  } finally {
    await s.close();
  }
}

describe.each(targets)('factdesk desk serve as a process on $name', (target) => {
  const clients: TestDeskClient[] = [];
  let proc: CliProcess | null = null;
  let restarted: RunningDeskServer | null = null;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    if (proc && proc.child.exitCode === null) proc.child.kill('SIGKILL');
    await proc?.exited;
    await restarted?.stop();
    restarted = null;
  });

  async function serve(
    flags: string[],
    port: number,
    debounce: number,
    maxDebounce: number,
  ): Promise<string> {
    proc = runCliProcess(cli, [
      'desk',
      'serve',
      '--port',
      String(port),
      '--debounce',
      String(debounce),
      '--max-debounce',
      String(maxDebounce),
      ...flags,
    ]);
    const [, url] = await proc.waitFor(/listening on (ws:\/\/\S+)/);
    return url;
  }

  it('loses at most the debounce window when killed with SIGKILL, and the client brings that back', async () => {
    const { flags, storage } = await target.fresh();
    const token = await addUser(storage);
    const port = await freePort();
    const url = await serve(flags, port, DEBOUNCE, MAX_DEBOUNCE);

    const idle = connectTestClient({ url, token, documentName: articleDocName('idle') });
    const typist = connectTestClient({ url, token, documentName: articleDocName('typing') });
    clients.push(idle, typist);
    await Promise.all([idle.synced, typist.synced]);
    idle.doc.getText('body').insert(0, 'FC Nordhafen wins the derby 2:1.');

    // Type one letter every 20 ms for 5 s, then kill the server mid-typing.
    const typedAt: number[] = [];
    const body = typist.doc.getText('body');
    const letters = 'SV Rotheide signs Lena Kowalczyk until 2029 for an undisclosed fee. ';
    const typing = setInterval(() => {
      body.insert(body.length, letters[typedAt.length % letters.length]);
      typedAt.push(Date.now());
    }, 20);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const killedAt = Date.now();
    proc!.child.kill('SIGKILL');
    await proc!.exited;
    clearInterval(typing);
    const typed = body.toString();

    const stored = (await storedText(storage, articleDocName('typing'))) ?? '';
    const mustHave = typedAt.filter((t) => t <= killedAt - MAX_DEBOUNCE - SCHEDULING_SLACK).length;
    expect(mustHave).toBeGreaterThan(10);
    expect(stored.length).toBeGreaterThanOrEqual(mustHave);
    expect(typed.startsWith(stored)).toBe(true);
    expect(await storedText(storage, articleDocName('idle'))).toBe('FC Nordhafen wins the derby 2:1.');

    // Same port again: the still-open client reconnects and sends what the server lost.
    restarted = await startDeskServer({ storage, port, debounceMs: DEBOUNCE, maxDebounceMs: MAX_DEBOUNCE });
    await eventually(
      async () =>
        (await restarted!.storage.fetchDocument(articleDocName('typing'))) !== null &&
        (await storedText(storage, articleDocName('typing'))) === typed,
      'the reconnected client restores every letter on the server',
      30_000,
    );
  });

  it('stores every open document when stopped with SIGTERM, long before its debounce', async () => {
    const { flags, storage } = await target.fresh();
    const token = await addUser(storage);
    const url = await serve(flags, await freePort(), 60_000, 600_000);
    const client = connectTestClient({ url, token, documentName: articleDocName('term') });
    clients.push(client);
    await client.synced;
    client.doc.getText('body').insert(0, 'Stored on shutdown.');
    await eventually(() => !client.provider.hasUnsyncedChanges, 'the server acknowledged the edit');
    proc!.child.kill('SIGTERM');
    expect(await proc!.exited).toBe(0);
    expect(proc!.output()).toContain('Desk server stopped.');
    expect(await storedText(storage, articleDocName('term'))).toBe('Stored on shutdown.');
  });
});
