import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { addDeskUser, openDeskStorage, revokeDeskUser } from '../src/desk-server';
import { makeDataDir, ROOT, runCli, seedSettings, startShell, type RunningShell } from './harness';

/** One app instance of a desk spec: its own data folder, browser shell and page. */
export interface DeskInstance {
  name: string;
  dataDir: string;
  page: Page;
  shell: RunningShell;
  context: BrowserContext;
  restart(): Promise<void>;
  close(): Promise<void>;
  cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

export async function launchInstance(
  browser: Browser,
  name: string,
  desk: { url: string; token: string } | null,
  settings: { language?: 'de' | 'en' } = {},
): Promise<DeskInstance> {
  const dataDir = makeDataDir();
  seedSettings(dataDir, {
    language: settings.language ?? 'en',
    userName: name,
    ...(desk ? { 'desk.url': desk.url, 'desk.token': desk.token, 'desk.enabled': true } : {}),
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const instance: DeskInstance = {
    name,
    dataDir,
    page,
    context,
    shell: await startShell(dataDir),
    async restart() {
      await instance.shell.stop();
      instance.shell = await startShell(dataDir);
      await page.goto(instance.shell.launchUrl);
    },
    async close() {
      await context.close();
      await instance.shell.stop();
    },
    cli: (args) => runCli([...args, '--data-dir', dataDir]),
  };
  await page.goto(instance.shell.launchUrl);
  return instance;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A desk server process on loopback with SQLite storage, which a spec can stop, kill and restart. */
export interface DeskServerProcess {
  url: string;
  file: string;
  /** The running server's process id (for its memory), or null while stopped. */
  readonly pid: number | null;
  start(): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  addUser(name: string, role: 'editor' | 'checker' | 'viewer'): Promise<string>;
  /** As `desk revoke` does, beside the running server. */
  revokeUser(name: string): Promise<void>;
  /** The server's "closed the connection of …" lines so far (frames its guard refused), over every start. */
  closedConnections(): string[];
}

let bundled: Promise<string> | null = null;

function bundleServer(): Promise<string> {
  bundled ??= (async () => {
    const outfile = path.join(ROOT, 'node_modules', '.cache', 'e2e-desk', 'desk-server-main.mjs');
    await build({
      entryPoints: [path.join(ROOT, 'e2e', 'desk-server-main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'error',
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    });
    return outfile;
  })();
  return bundled;
}

export async function deskServer(): Promise<DeskServerProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-desk-e2e-'));
  const file = path.join(dir, 'desk.sqlite');
  const port = await freePort();
  const main = await bundleServer();
  let child: ChildProcess | null = null;
  const closed: string[] = [];
  const server: DeskServerProcess = {
    url: `ws://127.0.0.1:${port}`,
    file,
    get pid() {
      return child?.pid ?? null;
    },
    async start() {
      const proc = spawn(process.execPath, [main, file, String(port)], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let stderr = '';
      proc.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString();
        closed.push(
          ...d
            .toString()
            .split('\n')
            .filter((l) => l.startsWith('closed the connection')),
        );
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`desk server did not start\n${stderr}`)), 15000);
        let out = '';
        proc.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('FACTDESK_DESK_SERVER')) {
            clearTimeout(timer);
            resolve();
          }
        });
        proc.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`desk server exited with ${code}\n${stderr}`));
        });
      });
    },
    stop(signal: NodeJS.Signals = 'SIGTERM') {
      const proc = child;
      child = null;
      return new Promise<void>((resolve) => {
        if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill(signal);
      });
    },
    async addUser(name, role) {
      // The storage is SQLite in WAL mode: adding a user beside the running server is safe.
      const storage = await openDeskStorage({ kind: 'sqlite', file });
      try {
        return (await addDeskUser(storage, name, role)).token;
      } finally {
        await storage.close();
      }
    },
    closedConnections: () => [...closed],
    async revokeUser(name) {
      const storage = await openDeskStorage({ kind: 'sqlite', file });
      try {
        await revokeDeskUser(storage, name);
      } finally {
        await storage.close();
      }
    },
  };
  return server;
}

export const deskBody = (page: Page) => page.getByRole('textbox', { name: 'Article body' });
export const deskStatus = (page: Page) => page.getByRole('status', { name: 'Status' });

/** Creates an article with a headline and body text, and shares it with the desk. */
export async function createSharedArticle(page: Page, headline: string, text: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: 'New article' })
    .click();
  const field = page.getByRole('textbox', { name: 'Headline' });
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  await field.fill(headline);
  await deskBody(page).click();
  await page.keyboard.type(text);
  await page.getByRole('button', { name: 'Share with desk' }).click();
  await expect(page.getByRole('note', { name: 'Shared article' })).toBeVisible();
}

/** Opens a desk article from the library's desk list. */
export async function openDeskArticle(page: Page, headline: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Desk articles' })
    .getByRole('button', { name: new RegExp(`Open ${headline}`) })
    .click();
  await expect(page.getByRole('note', { name: 'Shared article' })).toBeVisible();
}
