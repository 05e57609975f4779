import { claimContextsFromBody, isValidContext, type ClaimContext } from '../../shared/claims/context';
import { gateStatus, type GateStatus } from '../../shared/claims/gate';
import { guessClaimKind } from '../../shared/claims/kind';
import { orderClaims } from '../../shared/claims/order';
import { ClaimCheckCache } from '../../shared/claims/checkCache';
import { openWarnings } from '../../shared/claims/warnings';
import type { ArticleClaims, ClaimView, StaleClaim } from '../../shared/contract/claims';
import type { ArticleDocument } from '../../shared/contract/articles';
import type { Claim } from '../../shared/domain/articles';
import type { FactRef } from '../../shared/domain/facts';
import type { ExportContext, ExportFacts } from '../../shared/export/context';
import { exportFactCheckReport } from '../../shared/export/factCheckReport';
import { exportFileName } from '../../shared/export/fileName';
import { UserError } from '../../shared/result';
import { getArticleMeta } from '../../store/articles';
import {
  claimIdTaken,
  dismissWarning,
  factExists,
  getClaim,
  insertClaim,
  linkFacts,
  listClaims,
  setClaimStatus,
  syncPresence,
  unlinkFact,
  updateClaimFields,
  type StoredClaim,
} from '../../store/claims';
import type { Db } from '../../store/db';
import { latestGatePass } from '../../store/readyGate';
import { actingUser } from './actingUser';
import { overrideOf, requireArticle } from './readyGate';
import {
  openRechecks,
  openRechecksByArticle,
  resolveRechecks,
  staleClaims,
} from '../../store/claim-rechecks';
import { listCorrections, noteClaimTextChange, noteRecheck } from '../../store/corrections';
import { loadSettings } from './app';
import { linkedFacts } from './claimFacts';
import type { HandlerContext } from './context';
import type { HandlerTable } from './table';

const now = () => new Date().toISOString();
// Shared by every article this process serves; keys include everything a result depends on.
const checkCache = new ClaimCheckCache();
const checker = (ctx: HandlerContext) => actingUser(ctx);

function requireClaim(db: Db, id: string): StoredClaim {
  const claim = getClaim(db, id);
  if (!claim) {
    throw new UserError('not_found', { key: 'claimGone', params: { id } }, [
      { path: 'id', message: 'not found' },
    ]);
  }
  return claim;
}

/** The record as the domain knows it, without the editor's context copy. */
function asClaim({ context: _context, ...claim }: StoredClaim): Claim {
  return claim;
}

/**
 * The paragraph the checks read: the stored body is the truth once it carries the mark; until
 * the editor's autosave catches up, the context the editor sent with the mark stands in.
 */
function contextOf(claim: StoredClaim, fromBody: Map<string, ClaimContext>): ClaimContext {
  const body = fromBody.get(claim.id);
  if (body) return body;
  if (claim.context.text && isValidContext(claim.context)) return claim.context;
  return { text: claim.text, start: 0, end: claim.text.length };
}

interface Assembled {
  doc: ArticleDocument;
  views: ClaimView[];
  facts: ExportFacts;
  gate: GateStatus;
}

function assemble(db: Db, articleId: string): Assembled {
  const doc = requireArticle(db, articleId);
  const claims = listClaims(db, articleId);
  const facts = linkedFacts(
    db,
    claims.flatMap((c) => c.links),
  );
  const contexts = claimContextsFromBody(doc.body);
  const check = checkCache.forFacts(facts, doc.meta.language);
  const rechecks = openRechecksByArticle(db, articleId);
  const views = claims.map((claim): ClaimView => {
    const context = contextOf(claim, contexts);
    const result = check(claim, context);
    const recheck = rechecks.get(claim.id) ?? [];
    return {
      ...asClaim(claim),
      warnings: openWarnings(result.warnings, claim),
      checks: result.checks,
      context,
      recheck,
    };
  });
  const ordered = orderClaims(views, doc.body);
  return { doc, views: ordered, facts, gate: gateStatus(ordered, overrideOf(db, articleId)) };
}

function viewOf(db: Db, id: string): ClaimView {
  const claim = requireClaim(db, id);
  const found = assemble(db, claim.articleId).views.find((v) => v.id === id);
  // assemble lists every claim of the article, so this one is among them.
  return found!;
}

function assertFactsExist(db: Db, refs: FactRef[]): void {
  const missing = refs.map((ref, i) => ({ ref, i })).filter(({ ref }) => !factExists(db, ref));
  if (missing.length > 0) {
    throw new UserError(
      'validation',
      {
        key: 'linkMissingFacts',
        params: { facts: missing.map(({ ref }) => `${ref.type} ${ref.id}`).join(', ') },
      },
      missing.map(({ i, ref }) => ({ path: `refs.${i}`, message: `${ref.type} ${ref.id} not found` })),
    );
  }
}

/**
 * Everything the annotated export, the fact-check report and ClaimReview read about an article:
 * its claims in reading order, the linked facts, open warnings in the label language and the
 * latest gate override. Labels default to the user's UI language.
 */
export function buildExportContext(
  ctx: HandlerContext,
  articleId: string,
  uiLanguage?: 'de' | 'en',
): ExportContext {
  const { doc, views, facts } = assemble(ctx.db, articleId);
  const language = uiLanguage ?? loadSettings(ctx).language;
  const pass = latestGatePass(ctx.db, articleId);
  const corrections = listCorrections(ctx.db, articleId);
  const correctionFacts = corrections.flatMap((c) => c.facts);
  return {
    meta: doc.meta,
    body: doc.body,
    claims: views.map(({ warnings: _w, checks: _c, context: _x, ...claim }) => claim),
    // The facts a correction names are described in the report even when no claim links them.
    facts:
      correctionFacts.length > 0
        ? linkedFacts(ctx.db, [...views.flatMap((v) => v.links), ...correctionFacts])
        : facts,
    corrections,
    gateOverride:
      pass && pass.overrideReason !== null ? { reason: pass.overrideReason, by: pass.by, at: pass.at } : null,
    warnings: views.flatMap((v) =>
      v.warnings.map((w) => ({ claimId: v.id, code: w.key, message: w.message[language] })),
    ),
    uiLanguage: language,
  };
}

export const claimsHandlers = {
  'claims:list': ({ articleId }, ctx): ArticleClaims => {
    const { doc, views, facts, gate } = assemble(ctx.db, articleId);
    return { articleId, language: doc.meta.language, claims: views, facts, gate };
  },
  'claims:get': ({ id }, ctx) => viewOf(ctx.db, id),
  'claims:create': (input, ctx) => {
    const doc = requireArticle(ctx.db, input.articleId);
    if (claimIdTaken(ctx.db, input.id)) {
      throw new UserError('conflict', { key: 'claimExists', params: { id: input.id } }, [
        { path: 'id', message: 'already used' },
      ]);
    }
    const kind = input.kind ?? guessClaimKind(input.context, doc.meta.language);
    insertClaim(
      ctx.db,
      { id: input.id, articleId: input.articleId, kind, text: input.text, context: input.context },
      checker(ctx),
      now(),
    );
    return viewOf(ctx.db, input.id);
  },
  'claims:update': ({ id, kind, note }, ctx) => {
    requireClaim(ctx.db, id);
    updateClaimFields(ctx.db, id, { kind, note }, now());
    return viewOf(ctx.db, id);
  },
  'claims:set-status': ({ id, status }, ctx) => {
    requireClaim(ctx.db, id);
    setClaimStatus(ctx.db, id, status, checker(ctx), now());
    return viewOf(ctx.db, id);
  },
  'claims:link': ({ id, refs }, ctx) => {
    const claim = requireClaim(ctx.db, id);
    assertFactsExist(ctx.db, refs);
    linkFacts(ctx.db, id, claim.articleId, refs, now());
    return viewOf(ctx.db, id);
  },
  'claims:unlink': ({ id, ref }, ctx) => {
    requireClaim(ctx.db, id);
    unlinkFact(ctx.db, id, ref, now());
    return viewOf(ctx.db, id);
  },
  'claims:sync': ({ articleId, marks }, ctx) => {
    const doc = requireArticle(ctx.db, articleId);
    // A claim pasted twice has several marks; the first one in the text speaks for it.
    const seen = new Set<string>();
    const unique = marks.filter((m) => !seen.has(m.id) && seen.add(m.id));
    if (doc.meta.status !== 'published') return syncPresence(ctx.db, articleId, unique, now());
    return ctx.db.transaction(() => {
      const before = new Map(listClaims(ctx.db, articleId).map((c) => [c.id, c]));
      const at = now();
      const change = syncPresence(ctx.db, articleId, unique, at);
      // Published words changed: offer a correction (one offer per claim while the words keep changing).
      for (const mark of unique) {
        const old = before.get(mark.id);
        if (old && old.inText && old.text !== mark.text) {
          noteClaimTextChange(
            ctx.db,
            { articleId, claimId: mark.id, before: old.text, after: mark.text, facts: old.links },
            checker(ctx),
            at,
          );
        }
      }
      return change;
    })();
  },
  'claims:dismiss-warning': ({ id, code, reason }, ctx) => {
    requireClaim(ctx.db, id);
    dismissWarning(ctx.db, id, code, reason, checker(ctx), now());
    return viewOf(ctx.db, id);
  },
  'claims:resolve-recheck': ({ id }, ctx) => {
    const claim = requireClaim(ctx.db, id);
    const at = now();
    ctx.db.transaction(() => {
      const notices = openRechecks(ctx.db, id);
      // A published article's stale claim was looked at again: the desk may owe its readers a correction.
      if (notices.length > 0 && getArticleMeta(ctx.db, claim.articleId)?.status === 'published') {
        const facts = [
          ...new Map(
            notices.map((n) => [`${n.factType}:${n.factId}`, { type: n.factType, id: n.factId }]),
          ).values(),
        ];
        noteRecheck(
          ctx.db,
          {
            articleId: claim.articleId,
            claimId: id,
            claimText: claim.text,
            changes: notices.map((n) => n.message),
            facts,
          },
          checker(ctx),
          at,
        );
      }
      resolveRechecks(ctx.db, id, checker(ctx), at);
    })();
    return viewOf(ctx.db, id);
  },
  'claims:stale': (_input, ctx): StaleClaim[] => staleClaims(ctx.db),
  'claims:report': ({ articleId, uiLanguage }, ctx) => {
    const exportCtx = buildExportContext(ctx, articleId, uiLanguage);
    const { meta } = exportCtx;
    const suffix = exportCtx.uiLanguage === 'de' ? 'Faktencheck' : 'fact check';
    return {
      html: exportFactCheckReport(exportCtx),
      fileName: exportFileName({ ...meta, headline: `${meta.headline} ${suffix}` }, 'html'),
    };
  },
} satisfies HandlerTable<
  | 'claims:list'
  | 'claims:get'
  | 'claims:create'
  | 'claims:update'
  | 'claims:set-status'
  | 'claims:link'
  | 'claims:unlink'
  | 'claims:sync'
  | 'claims:dismiss-warning'
  | 'claims:resolve-recheck'
  | 'claims:stale'
  | 'claims:report'
>;
