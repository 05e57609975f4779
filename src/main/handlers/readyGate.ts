import {
  describeBlockedGate,
  gateStatus,
  type GateOverrideRecord,
  type GateStatus,
} from '../../shared/claims/gate';
import { orderClaims } from '../../shared/claims/order';
import type { ArticleDocument } from '../../shared/contract/articles';
import type { ArticleBody } from '../../shared/domain/articles';
import { articleGone } from './articleErrors';
import { UserError } from '../../shared/result';
import { getArticle, getArticleMeta } from '../../store/articles';
import { openRechecksByArticle } from '../../store/claim-rechecks';
import { listClaims } from '../../store/claims';
import type { Db } from '../../store/db';
import { latestGatePass, recordGatePass } from '../../store/readyGate';
import { actingUser } from './actingUser';
import { loadSettings } from './app';
import type { HandlerContext } from './context';
import type { HandlerTable } from './table';

// The "ready" gate apart from the claims' checks: it reads statuses, open re-checks and the latest
// override only, so asking it (the editor's status control, `factdesk claims check`, the articles
// list) loads neither the checks nor the detection lexicons they use.

const now = () => new Date().toISOString();

/** The article, or a not-found error naming `articleId` (also used by the claims handlers). */
export function requireArticle(db: Db, articleId: string): ArticleDocument {
  const doc = getArticle(db, articleId);
  if (!doc) {
    throw articleGone(articleId, 'articleId');
  }
  return doc;
}

/** The latest override written for the article, if its latest pass was one. */
export function overrideOf(db: Db, articleId: string): GateOverrideRecord | null {
  const pass = latestGatePass(db, articleId);
  if (!pass || pass.overrideReason === null) return null;
  return { reason: pass.overrideReason, by: pass.by, at: pass.at, openClaims: pass.openClaims };
}

/**
 * The gate for an article as it stands now, with the override that covers its open claims if one
 * does. Given the article's body, the open claims come in reading order, as in `claims:list`;
 * the claims' checks are not run, since the gate does not read them.
 */
export function readyGateStatus(db: Db, articleId: string, body?: ArticleBody | null): GateStatus {
  const rechecks = openRechecksByArticle(db, articleId);
  const claims = listClaims(db, articleId).map((c) => ({ ...c, recheck: rechecks.get(c.id) ?? [] }));
  return gateStatus(body === undefined ? claims : orderClaims(claims, body), overrideOf(db, articleId));
}

/** How many claims in the text keep the gate shut now: for an article already past it, what needs re-confirming. */
export function openSinceReady(db: Db, articleId: string): number {
  const status = readyGateStatus(db, articleId);
  return status.passes ? 0 : status.open.length;
}

/**
 * Called by the articles status change before an article becomes "ready": refuses unless every
 * claim in the text is verified or a written override covers the open ones. A clean pass is
 * recorded too, so an older override no longer shows in the report once everything is verified.
 */
export function assertReadyGate(ctx: HandlerContext, articleId: string): void {
  // Saving an article that is already "ready" is no move through the gate; a missing one is the caller's error to report.
  const current = getArticleMeta(ctx.db, articleId);
  if (!current || current.status === 'ready') return;
  const status = readyGateStatus(ctx.db, articleId, getArticle(ctx.db, articleId)?.body ?? null);
  if (!status.passes) {
    const settings = loadSettings(ctx);
    throw new UserError('validation', describeBlockedGate(status, settings.language), [
      { path: 'meta.status', message: 'ready gate: claims not verified' },
      ...status.open.map((c) => ({ path: `claims.${c.id}`, message: c.status })),
    ]);
  }
  if (status.open.length === 0) {
    recordGatePass(ctx.db, {
      articleId,
      by: actingUser(ctx),
      at: now(),
      overrideReason: null,
      openClaims: [],
    });
  }
}

export const readyGateHandlers = {
  'claims:gate': ({ articleId }, ctx) =>
    readyGateStatus(ctx.db, articleId, requireArticle(ctx.db, articleId).body),
  'claims:override-gate': ({ articleId, reason }, ctx) => {
    const { body } = requireArticle(ctx.db, articleId);
    const status = readyGateStatus(ctx.db, articleId, body);
    if (status.open.length === 0) return status;
    recordGatePass(ctx.db, {
      articleId,
      by: actingUser(ctx),
      at: now(),
      overrideReason: reason,
      openClaims: status.open.map((c) => c.id),
    });
    return readyGateStatus(ctx.db, articleId, body);
  },
} satisfies HandlerTable<'claims:gate' | 'claims:override-gate'>;
