import { UserError } from '../../shared/result';

/**
 * Failures of the disk under the store, in words a writer can act on. They come back as the
 * `storage` code, which the editor retries by itself (the text stays on screen meanwhile), so
 * a save goes through as soon as there is space again or the folder is writable again.
 */
export function storageError(err: unknown): UserError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new UserError(
      'storage',
      'the disk is full. Free some space; the text is kept and saved as soon as there is room.',
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new UserError(
      'storage',
      'the data folder is read-only. Make it writable again; the text is kept and saved then.',
    );
  }
  return null;
}
