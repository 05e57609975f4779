export type ImportErrorCode = 'EMPTY' | 'UNSUPPORTED' | 'CORRUPT' | 'BINARY' | 'TOO_LARGE' | 'UNREADABLE';

/** Why a file could not be imported; the message names the file and the problem. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly fileName: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot import "${fileName}": ${problem}`, options);
    this.name = 'ImportError';
  }
}
