import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { whoamiMessage } from '../shared/desk/whoami';
import { readDeskFrame, SocketGuard } from './frame-guard';
import { startDeskServer, type RunningDeskServer } from './server';
import { connectTestClient, eventually, type TestDeskClient } from './testing/client';
import { addDeskUser } from './users';
import { auth, frame, update, writeBytes, writeString } from './testing/frames';

const textUpdate = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

describe('readDeskFrame', () => {
  it('reads the frames the provider sends', () => {
    expect(readDeskFrame(auth('article/a1', 'fdk_x'))).toMatchObject({
      ok: true,
      documentName: 'article/a1',
    });
    expect(readDeskFrame(update('article/a1', textUpdate('Tor')))).toMatchObject({ ok: true, change: true });
    expect(readDeskFrame(frame('article/a1', 5, (o) => writeString(o, '{}')))).toMatchObject({ ok: true });
  });

  it('names what is wrong with a frame that is not one', () => {
    expect(readDeskFrame(Uint8Array.from([255, 255, 255, 255, 255, 1, 2]))).toEqual({
      ok: false,
      documentName: null,
      problem: 'not a Hocuspocus message (no document name)',
    });
    expect(readDeskFrame(update('article/a1', Uint8Array.from([1, 2, 3, 4, 5, 200, 7])))).toMatchObject({
      ok: false,
      documentName: 'article/a1',
      problem: 'a document update Yjs cannot read',
    });
    expect(readDeskFrame(frame('article/a1', 6, (o) => writeString(o, 'x')))).toMatchObject({
      ok: false,
      problem: 'a broadcast to the other members, which clients may not send',
    });
    expect(readDeskFrame(frame('article/a1', 42))).toMatchObject({ problem: 'a message of unknown type 42' });
    expect(
      readDeskFrame(frame('article/a1', 1, (o) => writeBytes(o, Uint8Array.from([1, 5, 1, 3, 65])))),
    ).toMatchObject({
      problem: 'an awareness update that cannot be read',
    });
    expect(readDeskFrame(frame('article/a1', 2))).toMatchObject({ problem: 'a truncated message' });
  });

  it('closes a socket that sends too much for documents it was not let into, not for one it asked for', () => {
    const big = () => update('article/a1', textUpdate('x'.repeat(6000)));
    const stranger = new SocketGuard('127.0.0.1', 10_000);
    expect(stranger.admit(big(), true)).toEqual({});
    expect(stranger.admit(big(), true).close).toBe(
      'more than 10 KB for documents it has not been let into (last "article/a1")',
    );
    // Offline changes follow the Auth before its answer: the provider's pipeline, not counted…
    const member = new SocketGuard('127.0.0.1', 10_000);
    expect(member.admit(auth('article/a1', 'fdk_token'), true)).toEqual({});
    for (let i = 0; i < 5; i++) expect(member.admit(big(), true)).toEqual({});
    member.authenticated('article/a1', { name: 'Lena', role: 'editor' }, false);
    for (let i = 0; i < 5; i++) expect(member.admit(big(), true)).toEqual({});
    // …until the desk refuses the document.
    const refused = new SocketGuard('127.0.0.1', 10_000);
    refused.admit(auth('article/a1', 'fdk_wrong'), true);
    refused.refused('article/a1');
    expect(refused.admit(big(), true)).toEqual({});
    expect(refused.admit(big(), true).close).toMatch(/^more than 10 KB/);
  });
});

/** A real desk server and raw sockets: each bad frame is refused with a log line, nothing of it is kept. */
describe('the desk server refuses malformed frames', () => {
  let dir = '';
  let server: RunningDeskServer;
  let logs: string[] = [];
  let editor = '';
  let viewer = '';
  const sockets: WebSocket[] = [];
  const clients: TestDeskClient[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-frames-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeEach(async () => {
    logs = [];
    server = await startDeskServer({
      storage: { kind: 'sqlite', file: join(dir, `desk-${Date.now()}-${Math.random()}.sqlite`) },
      debounceMs: 0,
      maxDebounceMs: 0,
      maxMessageBytes: 256 * 1024,
      changeLog: { everyMs: 0 },
      log: (line) => logs.push(line),
    });
    editor = (await addDeskUser(server.storage, 'Lena Kowalczyk', 'editor')).token;
    viewer = (await addDeskUser(server.storage, 'Ole Sander', 'viewer')).token;
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate();
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  /** A raw socket that records the close code and the stateless messages it receives. */
  async function raw() {
    const socket = new WebSocket(server.url);
    sockets.push(socket);
    const received: string[] = [];
    let closeCode: number | null = null;
    socket.on('message', (data: Buffer) => received.push(new TextDecoder().decode(data)));
    socket.on('close', (code) => (closeCode = code));
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('open', resolve));
    return { socket, received, closed: () => closeCode };
  }
  async function member(token: string, doc: string) {
    const connection = await raw();
    connection.socket.send(auth(doc, token));
    await eventually(() => connection.received.some((m) => m.includes('desk:user')), 'authenticated');
    return connection;
  }
  const hasLog = (text: string) =>
    eventually(() => logs.some((l) => l.includes(text)), `log "${text}" in ${JSON.stringify(logs)}`);

  it('closes a socket that sends no Hocuspocus message, with one clear line, and keeps serving', async () => {
    const stranger = await raw();
    stranger.socket.send(Uint8Array.from([255, 255, 255, 255, 255, 1, 2]));
    await hasLog('closed the connection of 127.0.0.1: it sent not a Hocuspocus message (no document name)');
    await eventually(() => stranger.closed() === 1007, 'closed with 1007');
    const lena = connectTestClient({ url: server.url, token: editor, documentName: 'article/a1' });
    clients.push(lena);
    await lena.synced;
  });

  it('refuses an update Yjs cannot read without acknowledging or storing it', async () => {
    const lena = await member(editor, 'article/a1');
    lena.socket.send(update('article/a1', textUpdate('Guter Text')));
    await eventually(async () => (await server.storage.fetchDocument('article/a1')) !== null, 'stored');
    const before = await server.storage.fetchDocument('article/a1');
    lena.socket.send(update('article/a1', Uint8Array.from([1, 2, 3, 4, 5, 200, 7])));
    await hasLog(
      'closed the connection of Lena Kowalczyk at 127.0.0.1: it sent a document update Yjs cannot read (document "article/a1")',
    );
    await eventually(() => lena.closed() === 1007, 'closed');
    expect(await server.storage.fetchDocument('article/a1')).toEqual(before);
  });

  it('does not pass a forged desk:user broadcast on to the other members', async () => {
    const ole = await member(viewer, 'article/a1');
    const mallory = await member(editor, 'article/a1');
    mallory.socket.send(
      frame('article/a1', 6, (o) => writeString(o, whoamiMessage({ name: 'Chefredaktion', role: 'editor' }))),
    );
    await hasLog(
      'it sent a broadcast to the other members, which clients may not send (document "article/a1")',
    );
    await eventually(() => mallory.closed() === 1007, 'closed');
    // Lena's change reaches Ole after anything the server relayed before it.
    const lena = await member(editor, 'article/a1');
    lena.socket.send(update('article/a1', textUpdate('Anpfiff')));
    await eventually(() => ole.received.some((m) => m.includes('Anpfiff')), "Lena's change at Ole");
    expect(ole.received.join('\n')).not.toContain('Chefredaktion');
    expect(ole.closed()).toBeNull();
  });

  it("logs a viewer's refused change once and stores nothing of it", async () => {
    const ole = await member(viewer, 'article/a1');
    ole.socket.send(update('article/a1', textUpdate('Ole war hier')));
    ole.socket.send(update('article/a1', textUpdate('noch einmal')));
    await hasLog('refused a change to article/a1 from Ole Sander (viewer, read-only)');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logs.filter((l) => l.startsWith('refused a change'))).toHaveLength(1);
    expect(await server.storage.fetchDocument('article/a1')).toBeNull();
  });

  it('closes a socket that floods documents it has not authenticated, and one over the size limit', async () => {
    const lena = await member(editor, 'article/a1');
    for (let i = 0; i < 40; i++) lena.socket.send(update(`article/other${i}`, new Uint8Array(200 * 1024)));
    await hasLog('for documents it has not been let into');
    const big = await member(editor, 'article/a2');
    big.socket.send(update('article/a2', textUpdate('x'.repeat(300 * 1024))));
    await hasLog(
      'closed the connection of Lena Kowalczyk at 127.0.0.1: it sent a message larger than 256 KB, the limit',
    );
    expect(await server.storage.fetchDocument('article/a2')).toBeNull();
  });

  it('logs a stateless message that is not a mirror report', async () => {
    const lena = await member(editor, 'facts/entity/3');
    lena.socket.send(
      frame('facts/entity/3', 5, (o) => writeString(o, '{"type":"desk:mirrored","member":"x"}')),
    );
    await hasLog('ignored a message from Lena Kowalczyk on facts/entity/3: not a desk:mirrored report');
    expect(await server.storage.listMembers()).toEqual([]);
  });
});
