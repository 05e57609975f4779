import { articleGone, newerBody } from './articleErrors';
import { UserError } from '../../shared/result';
import type { ArticleBody } from '../../shared/domain/articles';
import { BodyVersionError, checkBlockPatch, checkBody, type BodyProblem } from '../../store/articleBody';
import {
  createArticle,
  createNamedRevision,
  duplicateArticle,
  emptyTrash,
  getArticle,
  listArticles,
  markOpened,
  recentArticles,
  renameArticle,
  restoreArticle,
  restoreRevision,
  saveArticle,
  trashArticle,
} from '../../store/articles';
import { getRevision, listRevisions } from '../../store/revisions';
import { actingUser } from './actingUser';
import { loadSettings } from './app';
import { assertReadyGate, openSinceReady } from './readyGate';
import { storageError } from './storageErrors';
import type { HandlerContext } from './context';
import type { HandlerTable } from './table';

const now = () => new Date().toISOString();

function notFound(id: string | number, what: 'article' | 'revision' = 'article'): UserError {
  return what === 'article'
    ? articleGone(id, 'id')
    : new UserError('not_found', { key: 'revisionGone', params: { id } }, [
        { path: 'id', message: 'not found' },
      ]);
}

function withReadableBody<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof BodyVersionError) throw newerBody(err);
    throw err;
  }
}

function assertBody(body: ArticleBody): void {
  refuseBody(checkBody(body));
}

function refuseBody(problems: BodyProblem[]): void {
  if (problems.length > 0) throw bodyRefusal(problems);
}

function bodyRefusal(problems: BodyProblem[]): UserError {
  return new UserError(
    'validation',
    { key: 'bodyRefused', params: { problems: problems.map((p) => `${p.path} ${p.message}`).join('; ') } },
    problems,
  );
}

const user = (ctx: HandlerContext) => actingUser(ctx);

export const articlesHandlers = {
  'articles:list': (query, ctx) =>
    listArticles(ctx.db, query ?? {}).map((item) => ({
      ...item,
      unverifiedSinceReady:
        item.status === 'ready' || item.status === 'published' ? openSinceReady(ctx.db, item.id) : 0,
    })),
  'articles:create': (input, ctx) => {
    const settings = loadSettings(ctx);
    return createArticle(
      ctx.db,
      {
        headline: input?.headline,
        desk: input?.desk,
        language: input?.language ?? settings.language,
        author: settings.userName,
      },
      now(),
    );
  },
  'articles:get': ({ id }, ctx) => withReadableBody(() => getArticle(ctx.db, id)) ?? throwError(notFound(id)),
  'articles:open': ({ id }, ctx) => {
    const doc = withReadableBody(() => getArticle(ctx.db, id));
    if (!doc) throw notFound(id);
    try {
      markOpened(ctx.db, id, now());
    } catch (err) {
      // Open Recent is a convenience: a full or read-only disk must not keep the article from opening.
      if (!storageError(err, ctx.dataDir)) throw err;
    }
    return doc;
  },
  'articles:save': (input, ctx) => {
    if (input.body) assertBody(input.body);
    if (input.blocks) refuseBody(checkBlockPatch(input.blocks));
    if (input.meta?.status === 'ready') assertReadyGate(ctx, input.id);
    const outcome = saveArticle(ctx.db, { ...input, user: user(ctx) }, now());
    if (outcome.kind === 'missing') throw notFound(input.id);
    if (outcome.kind === 'invalid') throw bodyRefusal(outcome.problems);
    if (outcome.kind === 'trashed') throw new UserError('conflict', { key: 'articleInTrash' });
    if (outcome.kind === 'conflict') {
      throw new UserError(
        'conflict',
        { key: 'articleChangedElsewhere', params: { rev: outcome.rev, baseRev: input.baseRev } },
        [{ path: 'baseRev', message: `is ${input.baseRev}, stored is ${outcome.rev}` }],
      );
    }
    return { rev: outcome.rev, meta: outcome.meta, revisionId: outcome.revisionId };
  },
  'articles:duplicate': ({ id, headline }, ctx) =>
    duplicateArticle(ctx.db, id, headline, now()) ?? throwError(notFound(id)),
  'articles:rename': ({ id, headline }, ctx) =>
    renameArticle(ctx.db, id, headline, user(ctx), now()) ?? throwError(notFound(id)),
  'articles:trash': ({ id }, ctx) => trashArticle(ctx.db, id, now()) ?? throwError(notFound(id)),
  'articles:restore': ({ id }, ctx) => restoreArticle(ctx.db, id) ?? throwError(notFound(id)),
  'articles:empty-trash': (_input, ctx) => ({ deleted: emptyTrash(ctx.db) }),
  'articles:recent': (input, ctx) => recentArticles(ctx.db, input?.limit ?? 10),
  'revisions:list': ({ articleId }, ctx) => listRevisions(ctx.db, articleId),
  'revisions:get': ({ id }, ctx) =>
    withReadableBody(() => getRevision(ctx.db, id)) ?? throwError(notFound(id, 'revision')),
  'revisions:create': ({ articleId, name }, ctx) =>
    createNamedRevision(ctx.db, articleId, name, user(ctx), now()) ?? throwError(notFound(articleId)),
  'revisions:restore': ({ id }, ctx) => {
    const revision = withReadableBody(() => getRevision(ctx.db, id));
    if (!revision) throw notFound(id, 'revision');
    return restoreRevision(ctx.db, revision, user(ctx), now()) ?? throwError(notFound(revision.articleId));
  },
} satisfies HandlerTable<
  | 'articles:list'
  | 'articles:create'
  | 'articles:get'
  | 'articles:open'
  | 'articles:save'
  | 'articles:duplicate'
  | 'articles:rename'
  | 'articles:trash'
  | 'articles:restore'
  | 'articles:empty-trash'
  | 'articles:recent'
  | 'revisions:list'
  | 'revisions:get'
  | 'revisions:create'
  | 'revisions:restore'
>;

function throwError(err: Error): never {
  throw err;
}
