import i18next, { type TFunction } from 'i18next';
import { readErrorText, translatedSentence, type Translate } from '../../../shared/errorText';
import type { AppError } from '../../../shared/result';
import { localizeMessage } from '../facts/messages';

export type { Translate };
const uiLanguage: Translate = (key, options) => String(i18next.t(key, options));

/**
 * An error from the main process as a sentence in the UI language: its key and values when it
 * has them and the catalogue knows the key, else a known validation message translated by
 * localizeMessage, else the English message as it came. Every place that shows an error's words
 * goes through here.
 */
export function errorSentence(
  error: Pick<AppError, 'message' | 'key' | 'params'>,
  t: Translate = uiLanguage,
): string {
  // The key and values crossed a process boundary (IPC, HTTP): only what readErrorText accepts is used.
  const text = readErrorText(error);
  if (text) return translatedSentence(text, t);
  return localizeMessage(((key: string) => t(key)) as TFunction, error.message);
}
