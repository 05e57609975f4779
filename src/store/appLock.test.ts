import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_LOCK_SUFFIX, appHoldsStore, holdAppLock } from './appLock';

let dir = '';
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const storeFile = () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-applock-'));
  return path.join(dir, 'factdesk.sqlite');
};

describe('app lock', () => {
  it('is seen while held, not after it is released, and not where no app ever ran', () => {
    const file = storeFile();
    expect(appHoldsStore(file)).toBe(false);
    const lock = holdAppLock(file);
    expect(lock).not.toBeNull();
    expect(appHoldsStore(file)).toBe(true);
    // A second app on the same folder finds it held: the first one checked the store already.
    expect(holdAppLock(file)).toBeNull();
    lock!.release();
    expect(appHoldsStore(file)).toBe(false);
    expect(fs.existsSync(`${file}${APP_LOCK_SUFFIX}`)).toBe(true);
  });

  it('is free again when the app holding it is killed', async () => {
    const file = storeFile();
    // A separate process, as the app is: the operating system drops its lock with it.
    const app = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3');
         const l = new D(process.argv[1], { timeout: 0 });
         l.pragma('journal_mode = DELETE');
         l.exec('BEGIN EXCLUSIVE');
         console.log('held');
         setInterval(() => {}, 1000);`,
        `${file}${APP_LOCK_SUFFIX}`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => app.stdout!.once('data', () => resolve()));
    expect(appHoldsStore(file)).toBe(true);
    const exited = new Promise((resolve) => app.once('exit', resolve));
    app.kill('SIGKILL');
    await exited;
    expect(appHoldsStore(file)).toBe(false);
  });
});
