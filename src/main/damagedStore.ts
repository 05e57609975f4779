import { DatabaseDamagedError, restoreOverDamaged } from '../store/backups';

/**
 * Start-up when the quick check finds the store damaged: the shell shows the finding and asks
 * (a dialog in Electron, the terminal for the browser shell) whether to restore the newest good
 * backup. Yes restores it (the damaged file is kept beside the backups) and opens again; no, or
 * no good backup, means the app does not start — it never runs on a damaged store.
 */
export async function openOrOfferRestore<T>(
  dataDir: string,
  open: () => T,
  ask: (damage: DatabaseDamagedError) => Promise<boolean>,
): Promise<{ opened: T } | { refused: DatabaseDamagedError }> {
  try {
    return { opened: open() };
  } catch (err) {
    if (!(err instanceof DatabaseDamagedError)) throw err;
    if (err.newestGood === null || !(await ask(err))) return { refused: err };
    restoreOverDamaged(dataDir, err.newestGood.file);
    return { opened: open() };
  }
}
