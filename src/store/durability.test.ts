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
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, json_quote(?), '') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run('probe', value);

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
