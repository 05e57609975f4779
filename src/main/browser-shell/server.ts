import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch, type HandlerContext } from '../handlers';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../csp';
import { deskOrigin } from '../../store/desk-config';
import { fail } from '../../shared/result';

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

const SESSION_COOKIE = 'factdesk_session';
const MAX_BODY = 64 * 1024 * 1024;

export interface BrowserShellOptions {
  ctx: HandlerContext;
  /** Folder with the built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
}

export interface BrowserShell {
  url: string;
  /** The URL that carries the launch token; opening it starts a session. */
  launchUrl: string;
  token: string;
  port: number;
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

/**
 * The contract over HTTP on 127.0.0.1 for machines without the Electron binary and for e2e.
 * A per-launch token, exchanged once for an HttpOnly same-site cookie, gates every call;
 * Host and Origin must name this server, so other sites and DNS rebinding get nowhere.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const token = options.token ?? crypto.randomBytes(32).toString('hex');
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (!allowedHosts().has(host)) {
        sendJson(res, 421, fail('unauthorized', 'This server only answers requests addressed to itself.'));
        return;
      }
      const url = new URL(req.url ?? '/', `http://${host}`);

      if (url.pathname.startsWith('/api/')) {
        await handleApi(req, res, url);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, fail('validation', 'Method not allowed.'));
        return;
      }
      const launchToken = url.searchParams.get('token');
      if (launchToken !== null) {
        if (!safeEqual(launchToken, token)) {
          sendJson(res, 401, fail('unauthorized', 'The launch token is wrong; use the URL Factdesk printed.'));
          return;
        }
        securityHeaders(res);
        res.writeHead(303, {
          'Set-Cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: '/',
        });
        res.end();
        return;
      }
      serveStatic(res, url.pathname);
    } catch (err) {
      console.error('[browser-shell] request failed', err);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The local server failed to answer.'));
      else res.end();
    }
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const cookie = readCookie(req, SESSION_COOKIE);
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? null;
    const presented = cookie ?? bearer;
    if (!presented || !safeEqual(presented, token)) {
      sendJson(res, 401, fail('unauthorized', 'Missing or wrong session token.'));
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
      sendJson(res, 400, fail('validation', `The call's body is not valid JSON (${(err as Error).message}).`));
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
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/`,
    launchUrl: `${base}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
