import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeskAwarenessState } from '../shared/desk/names';
import { mirrorReportMessage } from '../shared/desk/mirror-report';
import { awarenessProblem, SocketGuard } from './frame-guard';
import { startDeskServer, type RunningDeskServer } from './server';
import { connectTestClient, eventually, type TestDeskClient } from './testing/client';
import { auth, awarenessFrame } from './testing/frames';
import { newDeskToken, tokenHash } from './tokens';
import { addDeskUser } from './users';

const INDEX = 'index/articles';
const present = (user: DeskAwarenessState['user'], articleId?: string): DeskAwarenessState => ({
  user,
  ...(articleId ? { articleId } : {}),
});
const lenaUser = { name: 'Lena Kowalczyk', color: 'hsl(10 70% 40%)', role: 'editor' } as const;

describe('awarenessProblem', () => {
  const lena = { name: 'Lena Kowalczyk', role: 'editor' } as const;
  const forged = JSON.stringify(present({ ...lenaUser, name: 'Jonas Brehm' }));

  it("checks a state that would change the server's awareness, not one it would ignore", () => {
    const known = { meta: new Map([[7, { clock: 4 }]]), states: new Map([[7, {}]]) };
    // Jonas's own state (client 7, clock 4) sent back by Lena's provider: y-protocols ignores it.
    expect(awarenessProblem([{ clientId: 7, clock: 4, state: forged }], lena, known)).toBeNull();
    expect(awarenessProblem([{ clientId: 7, clock: 5, state: forged }], lena, known)).toMatch(
      /^an awareness state under another name \("Jonas Brehm" in "user.name"\)$/,
    );
    expect(awarenessProblem([{ clientId: 8, clock: 1, state: forged }], lena, known)).not.toBeNull();
    expect(awarenessProblem([{ clientId: 8, clock: 1, state: forged }], lena, undefined)).not.toBeNull();
    expect(awarenessProblem([{ clientId: 7, clock: 9, state: 'null' }], lena, known)).toBeNull();
  });

  it("refuses a member's own state put into another member's client, not into one of their own", () => {
    const own = JSON.stringify(present(lenaUser));
    const known = {
      meta: new Map([[7, { clock: 4 }]]),
      states: new Map([[7, {}]]),
      ownerOf: (id: number) => (id === 7 ? 'Jonas Brehm' : id === 8 ? 'Lena Kowalczyk' : null),
    };
    expect(awarenessProblem([{ clientId: 7, clock: 5, state: own }], lena, known)).toBe(
      'an awareness state for a client of another member ("Jonas Brehm")',
    );
    expect(awarenessProblem([{ clientId: 8, clock: 5, state: own }], lena, known)).toBeNull();
    expect(awarenessProblem([{ clientId: 9, clock: 1, state: own }], lena, known)).toBeNull();
  });

  it('judges an awareness update queued before its Auth was answered once the user is known', () => {
    const guard = new SocketGuard('127.0.0.1');
    expect(guard.admit(auth(INDEX, 'fdk_token'), true)).toEqual({});
    const frame = awarenessFrame(INDEX, [{ clientId: 3, clock: 1, state: JSON.parse(forged) }]);
    expect(guard.admit(frame, true)).toEqual({ again: true });
    guard.authenticated(INDEX, lena, false);
    expect(guard.admit(frame, true).close).toBe(
      'an awareness state under another name ("Jonas Brehm" in "user.name") (document "index/articles")',
    );
  });
});

/** A real desk server and real providers: what one member announces is what the others see. */
describe('the desk server checks presence against the token', () => {
  let dir = '';
  let server: RunningDeskServer;
  let logs: string[] = [];
  let lenaToken = '';
  let jonasToken = '';
  const clients: TestDeskClient[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-presence-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    logs = [];
    server = await startDeskServer({
      storage: { kind: 'sqlite', file: join(dir, `desk-${Date.now()}-${Math.random()}.sqlite`) },
      changeLog: { everyMs: 0 },
      log: (line) => logs.push(line),
    });
    lenaToken = (await addDeskUser(server.storage, 'Lena Kowalczyk', 'editor')).token;
    jonasToken = (await addDeskUser(server.storage, 'Jonas Brehm', 'checker')).token;
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate();
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  async function join_(token: string): Promise<TestDeskClient> {
    const client = connectTestClient({ url: server.url, token, documentName: INDEX });
    clients.push(client);
    await client.synced;
    return client;
  }
  /** The names (user.name) of the other clients' states a client sees. */
  const seenBy = (client: TestDeskClient) =>
    [...client.provider.awareness!.getStates()]
      .filter(([id]) => id !== client.doc.clientID)
      .map(([, state]) => (state as Partial<DeskAwarenessState>).user?.name);
  const hasLog = (text: string) =>
    eventually(() => logs.some((l) => l.includes(text)), `log "${text}" in ${JSON.stringify(logs)}`);

  it("shows an honest member's presence to the other, also after a reconnect and the echoes", async () => {
    const jonas = await join_(jonasToken);
    const lena = await join_(lenaToken);
    lena.provider.awareness!.setLocalState(present(lenaUser, 'a1'));
    await eventually(() => seenBy(jonas).includes('Lena Kowalczyk'), "Lena's presence at Jonas");
    // Jonas's provider sends Lena's state back with his own change; that is no forgery.
    jonas.provider.awareness!.setLocalState(
      present({ name: 'Jonas Brehm', color: 'hsl(200 70% 40%)', role: 'checker' }),
    );
    await eventually(() => seenBy(lena).includes('Jonas Brehm'), "Jonas's presence at Lena");
    // The connection drops (as on a flaky network); the provider reconnects by itself.
    lena.provider.configuration.websocketProvider.webSocket!.close();
    await hasLog('Lena Kowalczyk left index/articles');
    await eventually(
      () => logs.filter((l) => l.startsWith('Lena Kowalczyk (editor) opened')).length === 2,
      'back',
    );
    lena.provider.awareness!.setLocalState(present(lenaUser, 'a2'));
    await eventually(
      () =>
        [...jonas.provider.awareness!.getStates().values()].some(
          (s) => (s as DeskAwarenessState).articleId === 'a2',
        ),
      "Lena's new article at Jonas",
    );
    expect(logs.filter((l) => l.startsWith('closed the connection'))).toEqual([]);
  });

  it('closes the connection of a member who announces another name, and nobody sees it', async () => {
    const jonas = await join_(jonasToken);
    const mallory = await join_(lenaToken);
    mallory.provider.awareness!.setLocalState(present({ ...lenaUser, name: 'Jonas Brehm' }, 'a1'));
    await hasLog(
      'closed the connection of Lena Kowalczyk at 127.0.0.1: it sent an awareness state under another name ("Jonas Brehm" in "user.name") (document "index/articles")',
    );
    // An honest member's presence after the refusal reaches Jonas after anything relayed before.
    const ida = await join_((await addDeskUser(server.storage, 'Ida Sommer', 'viewer')).token);
    ida.provider.awareness!.setLocalState(present({ name: 'Ida Sommer', color: '#335577', role: 'viewer' }));
    await eventually(() => seenBy(jonas).includes('Ida Sommer'), "Ida's presence at Jonas");
    expect(seenBy(jonas)).not.toContain('Jonas Brehm');
    expect(seenBy(jonas)).not.toContain('Lena Kowalczyk');
  });

  it("closes the connection of a member who takes over another member's caret", async () => {
    const jonas = await join_(jonasToken);
    jonas.provider.awareness!.setLocalState(
      present({ name: 'Jonas Brehm', color: 'hsl(200 70% 40%)', role: 'checker' }),
    );
    const lena = await join_(lenaToken);
    await eventually(() => seenBy(lena).includes('Jonas Brehm'), "Jonas's presence at Lena");
    const socket = new WebSocket(server.url);
    sockets.push(socket);
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(auth(INDEX, lenaToken));
    socket.send(
      awarenessFrame(INDEX, [{ clientId: jonas.doc.clientID, clock: 99, state: present(lenaUser) }]),
    );
    await hasLog('it sent an awareness state for a client of another member ("Jonas Brehm")');
    expect(jonas.provider.awareness!.getLocalState()).toMatchObject({ user: { name: 'Jonas Brehm' } });
    expect(seenBy(lena)).toEqual(['Jonas Brehm']);
  });

  it('judges an awareness update sent right after the Auth, before the answer', async () => {
    const socket = new WebSocket(server.url);
    sockets.push(socket);
    let code: number | null = null;
    socket.on('close', (c) => (code = c));
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(auth(INDEX, lenaToken));
    socket.send(
      awarenessFrame(INDEX, [
        { clientId: 99, clock: 1, state: present({ ...lenaUser, name: 'Chefredaktion' }) },
      ]),
    );
    await hasLog('it sent an awareness state under another name ("Chefredaktion" in "user.name")');
    await eventually(() => code === 1007, 'closed with 1007');
  });

  it('takes the presence of a user stored before names were normalised, in either spelling', async () => {
    // "José Pérez" as a Mac types it: e + combining acute accent.
    const token = newDeskToken();
    await server.storage.addUser('Jose\u0301 Pe\u0301rez', 'editor', tokenHash(token));
    const jonas = await join_(jonasToken);
    const jose = await join_(token);
    expect((await jose.user).name).toBe('José Pérez');
    jose.provider.awareness!.setLocalState(present({ name: 'José Pérez', color: '#123456', role: 'editor' }));
    await eventually(() => seenBy(jonas).includes('José Pérez'), "José's presence at Jonas");
    jose.provider.awareness!.setLocalState(
      present({ name: 'Jose\u0301 Pe\u0301rez', color: '#123456', role: 'editor' }, 'a1'),
    );
    await eventually(
      () =>
        [...jonas.provider.awareness!.getStates().values()].some(
          (s) => (s as DeskAwarenessState).articleId === 'a1',
        ),
      'the old spelling is the same user',
    );
    expect(logs.filter((l) => l.startsWith('closed the connection'))).toEqual([]);
  });

  it('keeps the change-log member of a user stored before normalisation his (not taken for revoked)', async () => {
    const token = newDeskToken();
    await server.storage.addUser('Jose\u0301 Pe\u0301rez', 'editor', tokenHash(token));
    const jose = connectTestClient({ url: server.url, token, documentName: 'facts/deal/1' });
    clients.push(jose);
    await jose.synced;
    jose.provider.sendStateless(mirrorReportMessage('3f2a9c1e-0000-4000-8000-000000000001', null));
    await eventually(async () => {
      await server.pruneChangeLogs();
      return (await server.storage.listMembers()).length === 1;
    }, 'the report stored');
    expect(await server.storage.listMembers()).toMatchObject([
      { user: 'Jose\u0301 Pe\u0301rez', revoked: false },
    ]);
  });
});
