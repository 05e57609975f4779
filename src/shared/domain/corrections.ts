import type { FactRef } from './facts';

/**
 * A correction note on a published article: what the article said that was wrong, what is right,
 * dated by when it was written, linked to the claims and facts concerned. Once a correction has
 * gone out in an export it is frozen; before that it may be edited or withdrawn, and every step is
 * kept in its history.
 */
export interface Correction {
  id: string;
  articleId: string;
  wrong: string;
  right: string;
  claimIds: string[];
  facts: FactRef[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** When an export first carried it; from then on it can no longer be edited or withdrawn. */
  exportedAt: string | null;
  history: CorrectionEvent[];
}

export const CORRECTION_ACTIONS = ['created', 'edited', 'withdrawn', 'exported'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

export interface CorrectionEvent {
  action: CorrectionAction;
  /** The wording after this step (for "withdrawn": the wording withdrawn). */
  wrong: string;
  right: string;
  by: string;
  at: string;
}

export const CORRECTION_PROMPT_REASONS = ['text', 'recheck'] as const;
export type CorrectionPromptReason = (typeof CORRECTION_PROMPT_REASONS)[number];

/**
 * An offer to add a correction: a claim's words changed after the article was published
 * ("text": before → after), or a stale claim of a published article was re-checked
 * ("recheck": the claim's words and what changed in its facts).
 */
export interface CorrectionPrompt {
  seq: number;
  articleId: string;
  claimId: string;
  reason: CorrectionPromptReason;
  before: string;
  after: string;
  /** For "recheck": what changed in the facts, one sentence per change in each language. */
  changes: { de: string; en: string }[];
  facts: FactRef[];
  notedBy: string;
  notedAt: string;
}

export interface ArticleCorrections {
  articleId: string;
  /** Corrections are offered for published articles only. */
  published: boolean;
  corrections: Correction[];
  prompts: CorrectionPrompt[];
}

export const CORRECTION_LIMITS = { text: 2000, links: 200 } as const;
