import { englishSentence, type ErrorText } from './errorText';

/**
 * Errors cross every process boundary as values, never as thrown exceptions,
 * so the renderer can always show a sentence instead of a stack trace.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unknown_channel'
  | 'unauthorized'
  | 'unavailable'
  /** The disk under the store is full or read-only; worth retrying once that changes. */
  | 'storage'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Field paths or line references the message is about, e.g. ["amount"] or ["line 12"]. */
  fields?: { path: string; message: string }[];
  /** With code `storage`: what is wrong with the disk and which folder, so the app can say it in the writer's language. */
  storage?: StorageProblem;
  /**
   * The same words as a key of the `errors` namespace and its values, for the writer's language
   * (`message` is their English sentence). Read them through `readErrorText`: they crossed a
   * process boundary.
   */
  key?: ErrorText['key'];
  params?: ErrorText['params'];
}

export interface StorageProblem {
  problem: 'full' | 'read-only';
  folder: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** A failure as a value; given an ErrorText, it carries the key for the writer's language too. */
export function fail(
  code: ErrorCode,
  message: string | ErrorText,
  fields?: AppError['fields'],
): Result<never> {
  const words =
    typeof message === 'string'
      ? { message }
      : {
          message: englishSentence(message),
          key: message.key,
          ...(message.params ? { params: message.params } : {}),
        };
  return { ok: false, error: { code, ...words, ...(fields ? { fields } : {}) } };
}

/**
 * Thrown inside handlers to end a call with a user-readable error; the dispatcher turns it into a
 * value. Given an `ErrorText` (a key of the `errors` catalogue and its values) rather than a plain
 * sentence, the error can be shown in the writer's language; its `message` is the English entry.
 */
export class UserError extends Error {
  readonly text?: ErrorText;
  constructor(
    readonly code: ErrorCode,
    message: string | ErrorText,
    readonly fields?: AppError['fields'],
  ) {
    super(typeof message === 'string' ? message : englishSentence(message));
    this.name = 'UserError';
    if (typeof message !== 'string') this.text = message;
  }

  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.text ? { key: this.text.key, ...(this.text.params ? { params: this.text.params } : {}) } : {}),
    };
  }
}
