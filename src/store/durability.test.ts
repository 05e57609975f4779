import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from './db';
import { keepDurable } from './durability';

const dirs: string[] = [];
function open(sync?: 'each-commit' | 'deferred'): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-durable-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'test.sqlite'), { sync });
}
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Frames in the write-ahead log that are not yet in the database file (a passive checkpoint that moves nothing reports them). */
function pendingFrames(db: Db): number {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  return row.log - row.checkpointed;
}

const write = (db: Db, value: string) =>
  db
    .prepare(
      "INSERT INTO settings (key, value, updated_at) VALUES (?, json_quote(?), '') ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .run('probe', value);

describe('sync modes', () => {
  it('syncs each commit by default and leaves syncing to checkpoints when deferred', () => {
    const full = open();
    const deferred = open('deferred');
    expect(full.pragma('synchronous', { simple: true })).toBe(2);
    expect(deferred.pragma('synchronous', { simple: true })).toBe(1);
    full.close();
    deferred.close();
  });
});

describe('keepDurable', () => {
  it('checkpoints the log a moment after a write, and not again while nothing changes', () => {
    vi.useFakeTimers();
    const db = open('deferred');
    const timer = keepDurable(db, 1000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    write(db, 'a');
    const spy = vi.spyOn(db, 'pragma');
    vi.advanceTimersByTime(1000);
    expect(spy.mock.calls.map((c) => c[0])).toEqual(['wal_checkpoint(PASSIVE)']);
    spy.mockClear();
    vi.advanceTimersByTime(5000);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(pendingFrames(db)).toBe(0);

    write(db, 'b');
    timer.flush();
    expect(pendingFrames(db)).toBe(0);
    timer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });

  it('stops by itself once the database is closed', () => {
    vi.useFakeTimers();
    const db = open('deferred');
    keepDurable(db, 1000);
    write(db, 'a');
    db.close();
    expect(() => vi.advanceTimersByTime(3000)).not.toThrow();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('write-ahead log bound', () => {
  /**
   * A kill leaves the database and its log as they are on disk; copying both while the
   * connection is still open is exactly that state, and the copy is where the next run starts.
   */
  function killAndRestart(from: string, to: string): void {
    fs.mkdirSync(to, { recursive: true });
    for (const suffix of ['', '-wal'])
      fs.copyFileSync(path.join(from, 'test.sqlite') + suffix, path.join(to, 'test.sqlite') + suffix);
  }

  it('does not grow across runs killed before their first checkpoint, and keeps every write', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-walloop-'));
    dirs.push(root);
    const rowsPerRun = 400;
    const runs = 6;
    const walSizes: number[] = [];
    for (let run = 0; run < runs; run++) {
      const dir = path.join(root, String(run));
      const db = openDatabase(path.join(dir, 'test.sqlite'), { sync: 'deferred' });
      const timer = keepDurable(db, 60_000);
      db.exec('CREATE TABLE IF NOT EXISTS burst (run INTEGER, n INTEGER, text TEXT)');
      const insert = db.prepare('INSERT INTO burst (run, n, text) VALUES (?, ?, ?)');
      for (let n = 0; n < rowsPerRun; n++) insert.run(run, n, 'Lena Kowalczyk traf zweimal. '.repeat(40));
      walSizes.push(fs.statSync(path.join(dir, 'test.sqlite-wal')).size);
      // Killed here: the next run starts from the files as they are now. This connection's own close would checkpoint.
      killAndRestart(dir, path.join(root, String(run + 1)));
      timer.stop();
      db.close();
    }
    // Each run's log holds that run's writes only, not all the runs' before it.
    expect(Math.max(...walSizes)).toBeLessThan(walSizes[0] * 1.5);
    const last = openDatabase(path.join(root, String(runs), 'test.sqlite'));
    expect(last.prepare('SELECT COUNT(*) FROM burst').pluck().get()).toBe(rowsPerRun * runs);
    expect(last.pragma('journal_size_limit', { simple: true })).toBe(64 * 1024 * 1024);
    last.close();
  });
});
