import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, listBackups } from './backups';
import { keepDailyBackups } from './dailyBackups';
import { DATABASE_FILE, openDatabase, type Db } from './db';
import { writeSettings } from './settings';

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function store(): { db: Db; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-daily-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, DATABASE_FILE), { sync: 'deferred' });
  open.push(db);
  writeSettings(db, { userName: 'Lena Kowalczyk' });
  return { db, dir };
}

const HOUR = 3_600_000;

describe('daily backups while the app runs', () => {
  it('over 60 simulated days looked at twice a day, keeps one a day for 7 days and one a week for 4 weeks', async () => {
    const { db, dir } = store();
    let now = new Date('2026-10-01T08:00:00Z');
    const daily = keepDailyBackups(db, dir, { firstAfterMs: 1e9, everyMs: 1e9, now: () => now });
    try {
      for (let h = 0; h < 24 * 60; h += 12) {
        now = new Date(Date.parse('2026-10-01T08:00:00Z') + h * HOUR);
        await daily.check();
      }
    } finally {
      daily.stop();
    }
    const days = listBackups(dir).map((b) => b.createdAt.slice(0, 10));
    // 23–29 Nov (Monday to Sunday) daily, and the newest of the three weeks before.
    expect(days).toEqual([
      '2026-11-29',
      '2026-11-28',
      '2026-11-27',
      '2026-11-26',
      '2026-11-25',
      '2026-11-24',
      '2026-11-23',
      '2026-11-22',
      '2026-11-15',
      '2026-11-08',
    ]);
  });

  it('goes on backing up daily after a backup was dated in the future by a wrong clock', async () => {
    const { db, dir } = store();
    await createBackup(db, dir, 'manual', new Date('2027-06-01T00:00:00Z'));
    let now = new Date('2026-12-01T09:00:00Z');
    const daily = keepDailyBackups(db, dir, { firstAfterMs: 1e9, everyMs: 1e9, now: () => now });
    try {
      for (let d = 0; d < 3; d++) {
        now = new Date(Date.parse('2026-12-01T09:00:00Z') + d * 24 * HOUR);
        await daily.check();
      }
    } finally {
      daily.stop();
    }
    expect(
      listBackups(dir)
        .filter((b) => b.reason === 'daily')
        .map((b) => b.createdAt.slice(0, 10)),
    ).toEqual(['2026-12-03', '2026-12-02', '2026-12-01']);
  });
});
