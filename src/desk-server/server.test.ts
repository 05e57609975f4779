import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTICLE_INDEX_DOC,
  DESK_FILES_PATH,
  DESK_REFUSAL,
  DESK_WHOAMI_PATH,
  articleDocName,
} from '../shared/desk/names';
import { sha256Hex } from './tokens';
import { startDeskServer, type RunningDeskServer } from './server';
import type { DeskStorageOptions } from './storage/storage';
import { connectTestClient, eventually, type TestDeskClient } from './testing/client';
import { startThrowawayPostgres, type ThrowawayPostgres } from './testing/postgres';
import { addDeskUser, revokeDeskUser } from './users';

/**
 * The desk server end to end: real Hocuspocus, real providers over WebSockets on loopback, and
 * the same suite against both storages. PostgreSQL is a throwaway cluster from Debian's
 * package; without its binaries this fails (CI must have them), it does not skip.
 */
interface Backend {
  name: string;
  setUp(): Promise<void>;
  /** Fresh, empty storage for one test. */
  fresh(): Promise<DeskStorageOptions>;
  tearDown(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir = '';
  let n = 0;
  return {
    name: 'SQLite',
    async setUp() {
      dir = mkdtempSync(join(tmpdir(), 'factdesk-desk-'));
    },
    async fresh() {
      return { kind: 'sqlite', file: join(dir, `desk-${++n}.sqlite`) };
    },
    async tearDown() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(): Backend {
  let cluster: ThrowawayPostgres | null = null;
  let n = 0;
  return {
    name: 'PostgreSQL',
    async setUp() {
      cluster = await startThrowawayPostgres();
    },
    async fresh() {
      return { kind: 'postgres', url: await cluster!.createDatabase(`desk_test_${++n}`) };
    },
    async tearDown() {
      await cluster?.stop();
    },
  };
}

const text = (client: TestDeskClient) => client.doc.getText('body').toString();

describe.each([sqliteBackend(), postgresBackend()])('the desk server on $name', (backend) => {
  let storage: DeskStorageOptions;
  let server: RunningDeskServer | null = null;
  const clients: TestDeskClient[] = [];
  const logs: string[] = [];
  const connect = (token: string, documentName: string, doc?: Y.Doc) => {
    const client = connectTestClient({ url: server!.url, token, documentName, doc });
    clients.push(client);
    return client;
  };

  beforeAll(() => backend.setUp());
  afterAll(() => backend.tearDown());
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.stop();
    server = null;
    logs.length = 0;
  });

  async function start(
    options: { debounceMs?: number; maxDebounceMs?: number; fresh?: boolean; maxFileBytes?: number } = {},
  ) {
    if (options.fresh !== false) storage = await backend.fresh();
    server = await startDeskServer({
      storage,
      debounceMs: options.debounceMs ?? 100,
      maxDebounceMs: options.maxDebounceMs ?? 500,
      revocationCheckMs: 200,
      maxFileBytes: options.maxFileBytes,
      log: (line) => logs.push(line),
    });
    return server;
  }

  it('lets an editor and a checker type into the same article and both end with the same text', async () => {
    await start();
    const editor = await addDeskUser(server!.storage, 'Lena Kowalczyk', 'editor');
    const checker = await addDeskUser(server!.storage, 'Jonas Brehm', 'checker');
    const a = connect(editor.token, articleDocName('a1'));
    const b = connect(checker.token, articleDocName('a1'));
    await Promise.all([a.synced, b.synced]);
    expect(a.scope()).toBe('read-write');
    expect(await b.user).toEqual({ name: 'Jonas Brehm', role: 'checker' });

    a.doc.getText('body').insert(0, 'SV Rotheide signs a striker. ');
    b.doc.getText('body').insert(0, 'FC Nordhafen confirms the fee. ');
    await eventually(() => text(a) === text(b) && text(a).length > 50, 'both clients converge');
    expect(text(a)).toContain('SV Rotheide signs a striker.');
    expect(text(a)).toContain('FC Nordhafen confirms the fee.');
  });

  it('refuses a second server on the same storage while the first runs, and lets one start after it stopped', async () => {
    await start();
    const where = server!.storage.location;
    await expect(startDeskServer({ storage, changeLog: { everyMs: 0 } })).rejects.toThrow(
      `another desk server is already serving ${storage.kind === 'sqlite' ? 'the SQLite file ' : 'PostgreSQL at '}${where}`,
    );
    // The refused one left the storage alone: the first still serves and users can still be added.
    const { token } = await addDeskUser(server!.storage, 'Lena Kowalczyk');
    await connect(token, articleDocName('a0')).synced;
    await server!.stop();
    server = await startDeskServer({ storage, changeLog: { everyMs: 0 } });
  });

  it('keeps every document across a server restart', async () => {
    await start();
    const { token } = await addDeskUser(server!.storage, 'Lena Kowalczyk');
    const a = connect(token, articleDocName('a2'));
    const index = connect(token, ARTICLE_INDEX_DOC);
    await Promise.all([a.synced, index.synced]);
    a.doc.getText('body').insert(0, 'Kowalczyk extends until 2029.');
    index.doc.getMap('articles').set('a2', {
      headline: 'Kowalczyk stays',
      sharedBy: 'Lena Kowalczyk',
      sharedAt: '2026-05-01T10:00:00Z',
    });
    await eventually(
      () => !a.provider.hasUnsyncedChanges && !index.provider.hasUnsyncedChanges,
      'the server acknowledged both changes',
    );
    for (const c of clients.splice(0)) c.destroy();
    await server!.stop();

    await start({ fresh: false });
    const again = connect(token, articleDocName('a2'));
    const indexAgain = connect(token, ARTICLE_INDEX_DOC);
    await Promise.all([again.synced, indexAgain.synced]);
    expect(text(again)).toBe('Kowalczyk extends until 2029.');
    expect(indexAgain.doc.getMap('articles').get('a2')).toMatchObject({ headline: 'Kowalczyk stays' });
    expect((await server!.storage.listDocuments()).map((d) => d.name)).toEqual([
      'article/a2',
      ARTICLE_INDEX_DOC,
    ]);
  });

  it('stores a document within the debounce window while clients stay connected', async () => {
    await start({ debounceMs: 50, maxDebounceMs: 200 });
    const { token } = await addDeskUser(server!.storage, 'Lena Kowalczyk');
    const a = connect(token, articleDocName('a3'));
    await a.synced;
    a.doc.getText('body').insert(0, 'Stored without a disconnect.');
    await eventually(async () => {
      const state = await server!.storage.fetchDocument(articleDocName('a3'));
      if (!state) return false;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return doc.getText('body').toString() === 'Stored without a disconnect.';
    }, 'the document is in storage while the client is still connected');
  });

  it("refuses a viewer's changes while the viewer still reads the article", async () => {
    await start();
    const editor = await addDeskUser(server!.storage, 'Lena Kowalczyk', 'editor');
    const viewer = await addDeskUser(server!.storage, 'Mara Engel', 'viewer');
    const e = connect(editor.token, articleDocName('a4'));
    await e.synced;
    e.doc.getText('body').insert(0, 'Original lead.');
    const v = connect(viewer.token, articleDocName('a4'));
    await v.synced;
    expect(v.scope()).toBe('readonly');
    await eventually(() => text(v) === 'Original lead.', 'the viewer reads the article');

    v.doc.getText('body').insert(0, 'VIEWER WAS HERE ');
    // A later edit by the editor reaching the viewer shows the server has handled the viewer's message.
    e.doc.getText('body').insert(text(e).length, ' More.');
    await eventually(() => text(v).endsWith(' More.'), "the editor's later edit reaches the viewer");
    expect(text(e)).toBe('Original lead. More.');
    for (const c of clients.splice(0)) c.destroy();
    await server!.stop();
    server = await startDeskServer({ storage });
    const state = await server.storage.fetchDocument(articleDocName('a4'));
    const stored = new Y.Doc();
    Y.applyUpdate(stored, state!);
    expect(stored.getText('body').toString()).toBe('Original lead. More.');
  });

  it('refuses a wrong, a missing and a revoked token with a reason and sends no document data', async () => {
    await start();
    const editor = await addDeskUser(server!.storage, 'Lena Kowalczyk');
    const leaving = await addDeskUser(server!.storage, 'Tim Okafor', 'checker');
    const e = connect(editor.token, articleDocName('a5'));
    await e.synced;
    e.doc.getText('body').insert(0, 'Secret transfer fee: €5m.');
    await eventually(() => !e.provider.hasUnsyncedChanges, 'the server has the text');
    await revokeDeskUser(server!.storage, 'Tim Okafor');

    const wrong = connect('fdk_not-a-token', articleDocName('a5'));
    const missing = connect('', articleDocName('a5'));
    const revoked = connect(leaving.token, articleDocName('a5'));
    expect(await wrong.refused).toBe(DESK_REFUSAL.badToken);
    expect(await missing.refused).toBe(DESK_REFUSAL.noToken);
    expect(await revoked.refused).toBe(DESK_REFUSAL.badToken);
    expect(logs).toContain('Lena Kowalczyk (editor) opened article/a5');
    expect(logs.filter((l) => l.startsWith('refused ') && l.endsWith(DESK_REFUSAL.badToken))).toHaveLength(2);
    for (const refused of [wrong, missing, revoked]) {
      // Not one Yjs update reached them: their documents hold no client's changes at all.
      expect(refused.doc.store.clients.size).toBe(0);
      expect(text(refused)).toBe('');
    }
  });

  it('closes the open connection of a user revoked while connected', async () => {
    await start();
    const editor = await addDeskUser(server!.storage, 'Lena Kowalczyk');
    const leaving = await addDeskUser(server!.storage, 'Tim Okafor', 'checker');
    const e = connect(editor.token, articleDocName('a6'));
    const t = connect(leaving.token, articleDocName('a6'));
    await Promise.all([e.synced, t.synced]);
    await revokeDeskUser(server!.storage, 'Tim Okafor');
    expect(await t.closed).toBe(DESK_REFUSAL.badToken);
    e.doc.getText('body').insert(0, 'After the revocation.');
    await eventually(() => !e.provider.hasUnsyncedChanges, 'the editor keeps working');
    // A fresh editor connection sees the text arrive; the revoked one never does.
    const witness = connect(editor.token, articleDocName('a6'));
    await eventually(() => text(witness) === 'After the revocation.', 'the edit is on the server');
    expect(text(t)).toBe('');
  });

  it('listens on loopback only unless told otherwise', async () => {
    await start();
    expect(server!.host).toBe('127.0.0.1');
    const viaIpv6 = await fetch(`http://[::1]:${server!.port}/`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(viaIpv6).toBe('refused');
  });

  it('refuses names that are not desk documents, even with a valid token', async () => {
    await start();
    const { token } = await addDeskUser(server!.storage, 'Lena Kowalczyk');
    const odd = connect(token, '../../etc/passwd');
    expect(await odd.refused).toBe(DESK_REFUSAL.badDocument);
  });

  it('stores a source file once by its SHA-256, serves it to another member and refuses a corrupt upload', async () => {
    await start({ maxFileBytes: 4096 });
    const checker = await addDeskUser(server!.storage, 'Jonas Brehm', 'checker');
    const editor = await addDeskUser(server!.storage, 'Lena Kowalczyk', 'editor');
    const viewer = await addDeskUser(server!.storage, 'Mara Engel', 'viewer');
    const pdf = new TextEncoder().encode('%PDF-1.7 press release: SV Rotheide signs Lena Kowalczyk');
    const hash = sha256Hex(pdf);
    const fileUrl = `${server!.httpUrl}${DESK_FILES_PATH}${hash}`;
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });

    const corrupt = new Uint8Array(pdf);
    corrupt[3] ^= 0xff;
    const refused = await fetch(fileUrl, { method: 'PUT', headers: as(checker.token), body: corrupt });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatch(/does not match its SHA-256/);
    expect((await fetch(fileUrl, { headers: as(editor.token) })).status).toBe(404);

    const put = await fetch(fileUrl, { method: 'PUT', headers: as(checker.token), body: pdf });
    expect(put.status).toBe(201);
    const got = await fetch(fileUrl, { headers: as(editor.token) });
    expect(got.status).toBe(200);
    const bytes = new Uint8Array(await got.arrayBuffer());
    expect(sha256Hex(bytes)).toBe(hash);
    expect((await server!.storage.listFiles()).map((f) => [f.sha256, f.uploadedBy])).toEqual([
      [hash, 'Jonas Brehm'],
    ]);

    expect((await fetch(fileUrl, { method: 'PUT', headers: as(viewer.token), body: pdf })).status).toBe(403);
    expect((await fetch(fileUrl, { headers: as(viewer.token) })).status).toBe(200);
    const big = new Uint8Array(5000);
    const tooBig = await fetch(`${server!.httpUrl}${DESK_FILES_PATH}${sha256Hex(big)}`, {
      method: 'PUT',
      headers: as(checker.token),
      body: big,
    });
    expect(tooBig.status).toBe(413);
  });

  it('tells a token its user, and answers HTTP requests without a valid token with 401 and nothing else', async () => {
    await start();
    const { token } = await addDeskUser(server!.storage, 'Lena Kowalczyk');
    const a = connect(token, articleDocName('a7'));
    await a.synced;
    a.doc.getText('body').insert(0, 'Nothing to see.');
    await eventually(() => !a.provider.hasUnsyncedChanges, 'stored');
    const whoami = await fetch(server!.httpUrl + DESK_WHOAMI_PATH, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await whoami.json()).toEqual({ ok: true, user: { name: 'Lena Kowalczyk', role: 'editor' } });
    for (const path of ['/', '/files/' + '0'.repeat(64), '/article/a7', DESK_WHOAMI_PATH]) {
      const noToken = await fetch(server!.httpUrl + path);
      expect(noToken.status).toBe(401);
      const body = await noToken.text();
      expect(body).not.toContain('a7');
      expect(JSON.parse(body).error).toBe(DESK_REFUSAL.noToken);
      const wrong = await fetch(server!.httpUrl + path, { headers: { Authorization: 'Bearer fdk_wrong' } });
      expect(wrong.status).toBe(401);
      expect((await wrong.json()).error).toBe(DESK_REFUSAL.badToken);
    }
  });
});
