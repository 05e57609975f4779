import { englishSentence, type ErrorText } from '../../shared/errorText';

export type ImportErrorCode = 'EMPTY' | 'UNSUPPORTED' | 'CORRUPT' | 'BINARY' | 'TOO_LARGE' | 'UNREADABLE';

/**
 * Why a file could not be imported; the message names the file and the problem. Given as an
 * ErrorText, the problem can be shown in the writer's language (`reason`); `problem` is its
 * English sentence.
 */
export class ImportError extends Error {
  readonly problem: string;
  readonly reason?: ErrorText;
  constructor(
    readonly code: ImportErrorCode,
    readonly fileName: string,
    problem: string | ErrorText,
    options?: { cause?: unknown },
  ) {
    const english = typeof problem === 'string' ? problem : englishSentence(problem);
    super(`Cannot import "${fileName}": ${english}`, options);
    this.name = 'ImportError';
    this.problem = english;
    if (typeof problem !== 'string') this.reason = problem;
  }
}
