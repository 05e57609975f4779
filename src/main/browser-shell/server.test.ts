import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/db';
import type { HandlerContext } from '../handlers';
import { ShellEventHub } from '../shell-events';
import { startBrowserShell, type BrowserShell } from './server';
import { readShellState, STATE_FILE, writeShellState } from './sessionState';

let shell: BrowserShell;
let ctx: HandlerContext;
let dir: string;
const events = new ShellEventHub();

/** Raw requests so Host and Origin can be forged the way an attacker's page or a rebinding DNS would. */
function request(
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string,
  port = shell.port,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent: false,
        method,
        path: urlPath,
        headers: { host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-shell-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-CB_T1HVa.js'), 'export {};');
  fs.writeFileSync(path.join(rendererDir, 'early-boot.js'), '');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  ctx = {
    db: openDatabase(path.join(dir, 'factdesk.sqlite')),
    dataDir: dir,
    appVersion: 'test',
    os: { userName: 'u', locale: 'en', platform: 'linux' },
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
  };
  shell = await startBrowserShell({
    ctx,
    rendererDir,
    sessionSecret: 'a'.repeat(64),
    launchToken: 'b'.repeat(64),
    events,
  });
});
afterAll(async () => {
  await shell.close();
  ctx.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const json = { 'content-type': 'application/json' };
const session = () => ({ cookie: `${shell.cookieName}=${'a'.repeat(64)}` });

describe('browser shell', () => {
  it('pushes "facts changed" to an open page as a server-sent event, only with the session', async () => {
    expect((await request('GET', '/events')).status).toBe(401);
    expect((await request('GET', '/events', { ...session(), origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect((await request('POST', '/events', session())).status).toBe(405);

    const received = await new Promise<{ type: string | undefined; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: shell.port,
          agent: false,
          path: '/events',
          headers: { host: `127.0.0.1:${shell.port}`, ...session() },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            // The stream is open (its first line arrived): now the desk sync reports facts.
            if (text.startsWith('retry:') && !text.includes('event:')) events.emit('facts-changed');
            if (text.includes('\n\nevent: facts-changed\ndata: {}\n\n')) {
              req.destroy();
              resolve({ type: res.headers['content-type'], text });
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received.type).toMatch(/^text\/event-stream/);
  });

  it('binds to 127.0.0.1 and serves the renderer with the CSP', async () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await request('GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('exchanges the launch token once for an HttpOnly same-site cookie carrying the session secret', async () => {
    const res = await request('GET', `/?token=${'b'.repeat(64)}`);
    expect(res.status).toBe(303);
    expect(res.headers['set-cookie']?.[0]).toBe(
      `${shell.cookieName}=${'a'.repeat(64)}; HttpOnly; SameSite=Strict; Path=/`,
    );
    // A second use (a link read from a process list or a shell history) opens nothing.
    const again = await request('GET', `/?token=${'b'.repeat(64)}`);
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body).error.message).toMatch(/used or has expired/);
    // The tab that already has the session may follow the link again.
    const sameTab = await request('GET', `/?token=${'b'.repeat(64)}`, session());
    expect(sameTab.status).toBe(303);
  });

  it('refuses the session secret as a launch token', async () => {
    const res = await request('GET', `/?token=${'a'.repeat(64)}`);
    expect(res.status).toBe(401);
  });

  it('refuses calls without the token', async () => {
    const res = await request('POST', '/api/app:info', json, '{}');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('unauthorized');
  });

  it('answers calls with the session cookie', async () => {
    const res = await request('POST', '/api/app:info', { ...json, ...session() }, '{}');
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Factdesk' } });
  });

  it('refuses another origin even with the cookie', async () => {
    const res = await request(
      'POST',
      '/api/settings:update',
      { ...json, ...session(), origin: 'http://evil.example' },
      '{"theme":"dark"}',
    );
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await request('GET', '/', { host: 'evil.example:80' });
    expect(res.status).toBe(421);
  });

  it('refuses non-JSON bodies and malformed JSON with a message', async () => {
    const form = await request('POST', '/api/app:info', { ...session(), 'content-type': 'text/plain' }, '{}');
    expect(form.status).toBe(415);
    const broken = await request('POST', '/api/app:info', { ...json, ...session() }, '{"oops"');
    expect(JSON.parse(broken.body).error.message).toMatch(/not valid JSON/);
  });

  it('lets the browser keep hashed assets, never the page or an unhashed script', async () => {
    const asset = await request('GET', '/assets/index-CB_T1HVa.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request('GET', '/')).headers['cache-control']).toBe('no-store');
    expect((await request('GET', '/early-boot.js')).headers['cache-control']).toBe('no-store');
  });

  it("keeps an idle keep-alive connection open past Node's 5 s, so a reused socket is not reset under a call", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean; keepAlive: string | undefined }>((resolve, reject) => {
        const req = http.get(
          {
            host: '127.0.0.1',
            port: shell.port,
            path: '/',
            agent,
            headers: { host: `127.0.0.1:${shell.port}` },
          },
          (res) => {
            res.resume();
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                reused: req.reusedSocket,
                keepAlive: String(res.headers['keep-alive'] ?? ''),
              }),
            );
          },
        );
        req.on('error', reject);
      });
    try {
      const first = await get();
      expect(first.status).toBe(200);
      // The browser learns how long it may reuse the socket; it must outlast Chromium's 300 s.
      expect(Number(/timeout=(\d+)/.exec(first.keepAlive ?? '')?.[1])).toBeGreaterThan(300);
      // Idle past Node's default keep-alive time: the server used to close the socket here.
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      const second = await get();
      expect(second.status).toBe(200);
      expect(second.reused).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await request('GET', '/..%2Fsecret.txt');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside');
  });
});

describe('browser shell across restarts', () => {
  it('refuses a launch token after it expired', async () => {
    let clock = 1_000;
    const short = await startBrowserShell({
      ctx,
      rendererDir: path.join(dir, 'renderer'),
      launchToken: 'c'.repeat(64),
      now: () => clock,
    });
    try {
      clock += 2 * 60 * 1000 + 1;
      const res = await request('GET', `/?token=${'c'.repeat(64)}`, {}, undefined, short.port);
      expect(res.status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('comes back on the same port with the same session, so an open tab can save again', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-shell-state-'));
    try {
      const first = readShellState(dataDir);
      const before = await startBrowserShell({
        ctx,
        rendererDir: path.join(dir, 'renderer'),
        port: first.port,
        sessionSecret: first.secret,
      });
      writeShellState(dataDir, { port: before.port, secret: first.secret });
      const login = await request(
        'GET',
        before.launchUrl.replace(/^http:\/\/[^/]+/, ''),
        {},
        undefined,
        before.port,
      );
      const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0];
      await before.close();

      const again = readShellState(dataDir);
      expect(again).toEqual({ port: before.port, secret: first.secret });
      expect(fs.statSync(path.join(dataDir, STATE_FILE)).mode & 0o077).toBe(0);
      const after = await startBrowserShell({
        ctx,
        rendererDir: path.join(dir, 'renderer'),
        port: again.port,
        sessionSecret: again.secret,
      });
      try {
        expect(after.port).toBe(before.port);
        const res = await request('POST', '/api/app:info', { ...json, cookie }, '{}', after.port);
        expect(JSON.parse(res.body)).toMatchObject({ ok: true });
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('takes another free port when the stored one is taken', async () => {
    const other = await startBrowserShell({ ctx, rendererDir: path.join(dir, 'renderer') });
    try {
      const moved = await startBrowserShell({
        ctx,
        rendererDir: path.join(dir, 'renderer'),
        port: other.port,
      });
      expect(moved.port).not.toBe(other.port);
      await moved.close();
    } finally {
      await other.close();
    }
  });
});
