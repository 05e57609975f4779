import type { AppError } from '../../shared/result';

/**
 * Failures of the disk under the store, in words a writer can act on, naming the data folder.
 * They come back as the `storage` code, which the editor retries by itself (the text stays on
 * screen meanwhile), so a save goes through as soon as there is space again or the folder is
 * writable again. `storage` carries the problem and folder for the app's own translated words.
 */
export function storageError(err: unknown, folder: string): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return {
      code: 'storage',
      message: `the disk holding the data folder ${folder} is full. Free some space; the text is kept and saved as soon as there is room.`,
      storage: { problem: 'full', folder },
    };
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return {
      code: 'storage',
      message: `the data folder ${folder} is read-only. Make it writable again; the text is kept and saved then.`,
      storage: { problem: 'read-only', folder },
    };
  }
  return null;
}
