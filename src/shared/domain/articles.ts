import type { FactRef } from './facts';

export const ARTICLE_LANGUAGES = ['de', 'en'] as const;
export const ARTICLE_STATUSES = ['draft', 'in_fact_check', 'ready', 'published', 'archived'] as const;
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The news structure around the body; the body itself is Lexical editor state. */
export interface ArticleMeta {
  id: string;
  kicker: string;
  headline: string;
  lead: string;
  byline: string;
  dateline: string;
  language: ArticleLanguage;
  author: string;
  desk: string;
  status: ArticleStatus;
  trashedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Stored truth of an article body. `schemaVersion` lets later node changes migrate
 * old bodies; `editorState` is Lexical's SerializedEditorState as produced by
 * `editor.getEditorState().toJSON()`.
 */
export interface ArticleBody {
  schemaVersion: 1;
  editorState: SerializedEditorStateJSON;
}

/** Lexical's serialized shapes, described structurally so Node code needs no Lexical runtime. */
export interface SerializedNodeJSON {
  type: string;
  version: number;
  children?: SerializedNodeJSON[];
  [key: string]: unknown;
}
export interface SerializedEditorStateJSON {
  root: SerializedNodeJSON;
}

export const CLAIM_KINDS = ['amount', 'quote', 'date', 'role', 'other'] as const;
export const CLAIM_STATUSES = ['unchecked', 'verified', 'disputed', 'false', 'unsourced'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface ClaimStatusChange {
  status: ClaimStatus;
  checker: string;
  at: string;
}

export interface DismissedWarning {
  code: string;
  reason: string;
  checker: string;
  at: string;
}

/** A checkable statement in an article body, tied to a Lexical mark with the same id. */
export interface Claim {
  id: string;
  articleId: string;
  kind: ClaimKind;
  status: ClaimStatus;
  /** The marked text as last seen in the body. */
  text: string;
  note: string;
  links: FactRef[];
  /** False when the marked text was deleted from the body; the record is kept. */
  inText: boolean;
  history: ClaimStatusChange[];
  dismissedWarnings: DismissedWarning[];
  createdAt: string;
  updatedAt: string;
}
