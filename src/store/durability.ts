import type { Db } from './db';

export interface DurabilityTimer {
  /** Syncs now if anything was written since the last sync. */
  flush(): void;
  stop(): void;
}

/**
 * For a database opened with `sync: 'deferred'`; takes over checkpointing from SQLite until
 * stopped. A commit is safe from the app being killed as soon as it returns, and safe from a
 * power cut once the write-ahead log is synced. This syncs it (a passive checkpoint, which with
 * synchronous=NORMAL fsyncs the log first) at most `everyMs` after a write, so a power cut can
 * take no more than that last moment of work, while an autosave never waits for the disk.
 */
export function keepDurable(db: Db, everyMs = 2000): DurabilityTimer {
  // SQLite would otherwise checkpoint inside whichever commit fills the log past 1000 pages:
  // with a 10,000-word article every few autosaves, and that save then takes several times
  // longer. The timer checkpoints instead, between saves.
  db.pragma('wal_autocheckpoint = 0');
  // What a run killed before its first checkpoint left in the log is folded into the database
  // now, at start-up, before the first request: otherwise each such run appends to the log of
  // the last (a kill loop grew it to 1 GB), every start re-reads all of it, and the first
  // checkpoint later stalls a save. TRUNCATE also gives the disk space back.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const changes = db.prepare('SELECT total_changes()').pluck();
  let synced = changes.get() as number;
  const flush = () => {
    if (!db.open) return stop();
    const now = changes.get() as number;
    if (now === synced) return;
    db.pragma('wal_checkpoint(PASSIVE)');
    synced = now;
  };
  const timer = setInterval(flush, everyMs);
  // Never keeps a process alive on its own; closing the database syncs what is left.
  timer.unref();
  function stop() {
    clearInterval(timer);
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  }
  return { flush, stop };
}
