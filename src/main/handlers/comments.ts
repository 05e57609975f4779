import { UserError } from '../../shared/result';
import { getArticleMeta } from '../../store/articles';
import { getClaim } from '../../store/claims';
import {
  addComment,
  editComment,
  getComment,
  getThread,
  insertThread,
  listOpenThreadComments,
  listThreads,
  setThreadStatus,
  syncThreadAnchors,
} from '../../store/comments';
import { mentionsUser } from '../../shared/comments/mentions';
import { parseThreadRecord } from '../../shared/desk/threadRecords';
import { applyDeskThreads, deskThreadState } from '../../store/desk-comments';
import { actingUser } from './actingUser';
import type { HandlerContext } from './context';
import type { HandlerTable } from './table';

const now = () => new Date().toISOString();
// With a desk the name is the one the desk knows, so a comment reads the same on every machine.
const author = (ctx: HandlerContext) => actingUser(ctx);

function requireArticle(ctx: HandlerContext, articleId: string): void {
  if (!getArticleMeta(ctx.db, articleId))
    throw new UserError('not_found', { key: 'noSuchArticle', params: { id: articleId } }, [
      { path: 'articleId', message: 'not found' },
    ]);
}

function requireThread(ctx: HandlerContext, threadId: string) {
  const thread = getThread(ctx.db, threadId);
  if (!thread)
    throw new UserError('not_found', { key: 'noSuchThread', params: { id: threadId } }, [
      { path: 'threadId', message: 'not found' },
    ]);
  return thread;
}

function requireFreeId(ctx: HandlerContext, path: string, taken: boolean, value: string): void {
  if (taken)
    throw new UserError('validation', { key: 'idUsed', params: { id: value } }, [
      { path, message: 'already used' },
    ]);
}

export const commentsHandlers = {
  'comments:list': ({ articleId }, ctx) => {
    requireArticle(ctx, articleId);
    return listThreads(ctx.db, articleId);
  },
  'comments:create': (input, ctx) => {
    requireArticle(ctx, input.articleId);
    requireFreeId(ctx, 'id', getThread(ctx.db, input.id) !== null, input.id);
    requireFreeId(ctx, 'commentId', getComment(ctx.db, input.commentId) !== null, input.commentId);
    const claimId = input.claimId ?? null;
    if (claimId !== null && getClaim(ctx.db, claimId)?.articleId !== input.articleId) {
      throw new UserError('validation', { key: 'claimNotInArticle', params: { id: claimId } }, [
        { path: 'claimId', message: 'not in this article' },
      ]);
    }
    return insertThread(
      ctx.db,
      {
        id: input.id,
        articleId: input.articleId,
        claimId,
        quote: input.quote,
        comment: { id: input.commentId, author: author(ctx), body: input.body },
      },
      now(),
    );
  },
  'comments:reply': ({ threadId, commentId, body }, ctx) => {
    requireThread(ctx, threadId);
    requireFreeId(ctx, 'commentId', getComment(ctx.db, commentId) !== null, commentId);
    addComment(ctx.db, threadId, { id: commentId, author: author(ctx), body }, now());
    return getThread(ctx.db, threadId)!;
  },
  'comments:edit': ({ commentId, body }, ctx) => {
    const comment = getComment(ctx.db, commentId);
    if (!comment)
      throw new UserError('not_found', { key: 'noSuchComment', params: { id: commentId } }, [
        { path: 'commentId', message: 'not found' },
      ]);
    if (comment.author !== author(ctx)) {
      throw new UserError('validation', { key: 'notYourComment', params: { author: comment.author } }, [
        { path: 'commentId', message: 'written by someone else' },
      ]);
    }
    editComment(ctx.db, commentId, body, now());
    return getThread(ctx.db, comment.threadId)!;
  },
  'comments:set-status': ({ threadId, status }, ctx) => {
    requireThread(ctx, threadId);
    setThreadStatus(ctx.db, threadId, status, now());
    return getThread(ctx.db, threadId)!;
  },
  'comments:sync': ({ articleId, threadIds }, ctx) => {
    requireArticle(ctx, articleId);
    return { changed: syncThreadAnchors(ctx.db, articleId, new Set(threadIds), now()) };
  },
  'comments:mentions': (_input, ctx) => {
    const me = actingUser(ctx);
    const threads = new Map<string, Set<string>>();
    for (const c of listOpenThreadComments(ctx.db)) {
      if (!mentionsUser(c.body, me)) continue;
      (threads.get(c.articleId) ?? threads.set(c.articleId, new Set()).get(c.articleId)!).add(c.threadId);
    }
    return [...threads].map(([articleId, ids]) => ({ articleId, threads: ids.size }));
  },
  'comments:desk-read': ({ articleId }, ctx) => {
    requireArticle(ctx, articleId);
    return deskThreadState(ctx.db, articleId);
  },
  'comments:desk-apply': ({ articleId, records }, ctx) => {
    requireArticle(ctx, articleId);
    const parsed = records.map((r, i) => {
      const { id, ...fields } = r;
      const record = parseThreadRecord(typeof id === 'string' ? id : '', fields);
      if (!record)
        throw new UserError('validation', { key: 'deskThreadMalformed', params: { n: i + 1 } }, [
          { path: `records.${i}`, message: 'is not a comment thread' },
        ]);
      return record;
    });
    return applyDeskThreads(ctx.db, articleId, parsed);
  },
} satisfies HandlerTable<
  | 'comments:list'
  | 'comments:create'
  | 'comments:reply'
  | 'comments:edit'
  | 'comments:set-status'
  | 'comments:sync'
  | 'comments:mentions'
  | 'comments:desk-read'
  | 'comments:desk-apply'
>;
