import { englishSentence, type ErrorText } from '../../shared/errorText';
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
    return withText({ key: 'storageFull', params: { folder } }, { problem: 'full', folder });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return withText({ key: 'storageReadOnly', params: { folder } }, { problem: 'read-only', folder });
  }
  return null;
}

function withText(text: ErrorText, storage: AppError['storage']): AppError {
  return { code: 'storage', message: englishSentence(text), storage, key: text.key, params: text.params };
}
