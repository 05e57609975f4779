import type { ArticleLanguage } from '../domain/articles';

export type SpeakerKind = 'name' | 'role' | 'pronoun' | 'anaphor';

export type SuggestionKind = 'quote' | 'amount' | 'date' | 'count' | 'ranking' | 'role' | 'other';

/** A stretch of article text that looks like a checkable claim. Offsets index the whole input. */
export interface Suggestion {
  kind: SuggestionKind;
  text: string;
  start: number;
  end: number;
  /**
   * The speaker: the person's fullest name known at that point ("Jonas Brehm" for "sagte Brehm",
   * the antecedent for "er" or "der 24-Jährige"), or the role phrase for an unnamed speaker
   * ("Vereinssprecher").
   */
  speaker?: string;
  /** How the text names the speaker: by name, by a role, by a pronoun, or by an anaphor ("der 24-Jährige"). */
  speakerKind?: SpeakerKind;
  /** The words at the attribution when they differ from `speaker` ("der 24-Jährige", "Brehm"). */
  speakerVia?: string;
  /** The fact-store person the speaker resolves to, when exactly one fits. */
  speakerId?: string;
  /** The medium or body the claim is attributed to ("Almentaler Bote"), without quote marks. */
  source?: string;
  /** Bounds of a range ("zwischen 25 und 30 Millionen"), or one bound ("bis zu", "mindestens"). */
  min?: number;
  max?: number;
  /** Numeric value; for money in major units (7000000 for "sieben Millionen Euro"). */
  value?: number;
  currency?: string;
  /** The text of a hedge ("soll", "reportedly") that qualifies this claim in the same sentence. */
  hedge?: string;
  /** Parties of a deal, as written ("FC Almental", "der Klub", "the Bundesliga side"). */
  payer?: string;
  payee?: string;
  /**
   * The club a generic party ("der Klub", "dem Verein", "the Championship side") refers to: the
   * club the article named that fits, so the checker can link the deal to it.
   */
  payerResolved?: string;
  payeeResolved?: string;
  /** Zero-based index of the paragraph the suggestion starts in. */
  paragraph: number;
}

export interface DetectEntity {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
}

/** A role a known person held, with the dates it began and ended (YYYY-MM-DD, inclusive). */
export interface KnownRole {
  title: string;
  org?: string;
  from?: string;
  to?: string;
}

/** A person the fact store knows. Passed in as data, so the detector stays free of the store. */
export interface KnownPerson {
  id: string;
  name: string;
  aliases: string[];
  gender?: 'm' | 'f';
  roles: KnownRole[];
}

export interface DetectOptions {
  lang: ArticleLanguage;
  entities?: DetectEntity[];
  /** People from the fact store: surnames resolve to full names, role phrases to role holders. */
  people?: KnownPerson[];
  /** The article's date (YYYY-MM-DD); a role phrase resolves to whoever held the role then. */
  date?: string;
}
