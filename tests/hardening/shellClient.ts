import http from 'node:http';
import { startShell, type RunningShell } from '../../e2e/harness';

// The raw HTTP client does not know each channel's result type; the crash loop reads the fields it asked for.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ChannelValue = any;

/** A running browser-shell process and a client for its contract, as the open tab would call it. */
export interface ShellSession {
  shell: RunningShell;
  call(
    channel: string,
    input: unknown,
  ): Promise<{ ok: boolean; value?: ChannelValue; error?: { code: string; message: string } }>;
}

function request(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Starts the built browser shell on a data folder and exchanges its launch token for the session cookie. */
export async function openShellSession(dataDir: string): Promise<ShellSession> {
  const shell = await startShell(dataDir);
  const launch = await request(new URL(shell.launchUrl), 'GET', {});
  const cookie = (launch.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error(`The browser shell gave no session cookie (HTTP ${launch.status}).`);
  const origin = shell.url.replace(/\/$/, '');
  return {
    shell,
    async call(channel, input) {
      const res = await request(
        new URL(`${origin}/api/${channel}`),
        'POST',
        { cookie, origin, 'content-type': 'application/json' },
        JSON.stringify(input ?? {}),
      );
      return JSON.parse(res.body);
    },
  };
}
