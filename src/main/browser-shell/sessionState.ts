import fs from 'node:fs';
import path from 'node:path';
import { newSecret } from './server';

/**
 * What the browser shell keeps between runs for one data folder: the port it last listened on
 * and the session secret an open tab's cookie carries. With both back after a restart, a tab
 * that outlived the server goes on saving. Only the user can read the file, and the secret
 * never appears on a command line or in a log.
 */
export interface BrowserShellState {
  port: number;
  secret: string;
}

export const STATE_FILE = 'browser-shell.json';

function parse(text: string): BrowserShellState | null {
  try {
    const value = JSON.parse(text) as Partial<BrowserShellState>;
    const portOk =
      Number.isInteger(value.port) && (value.port as number) > 0 && (value.port as number) < 65536;
    const secretOk = typeof value.secret === 'string' && /^[0-9a-f]{64}$/.test(value.secret);
    return portOk && secretOk ? { port: value.port as number, secret: value.secret as string } : null;
  } catch {
    return null;
  }
}

/** The stored state, or a fresh secret (port 0: any free one) when there is none or it is unreadable. */
export function readShellState(dataDir: string): BrowserShellState {
  const file = path.join(dataDir, STATE_FILE);
  const stored = fs.existsSync(file) ? parse(fs.readFileSync(file, 'utf8')) : null;
  return stored ?? { port: 0, secret: newSecret() };
}

export function writeShellState(dataDir: string, state: BrowserShellState): void {
  const file = path.join(dataDir, STATE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (err) {
    // A read-only or full data folder: the shell still serves; a restart may then get a new port.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EROFS' && code !== 'ENOSPC' && code !== 'EACCES') throw err;
  }
}
