import type { ArticleLanguage } from '../domain/articles';

export type SuggestionKind = 'quote' | 'amount' | 'date' | 'count' | 'ranking' | 'role' | 'other';

/** A stretch of article text that looks like a checkable claim. Offsets index the whole input. */
export interface Suggestion {
  kind: SuggestionKind;
  text: string;
  start: number;
  end: number;
  /** The speaker's name as written in the input (for pronoun follow-ups: the antecedent's fullest form). */
  speaker?: string;
  /** Numeric value; for money in major units (7000000 for "sieben Millionen Euro"). */
  value?: number;
  currency?: string;
  /** The text of a hedge ("soll", "reportedly") that qualifies this claim in the same sentence. */
  hedge?: string;
  payer?: string;
  payee?: string;
  /** Zero-based index of the paragraph the suggestion starts in. */
  paragraph: number;
}

export interface DetectEntity {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
}

export interface DetectOptions {
  lang: ArticleLanguage;
  entities?: DetectEntity[];
}
