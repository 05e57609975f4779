import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE, openDatabase } from '../src/store/db';
import { writeSettings } from '../src/store/settings';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BROWSER_SHELL = path.join(ROOT, 'out', 'main', 'browser-shell.js');
export const CLI = path.join(ROOT, 'bin', 'factdesk.js');

/** Debian's Chromium (or another on PATH); Playwright's own download does not work offline. */
export function findChromium(): string | null {
  const candidates = [
    process.env.FACTDESK_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

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
  if (!fs.existsSync(BROWSER_SHELL)) throw new Error('The app is not built: run "npm run build" before the e2e suite.');
  const child = spawn(process.execPath, [BROWSER_SHELL, '--data-dir', dataDir], {
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Browser shell did not start in time.\n${stderr}`)), 15000);
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

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
