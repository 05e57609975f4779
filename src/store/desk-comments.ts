import {
  mergeThreadRecords,
  threadRecord,
  threadRecordKey,
  type DeskThreadRecord,
} from '../shared/desk/threadRecords';
import { getThread, listThreads } from './comments';
import type { Db } from './db';
import { prepared } from './prepared';

/**
 * The SQL side of the comment threads that travel in a desk document: an article's threads as
 * desk records, and records from the desk written into the comment tables, so the Comments tab,
 * the claim details, the library's mentions and the exports read them like local ones.
 */
export function deskThreadState(db: Db, articleId: string): DeskThreadRecord[] {
  return listThreads(db, articleId).map(threadRecord);
}

/**
 * Writes desk records into the local tables; returns how many threads changed. Threads and
 * comments of other articles are never touched, and a thread on a claim this machine has not
 * heard of yet waits (the claim arrives through the claims map; the next pull brings the thread).
 */
export function applyDeskThreads(
  db: Db,
  articleId: string,
  records: readonly DeskThreadRecord[],
): { changed: number; waiting: number } {
  return db.transaction(() => {
    let changed = 0;
    let waiting = 0;
    const claimOf = prepared(db, 'SELECT article_id FROM claims WHERE id = ?').pluck();
    const commentThread = prepared(db, 'SELECT thread_id FROM thread_comments WHERE id = ?').pluck();
    for (const record of records) {
      const local = getThread(db, record.id);
      if (local && local.articleId !== articleId) continue;
      if (record.claimId !== null && claimOf.get(record.claimId) !== articleId) {
        waiting++;
        continue;
      }
      const before = local ? threadRecord(local) : null;
      const next = mergeThreadRecords(before, record);
      if (before && threadRecordKey(before) === threadRecordKey(next)) continue;
      prepared(
        db,
        `INSERT INTO comment_threads (id, article_id, claim_id, quote, status, detached, created_at, updated_at)
         VALUES (@id, @articleId, @claimId, @quote, @status, @detached, @createdAt, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET claim_id = @claimId, quote = @quote, status = @status, detached = @detached,
           created_at = @createdAt, updated_at = @updatedAt`,
      ).run({ ...next, articleId, detached: next.detached ? 1 : 0 });
      for (const c of next.comments) {
        const owner = commentThread.get(c.id);
        if (owner === undefined) {
          prepared(
            db,
            'INSERT INTO thread_comments (id, thread_id, author, body, created_at, edited_at) VALUES (?, ?, ?, ?, ?, ?)',
          ).run(c.id, next.id, c.author, c.body, c.createdAt, c.editedAt);
        } else if (owner === next.id) {
          prepared(db, 'UPDATE thread_comments SET body = ?, edited_at = ? WHERE id = ?').run(
            c.body,
            c.editedAt,
            c.id,
          );
        }
      }
      changed++;
    }
    return { changed, waiting };
  })();
}
