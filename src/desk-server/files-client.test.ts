import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskWhoami, fetchDeskFile, sha256HexOf, uploadDeskFile } from '../shared/desk/files-client';
import { DESK_REFUSAL } from '../shared/desk/names';
import { startDeskServer, type RunningDeskServer } from './server';
import { sha256Hex } from './tokens';
import { addDeskUser } from './users';

/** The app's HTTP client for the desk (src/shared/desk/files-client.ts) against a real desk server. */
describe('the desk file client', () => {
  let dir = '';
  let server: RunningDeskServer;
  let checker = '';
  let editor = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-desk-files-'));
    server = await startDeskServer({ storage: { kind: 'sqlite', file: join(dir, 'desk.sqlite') } });
    checker = (await addDeskUser(server.storage, 'Jonas Brehm', 'checker')).token;
    editor = (await addDeskUser(server.storage, 'Lena Kowalczyk', 'editor')).token;
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hashes like the server does', async () => {
    const bytes = new TextEncoder().encode('Pressemitteilung FC Nordhafen');
    expect(await sha256HexOf(bytes)).toBe(sha256Hex(bytes));
  });

  it('tells who a token belongs to, and why a wrong one is refused', async () => {
    expect(await deskWhoami({ url: server.url, token: checker })).toEqual({
      ok: true,
      value: { name: 'Jonas Brehm', role: 'checker' },
    });
    expect(await deskWhoami({ url: server.url, token: 'fdk_nope' })).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: DESK_REFUSAL.badToken },
    });
  });

  it('uploads a source file once and lets a colleague fetch it, verified', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 SV Rotheide: Vertragsverlängerung bis 2029');
    const up = await uploadDeskFile({ url: server.url, token: checker }, pdf);
    expect(up).toEqual({ ok: true, value: { sha256: sha256Hex(pdf) } });
    const down = await fetchDeskFile({ url: server.url, token: editor }, sha256Hex(pdf));
    expect(down.ok && Array.from(down.value)).toEqual(Array.from(pdf));
  });

  it('refuses a fetched file whose bytes do not match its hash', async () => {
    const claimed = sha256Hex(new TextEncoder().encode('the real statement'));
    // Written past the HTTP check, as a damaged disk or database would.
    await server.storage.putFile(claimed, new TextEncoder().encode('something else'), 'Jonas Brehm');
    const got = await fetchDeskFile({ url: server.url, token: editor }, claimed);
    expect(got.ok).toBe(false);
    expect(!got.ok && got.error.message).toMatch(/does not match its SHA-256/);
  });

  it('says when the file or the server is not there', async () => {
    const missing = await fetchDeskFile({ url: server.url, token: editor }, '0'.repeat(64));
    expect(!missing.ok && missing.error).toEqual({ code: 'not_found', message: 'no such file on this desk' });
    const down = await deskWhoami({ url: 'ws://127.0.0.1:1', token: editor });
    expect(!down.ok && down.error.code).toBe('unavailable');
  });
});
