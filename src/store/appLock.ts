import Database from 'better-sqlite3';
import fs from 'node:fs';

/** The file beside the store whose lock says a running app has the store open (see holdAppLock). */
export const APP_LOCK_SUFFIX = '-app-lock';

export interface AppLock {
  release(): void;
}

const isBusy = (err: unknown) => (err as { code?: string }).code === 'SQLITE_BUSY';

/**
 * Taken by the app (either shell) once its start-up check of the store has passed, and held until
 * it exits: an exclusive transaction on a small SQLite file beside the store, which the operating
 * system drops with the process, so a killed app leaves no stale claim. While it is held, a CLI
 * command can trust that check instead of reading every page again — the app's writes change the
 * log with every autosave, so the CLI's own "unchanged since the last check" shortcut never held
 * while an editor typed, and each command paid a full check (2.7 s on the bench store).
 * `null` when another app on the same folder holds it already: that one checked too.
 */
export function holdAppLock(storeFile: string, nativeBinding?: string): AppLock | null {
  const lock = new Database(`${storeFile}${APP_LOCK_SUFFIX}`, { timeout: 0, nativeBinding });
  try {
    lock.pragma('journal_mode = DELETE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if (isBusy(err)) return null;
    throw err;
  }
  return {
    release() {
      if (!lock.open) return;
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}

/** Whether a running app holds the lock of this store, i.e. checked it at its start and has it open. */
export function appHoldsStore(storeFile: string, nativeBinding?: string): boolean {
  const file = `${storeFile}${APP_LOCK_SUFFIX}`;
  if (!fs.existsSync(file)) return false;
  let probe: Database.Database | null = null;
  try {
    probe = new Database(file, { timeout: 0, fileMustExist: true, nativeBinding });
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    // Anything but "held" (an unreadable leftover, a folder turned read-only): no app vouches.
    return isBusy(err);
  } finally {
    probe?.close();
  }
}
