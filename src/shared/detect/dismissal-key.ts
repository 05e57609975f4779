import { foldForMatch } from '../language/fold';
import { normalizeQuoteText } from '../language/quotes';
import type { SuggestionKind } from './types';

export const MAX_DISMISSAL_KEY = 400;

/**
 * What a dismissed suggestion is remembered by: its words, folded and with quote marks,
 * dashes and spacing unified, so retyping the same claim or moving it does not bring it back,
 * while changing a word does. Long quotes are cut; two quotes alike for 400 characters are the
 * same quote for this purpose.
 */
export function dismissalKey(text: string): string {
  return foldForMatch(normalizeQuoteText(text))
    .replace(/[^\p{L}\p{N}%€$£]+/gu, ' ')
    .trim()
    .slice(0, MAX_DISMISSAL_KEY);
}

export interface DismissalLike {
  kind: SuggestionKind;
  key: string;
}

/** `kind␟key` for set lookups; the separator cannot occur in a folded key. */
export const dismissalId = (kind: SuggestionKind, key: string) => `${kind}\u001f${key}`;
