import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdAppLock } from '../store/appLock';
import { DATABASE_FILE } from '../store/db';
import { writeSettings } from '../store/settings';
import { openStore } from './runtime';

let dir = '';
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the start-up check of a CLI command', () => {
  it('relies on a running app’s check while the app holds the store, and checks for itself once the app is gone', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-runtime-'));
    const file = path.join(dir, DATABASE_FILE);
    // What a check leaves behind: the file's size and time, which a later check rewrites.
    const marker = () => fs.readFileSync(`${file}-checked`, 'utf8');

    // The app's start: its check passes, then it vouches for the store until it exits.
    const app = openStore({ dataDir: dir, deferSync: true });
    const lock = holdAppLock(file)!;
    // Then it autosaves: the log changes, so the CLI's "unchanged since the last check" no longer holds.
    writeSettings(app, { userName: 'Lena Kowalczyk' });
    const afterAppCheck = marker();

    openStore({ dataDir: dir }).close();
    expect(marker()).toBe(afterAppCheck);

    // The app has exited (its lock is gone): the command checks the file for itself.
    lock.release();
    writeSettings(app, { userName: 'Jonas Brehm' });
    openStore({ dataDir: dir }).close();
    expect(marker()).not.toBe(afterAppCheck);
    app.close();
  });
});
