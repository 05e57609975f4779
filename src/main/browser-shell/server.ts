import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch, type HandlerContext } from '../handlers';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../csp';
import { deskOrigin } from '../../store/desk-config';
import { fail } from '../../shared/result';
import { SHELL_EVENTS_PATH as EVENTS_PATH } from '../../shared/contract';
import type { ShellEventHub } from '../shell-events';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** Vite's output names: assets/<name>-<8-character content hash>.<ext>. */
const HASHED_ASSET = /^assets\/[\w.-]+-[\w-]{8}\.(?:js|css|woff2|svg|png)$/;

const MAX_BODY = 64 * 1024 * 1024;
/** Long enough for a browser to start and follow the link, short enough that a copied link is worthless. */
const LAUNCH_TOKEN_TTL_MS = 2 * 60 * 1000;
/**
 * How long an idle keep-alive connection stays open. Node's default of 5 s closed sockets the
 * browser still counted as reusable (Chromium keeps a used one for up to 5 minutes): a call sent
 * on one just as the server closed it failed with a reset. Past the browser's own limit, the
 * browser is always the side that lets go. Loopback only, so an idle socket costs nothing.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 310_000;

export interface BrowserShellOptions {
  ctx: HandlerContext;
  /** Folder with the built renderer (out/renderer). */
  rendererDir: string;
  /** Port to try first; when it is taken (or 0) any free port is used. */
  port?: number;
  /**
   * The secret the session cookie carries. The caller keeps it across restarts (in the data
   * folder, never on a command line) so an open tab goes on saving once the server is back.
   */
  sessionSecret?: string;
  /** Fixed launch token for tests; a random one otherwise. */
  launchToken?: string;
  /** How long the launch token may be exchanged (once). */
  launchTokenTtlMs?: number;
  now?: () => number;
  /** Pushes to the open pages (GET /events, a server-sent event stream). */
  events?: ShellEventHub;
}

export interface BrowserShell {
  url: string;
  /** The URL that carries the launch token; opening it once starts a session. */
  launchUrl: string;
  port: number;
  /** The session cookie's name; it names the port because cookies do not, so two data folders never share one. */
  cookieName: string;
  close(): Promise<void>;
}

function securityHeaders(res: http.ServerResponse, csp = CONTENT_SECURITY_POLICY): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  securityHeaders(res);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function readCookie(req: http.IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export const newSecret = (): string => crypto.randomBytes(32).toString('hex');

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * The contract over HTTP on 127.0.0.1 for machines without the Electron binary and for e2e.
 * A launch token, valid once and for two minutes, is exchanged for an HttpOnly same-site
 * cookie carrying the session secret, which gates every call; Host and Origin must name this
 * server, so other sites and DNS rebinding get nowhere.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const secret = options.sessionSecret ?? newSecret();
  const now = options.now ?? Date.now;
  let launchToken: string | null = options.launchToken ?? newSecret();
  const launchExpiresAt = now() + (options.launchTokenTtlMs ?? LAUNCH_TOKEN_TTL_MS);
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;
  let cookieName = '';
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const hasSession = (req: http.IncomingMessage) => {
    const cookie = readCookie(req, cookieName);
    return cookie !== null && safeEqual(cookie, secret);
  };

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (!allowedHosts().has(host)) {
        sendJson(res, 421, fail('unauthorized', 'This server only answers requests addressed to itself.'));
        return;
      }
      const url = new URL(req.url ?? '/', `http://${host}`);

      if (url.pathname === EVENTS_PATH) {
        openEventStream(req, res);
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        await handleApi(req, res, url);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, fail('validation', 'Method not allowed.'));
        return;
      }
      const presented = url.searchParams.get('token');
      if (presented !== null) {
        const valid = launchToken !== null && now() <= launchExpiresAt && safeEqual(presented, launchToken);
        if (!valid && !hasSession(req)) {
          sendJson(
            res,
            401,
            fail(
              'unauthorized',
              'This launch link has been used or has expired. Start Factdesk again to get a new one; a tab that already opened it keeps working.',
            ),
          );
          return;
        }
        // Used up at once: a link read from a process list or a history file opens nothing.
        if (valid) launchToken = null;
        securityHeaders(res);
        res.writeHead(303, {
          'Set-Cookie': `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
          Location: '/',
        });
        res.end();
        return;
      }
      serveStatic(res, url.pathname);
    } catch (err) {
      console.error('[browser-shell] request failed', err);
      if (!res.headersSent) sendJson(res, 500, fail('internal', { key: 'serverFailed' }));
      else res.end();
    }
  });

  /**
   * The shell's pushes as server-sent events, gated like the API (the session cookie, this
   * origin). Names only (`event: facts-changed`); the page asks again through the contract.
   */
  function openEventStream(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!hasSession(req)) {
      sendJson(res, 401, fail('unauthorized', { key: 'sessionToken' }));
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      sendJson(res, 403, fail('unauthorized', 'Calls from other origins are refused.'));
      return;
    }
    if (req.method !== 'GET') {
      sendJson(res, 405, fail('validation', 'The event stream is read with GET.'));
      return;
    }
    securityHeaders(res);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    // The first line tells EventSource the stream is open (and how soon to come back after a restart).
    res.write('retry: 1000\n\n');
    const unsubscribe =
      options.events?.subscribe((event) => res.write(`event: ${event}\ndata: {}\n\n`)) ?? (() => undefined);
    req.on('close', unsubscribe);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const cookie = readCookie(req, cookieName);
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? null;
    const presented = cookie ?? bearer;
    if (!presented || !safeEqual(presented, secret)) {
      sendJson(res, 401, fail('unauthorized', { key: 'sessionToken' }));
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      sendJson(res, 403, fail('unauthorized', 'Calls from other origins are refused.'));
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, fail('validation', 'Calls must be POST requests.'));
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, fail('validation', 'Calls must send JSON.'));
      return;
    }
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    let input: unknown;
    try {
      const text = await readBody(req);
      input = text.length === 0 ? {} : JSON.parse(text);
    } catch (err) {
      sendJson(
        res,
        400,
        fail('validation', `The call's body is not valid JSON (${(err as Error).message}).`),
      );
      return;
    }
    const result = await dispatch(channel, input, options.ctx);
    sendJson(res, 200, result);
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      securityHeaders(res);
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    // Read per page load: the page may reach the desk configured now, and nothing else.
    securityHeaders(res, contentSecurityPolicy(deskOrigin(options.ctx.db)));
    // A built asset's name carries its content's hash, so a copy never goes stale; the page
    // itself and unhashed files (early-boot.js) are read afresh every time.
    if (HASHED_ASSET.test(relative)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  }

  try {
    await listen(server, options.port ?? 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !options.port) throw err;
    await listen(server, 0);
  }
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Above the keep-alive time, so the wait for a reused socket's next request is never cut short by it.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 10_000;
  server.requestTimeout = Math.max(server.requestTimeout, server.headersTimeout);
  port = (server.address() as { port: number }).port;
  cookieName = `factdesk_session_${port}`;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/`,
    launchUrl: `${base}/?token=${launchToken}`,
    port,
    cookieName,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
