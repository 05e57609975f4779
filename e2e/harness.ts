import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE, openDatabase } from '../src/store/db';
import { CHROMIUM_ARGS, findChromium } from '../src/main/export/pdf';
import { writeSettings } from '../src/store/settings';

/** The checkout: the nearest folder above this file with package.json (also when bundled into node_modules/.cache by a bench). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}
export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const BROWSER_SHELL = path.join(ROOT, 'out', 'main', 'browser-shell.js');
export const CLI = path.join(ROOT, 'bin', 'factdesk.js');

/** Debian's Chromium (or another on PATH, or FACTDESK_CHROMIUM); Playwright's own download does not work offline. */
export function findChromiumPath(): string | null {
  const found = findChromium(process.env.FACTDESK_CHROMIUM || undefined);
  return typeof found === 'string' ? found : null;
}

export const E2E_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--disable-dev-shm-usage'];

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-e2e-'));
}

/** Seeds settings before the app starts so specs do not depend on the machine's locale or user. */
export function seedSettings(dataDir: string, values: Record<string, unknown>): void {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  writeSettings(db, values);
  db.close();
}

export interface RunningShell {
  url: string;
  launchUrl: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startShell(dataDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningShell> {
  if (!fs.existsSync(BROWSER_SHELL))
    throw new Error('The app is not built: run "npm run build" before the e2e suite.');
  const child = spawn(process.execPath, [BROWSER_SHELL, '--data-dir', dataDir], {
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`Browser shell did not start in time.\n${stderr}`)),
      // A start is about a second; the crash loop's restarts replay a large log on a loaded machine.
      60000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /FACTDESK_BROWSER_SHELL (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Browser shell exited with ${code}.\n${stderr}`));
    });
  });
  const url = launchUrl.replace(/\/?\?token=.*$/, '');
  return {
    url,
    launchUrl,
    process: child,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
