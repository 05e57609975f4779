import { z } from 'zod';
import { channel } from './define';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  type ArticleLanguage,
  type ArticleStatus,
  type Claim,
  type ClaimStatus,
} from '../domain/articles';
import { FACT_TYPES, factId } from '../domain/facts';
import type { ClaimCheck, ClaimWarning } from '../claims/warnings';
import type { ClaimContext } from '../claims/context';
import type { GateStatus } from '../claims/gate';
import type { StaleNoticeView } from '../claims/stale';
import type { ExportFacts } from '../export/context';

/** Claim ids are made by the editor when it wraps the text, so the mark and the record share one id. */
export const CLAIM_ID_RE = /^[A-Za-z0-9_-]{6,64}$/;
export const CLAIM_LIMITS = {
  text: 5000,
  context: 20000,
  note: 4000,
  reason: 1000,
  marks: 5000,
  links: 50,
} as const;

/** A claim as the panel, the CLI and the report see it: the record, its open warnings and check details. */
export interface ClaimView extends Claim {
  /** Warnings of the checks that nobody dismissed; dismissed ones stay in `dismissedWarnings`. */
  warnings: ClaimWarning[];
  /** Per linked fact, what the checks compared (e.g. the quote diff). */
  checks: ClaimCheck[];
  /** The paragraph the checks read and where the mark sits in it. */
  context: ClaimContext;
  /** Changes to linked facts since the claim was last re-checked; any makes it "needs re-check". */
  recheck: StaleNoticeView[];
}

/** A claim that needs a re-check, with its article, for `claims:stale` and the library. */
export interface StaleClaim {
  articleId: string;
  headline: string;
  articleStatus: ArticleStatus;
  claimId: string;
  claimText: string;
  claimStatus: ClaimStatus;
  inText: boolean;
  notices: StaleNoticeView[];
}

export interface ArticleClaims {
  articleId: string;
  /** The article's language, which the checks read the text in. */
  language: ArticleLanguage;
  /** Document order: marked claims as they appear, then claims removed from the text. */
  claims: ClaimView[];
  /** The linked facts and what they refer to (speakers, parties, citations, sources), for labels. */
  facts: ExportFacts;
  gate: GateStatus;
}

export interface ClaimSyncResult {
  /** Claims brought back into the text (e.g. by undo). */
  returned: string[];
  /** Claims whose marks left the text; their records are kept. */
  removed: string[];
  /** Mark ids that are not claims of this article (pasted from another article). */
  unknown: string[];
}

export interface ClaimReport {
  html: string;
  fileName: string;
}

const articleId = z.string().trim().min(1, 'must not be empty').max(64);
export const claimIdSchema = z.string().regex(CLAIM_ID_RE, 'must be 6–64 letters, digits, "-" or "_"');
export const factRefSchema = z
  .object({
    type: z.enum(FACT_TYPES),
    id: factId,
    locator: z.string().trim().max(200, 'must be at most 200 characters').nullable().optional(),
    excerpt: z.string().max(2000, 'must be at most 2000 characters').nullable().optional(),
  })
  .strict();

export const claimContextSchema = z
  .object({
    text: z.string().max(CLAIM_LIMITS.context),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .strict()
  .refine((c) => c.start <= c.end && c.end <= c.text.length, {
    message: 'start and end must lie inside the context text, start first',
    path: ['end'],
  });

const markSchema = z
  .object({
    id: claimIdSchema,
    text: z.string().max(CLAIM_LIMITS.text),
    context: claimContextSchema,
  })
  .strict();

const byId = z.object({ id: claimIdSchema }).strict();

export const claimsContract = {
  'claims:list': channel<ArticleClaims>()(z.object({ articleId }).strict()),
  'claims:get': channel<ClaimView>()(byId),
  /** Stores the claim for a mark the editor has just wrapped; `kind` defaults to a guess from the text. */
  'claims:create': channel<ClaimView>()(
    z
      .object({
        articleId,
        id: claimIdSchema,
        text: z.string().trim().min(1, 'must not be empty').max(CLAIM_LIMITS.text),
        context: claimContextSchema,
        kind: z.enum(CLAIM_KINDS).optional(),
      })
      .strict(),
  ),
  'claims:update': channel<ClaimView>()(
    z
      .object({
        id: claimIdSchema,
        kind: z.enum(CLAIM_KINDS).optional(),
        note: z.string().max(CLAIM_LIMITS.note, `must be at most ${CLAIM_LIMITS.note} characters`).optional(),
      })
      .strict(),
  ),
  /** Records the new status with the checker's name and the time. */
  'claims:set-status': channel<ClaimView>()(
    z.object({ id: claimIdSchema, status: z.enum(CLAIM_STATUSES) }).strict(),
  ),
  'claims:link': channel<ClaimView>()(
    z
      .object({
        id: claimIdSchema,
        refs: z.array(factRefSchema).min(1, 'must name at least one fact').max(CLAIM_LIMITS.links),
      })
      .strict(),
  ),
  'claims:unlink': channel<ClaimView>()(z.object({ id: claimIdSchema, ref: factRefSchema }).strict()),
  /** The marks the editor holds now; claims without a mark are kept as "removed from text". */
  'claims:sync': channel<ClaimSyncResult>()(
    z.object({ articleId, marks: z.array(markSchema).max(CLAIM_LIMITS.marks) }).strict(),
  ),
  'claims:dismiss-warning': channel<ClaimView>()(
    z
      .object({
        id: claimIdSchema,
        code: z.string().trim().min(1).max(100),
        reason: z.string().trim().min(1, 'must give a reason').max(CLAIM_LIMITS.reason),
      })
      .strict(),
  ),
  /** Clears "needs re-check": the checker looked at the claim again after its facts changed. */
  'claims:resolve-recheck': channel<ClaimView>()(byId),
  /** Every claim across articles whose linked facts changed since it was last re-checked. */
  'claims:stale': channel<StaleClaim[]>()(z.object({}).strict()),
  'claims:gate': channel<GateStatus>()(z.object({ articleId }).strict()),
  /** Writes a reason that lets the claims open right now through the "ready" gate. */
  'claims:override-gate': channel<GateStatus>()(
    z
      .object({
        articleId,
        reason: z.string().trim().min(1, 'must give a reason').max(CLAIM_LIMITS.reason),
      })
      .strict(),
  ),
  'claims:report': channel<ClaimReport>()(
    z.object({ articleId, uiLanguage: z.enum(['de', 'en']).optional() }).strict(),
  ),
};
