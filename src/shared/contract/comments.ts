import { z } from 'zod';
import { channel } from './define';
import { storedText } from './storedText';
import { COMMENT_LIMITS, type CommentThread } from '../domain/comments';
import type { DeskThreadRecord } from '../desk/threadRecords';

const id = storedText(64);
const body = storedText(COMMENT_LIMITS.body);

/** Threads of an article: comments anchored to text (a mark with the thread id) or to a claim. */
export const commentsContract = {
  'comments:list': channel<CommentThread[]>()(z.object({ articleId: id }).strict()),
  /** Starts a thread; the renderer picks the ids so the mark can be set before the record exists. */
  'comments:create': channel<CommentThread>()(
    z
      .object({
        articleId: id,
        id,
        commentId: id,
        claimId: id.nullable().optional(),
        quote: z.string().max(COMMENT_LIMITS.quote),
        body,
      })
      .strict(),
  ),
  'comments:reply': channel<CommentThread>()(z.object({ threadId: id, commentId: id, body }).strict()),
  /** Only the author may change a comment's text. */
  'comments:edit': channel<CommentThread>()(z.object({ commentId: id, body }).strict()),
  'comments:set-status': channel<CommentThread>()(
    z.object({ threadId: id, status: z.enum(['open', 'resolved']) }).strict(),
  ),
  /** The thread marks in the body now: threads whose text is gone become detached, undo attaches them again. */
  'comments:sync': channel<{ changed: string[] }>()(
    z.object({ articleId: id, threadIds: z.array(id).max(5000) }).strict(),
  ),
  /** Articles (not in the trash) with open threads that mention the acting user, for the library. */
  'comments:mentions': channel<MentioningArticle[]>()(z.object({}).strict().optional()),
  /** The article's threads as they travel in its desk document ('comments' Y.Map). */
  'comments:desk-read': channel<DeskThreadRecord[]>()(z.object({ articleId: id }).strict()),
  /** Threads that arrived from the desk, into the local tables (each record is checked by the handler). */
  'comments:desk-apply': channel<{ changed: number; waiting: number }>()(
    z.object({ articleId: id, records: z.array(z.record(z.string(), z.unknown())).max(5000) }).strict(),
  ),
};

export interface MentioningArticle {
  articleId: string;
  /** Open threads of the article with a comment naming the user. */
  threads: number;
}
