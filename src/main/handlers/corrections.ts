import type { ArticleCorrections } from '../../shared/domain/corrections';
import type { FactRef } from '../../shared/domain/facts';
import { parseCorrectionRecord } from '../../shared/desk/correctionRecords';
import { UserError } from '../../shared/result';
import { getArticleMeta } from '../../store/articles';
import { factExists, getClaim } from '../../store/claims';
import { openRechecks, resolveRechecks } from '../../store/claim-rechecks';
import {
  CorrectionFrozenError,
  correctionIdTaken,
  dismissPrompt,
  getCorrection,
  getPrompt,
  insertCorrection,
  listCorrections,
  openPrompts,
  updateCorrection,
  withdrawCorrection,
} from '../../store/corrections';
import type { Db } from '../../store/db';
import { applyDeskCorrections, deskCorrectionState } from '../../store/desk-corrections';
import { actingUser } from './actingUser';
import type { HandlerTable } from './table';

const now = () => new Date().toISOString();

function requireArticle(db: Db, articleId: string) {
  const meta = getArticleMeta(db, articleId);
  if (!meta)
    throw new UserError('not_found', { key: 'noSuchArticle', params: { id: articleId } }, [
      { path: 'articleId', message: 'not found' },
    ]);
  return meta;
}

function requirePublished(db: Db, articleId: string): void {
  const meta = requireArticle(db, articleId);
  if (meta.status !== 'published') {
    throw new UserError(
      'validation',
      { key: 'correctionsOnlyPublished', params: { title: meta.headline || articleId, status: meta.status } },
      [{ path: 'articleId', message: 'not published' }],
    );
  }
}

/** Every claim must belong to the article and every fact must exist; the message names the entry. */
function checkLinks(db: Db, articleId: string, claimIds: readonly string[], facts: readonly FactRef[]): void {
  claimIds.forEach((claimId, i) => {
    if (getClaim(db, claimId)?.articleId !== articleId) {
      throw new UserError(
        'validation',
        { key: 'claimNotInArticleAt', params: { path: `claimIds.${i}`, id: claimId } },
        [{ path: `claimIds.${i}`, message: 'not in this article' }],
      );
    }
  });
  facts.forEach((ref, i) => {
    if (!factExists(db, ref)) {
      throw new UserError(
        'validation',
        { key: 'noSuchFactAt', params: { path: `facts.${i}`, type: ref.type, id: ref.id } },
        [{ path: `facts.${i}`, message: 'not found' }],
      );
    }
  });
}

function frozen<T>(id: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof CorrectionFrozenError) {
      const key = err.state === 'exported' ? 'correctionExported' : 'correctionWithdrawn';
      throw new UserError('conflict', { key, params: { id } }, [{ path: 'id', message: err.state }]);
    }
    throw err;
  }
}

function requireCorrection(db: Db, id: string) {
  const c = getCorrection(db, id);
  if (!c)
    throw new UserError('not_found', { key: 'noSuchCorrection', params: { id } }, [
      { path: 'id', message: 'not found' },
    ]);
  return c;
}

export function articleCorrections(db: Db, articleId: string): ArticleCorrections {
  const meta = requireArticle(db, articleId);
  return {
    articleId,
    published: meta.status === 'published',
    corrections: listCorrections(db, articleId),
    prompts: openPrompts(db, articleId),
  };
}

export const correctionsHandlers = {
  'corrections:list': ({ articleId }, ctx) => articleCorrections(ctx.db, articleId),
  'corrections:create': (input, ctx) => {
    requirePublished(ctx.db, input.articleId);
    const id = input.id ?? `k-${crypto.randomUUID()}`;
    if (correctionIdTaken(ctx.db, id))
      throw new UserError('conflict', { key: 'idUsed', params: { id } }, [
        { path: 'id', message: 'already used' },
      ]);
    checkLinks(ctx.db, input.articleId, input.claimIds, input.facts);
    const by = actingUser(ctx);
    const at = now();
    return ctx.db.transaction(() => {
      const correction = insertCorrection(ctx.db, { ...input, id }, by, at);
      // The correction is the desk's answer to a stale claim: its re-check is recorded with it.
      for (const claimId of input.claimIds)
        if (openRechecks(ctx.db, claimId).length > 0) resolveRechecks(ctx.db, claimId, by, at);
      return correction;
    })();
  },
  'corrections:update': (input, ctx) => {
    const current = requireCorrection(ctx.db, input.id);
    const claimIds = input.claimIds ?? current.claimIds;
    const facts = input.facts ?? current.facts;
    checkLinks(ctx.db, current.articleId, claimIds, facts);
    return frozen(input.id, () =>
      updateCorrection(
        ctx.db,
        input.id,
        { wrong: input.wrong, right: input.right, claimIds, facts },
        actingUser(ctx),
        now(),
      ),
    );
  },
  'corrections:withdraw': ({ id }, ctx) => {
    requireCorrection(ctx.db, id);
    frozen(id, () => withdrawCorrection(ctx.db, id, actingUser(ctx), now()));
    return { id };
  },
  'corrections:dismiss-offer': ({ seq }, ctx) => {
    const prompt = getPrompt(ctx.db, seq);
    if (!prompt)
      throw new UserError('not_found', { key: 'noSuchCorrectionOffer', params: { seq } }, [
        { path: 'seq', message: 'not found' },
      ]);
    dismissPrompt(ctx.db, seq, actingUser(ctx), now());
    return articleCorrections(ctx.db, prompt.articleId);
  },
  'corrections:desk-read': ({ articleId }, ctx) => {
    requireArticle(ctx.db, articleId);
    return deskCorrectionState(ctx.db, articleId);
  },
  'corrections:desk-apply': ({ articleId, records }, ctx) => {
    requireArticle(ctx.db, articleId);
    const parsed = records.map((r, i) => {
      const { id, ...fields } = r;
      const record = parseCorrectionRecord(typeof id === 'string' ? id : '', fields);
      if (!record)
        throw new UserError('validation', { key: 'deskCorrectionMalformed', params: { n: i + 1 } }, [
          { path: `records.${i}`, message: 'is not a correction' },
        ]);
      return record;
    });
    return applyDeskCorrections(ctx.db, articleId, parsed);
  },
} satisfies HandlerTable<
  | 'corrections:list'
  | 'corrections:create'
  | 'corrections:update'
  | 'corrections:withdraw'
  | 'corrections:dismiss-offer'
  | 'corrections:desk-read'
  | 'corrections:desk-apply'
>;
