import { z } from 'zod';
import { channel } from './define';
import { ARTICLE_LANGUAGES } from '../domain/articles';
import type { FactRef } from '../domain/facts';
import type { MatchReason } from '../detect/candidates';
import { MAX_DISMISSAL_KEY } from '../detect/dismissal-key';
import type { DetectEntity, KnownPerson, SuggestionKind } from '../detect/types';

export const SUGGESTION_KINDS = [
  'quote',
  'amount',
  'date',
  'count',
  'ranking',
  'role',
  'other',
] as const satisfies readonly SuggestionKind[];

export const DETECT_LIMITS = {
  text: 5000,
  name: 300,
  batch: 2000,
  candidates: 20,
} as const;

/** A fact proposed for a suggestion, with what a person needs to pick it. */
export interface DetectCandidate {
  ref: FactRef;
  score: number;
  reasons: MatchReason[];
  /** The quote's wording, the deal's subject, "person — title" for a role, an entity's name. */
  label: string;
  /** Speaker and date, parties and amount, the organisation: null when there is nothing to add. */
  detail: string | null;
}

export interface DismissedSuggestion {
  kind: SuggestionKind;
  /** `dismissalKey(text)`; the renderer hides every suggestion with this kind and key. */
  key: string;
  text: string;
  by: string;
  at: string;
}

const articleId = z.string().trim().min(1, 'must not be empty').max(64);
const name = z.string().max(DETECT_LIMITS.name).optional();

export const candidateQuerySchema = z.object({
  kind: z.enum(SUGGESTION_KINDS),
  text: z.string().trim().min(1, 'must not be empty').max(DETECT_LIMITS.text),
  speaker: name,
  value: z.number({ message: 'must be a number' }).finite().min(0).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code')
    .optional(),
  payer: name,
  payee: name,
});

export const detectContract = {
  /** Names and aliases of every entity, so the detector recognises people and parties of the store. */
  'detect:entities': channel<DetectEntity[]>()(z.object({}).strict().optional()),
  /** People with aliases and roles over time, so the detector resolves surnames and "der Kapitän". */
  'detect:people': channel<KnownPerson[]>()(z.object({}).strict().optional()),
  /**
   * The best matching facts per suggestion, best first (same order as `suggestions`). Extra
   * suggestion fields (start, end, hedge, …) are ignored, so a detector result can be sent as is.
   */
  'detect:candidates': channel<DetectCandidate[][]>()(
    z
      .object({
        suggestions: z
          .array(candidateQuerySchema)
          .min(1, 'must hold at least one suggestion')
          .max(DETECT_LIMITS.batch),
        lang: z.enum(ARTICLE_LANGUAGES).optional(),
        limit: z.number().int().min(1).max(DETECT_LIMITS.candidates).optional(),
      })
      .strict(),
  ),
  'detect:dismissed-list': channel<DismissedSuggestion[]>()(z.object({ articleId }).strict()),
  /** Hides the suggestion for this article; it is remembered by kind and normalised text. */
  'detect:dismiss': channel<DismissedSuggestion>()(
    z
      .object({
        articleId,
        kind: z.enum(SUGGESTION_KINDS),
        text: z.string().trim().min(1, 'must not be empty').max(DETECT_LIMITS.text),
      })
      .strict(),
  ),
  /** Shows a dismissed suggestion again. */
  'detect:restore': channel<{ restored: boolean }>()(
    z
      .object({
        articleId,
        kind: z.enum(SUGGESTION_KINDS),
        key: z.string().min(1, 'must not be empty').max(MAX_DISMISSAL_KEY),
      })
      .strict(),
  ),
};
