import type { Db } from './db';
import { createBackup, listBackups } from './backups';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DailyBackups {
  /** Takes the day's backup now if the newest one is a day old or there is none. */
  check(): Promise<void>;
  stop(): void;
}

/**
 * While the app runs: a backup when the newest one is a day old, looked at once a minute after
 * start (not on the start's path) and then every hour. A failure is logged and tried again at
 * the next look; it never stops the app.
 */
export function keepDailyBackups(
  db: Db,
  dataDir: string,
  options: { firstAfterMs?: number; everyMs?: number; now?: () => Date } = {},
): DailyBackups {
  const now = options.now ?? (() => new Date());
  let running = false;
  const check = async () => {
    if (running || !db.open) return;
    running = true;
    try {
      const at = now();
      // A backup dated after now (the clock was wrong when it was made) would stop daily backups until that date.
      const newest = listBackups(dataDir).find((b) => Date.parse(b.createdAt) <= at.getTime());
      if (!newest || at.getTime() - Date.parse(newest.createdAt) >= DAY_MS)
        await createBackup(db, dataDir, 'daily', at);
    } catch (err) {
      console.error('[backups] the daily backup failed', err);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void check(), options.firstAfterMs ?? 60_000);
  const timer = setInterval(() => void check(), options.everyMs ?? 60 * 60 * 1000);
  first.unref();
  timer.unref();
  return {
    check,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
