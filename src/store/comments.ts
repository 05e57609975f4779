import type { CommentThread, ThreadComment, ThreadStatus } from '../shared/domain/comments';
import type { Db } from './db';
import { prepared } from './prepared';

interface ThreadRow {
  id: string;
  article_id: string;
  claim_id: string | null;
  quote: string;
  status: ThreadStatus;
  detached: number;
  created_at: string;
  updated_at: string;
}
interface CommentRow {
  thread_id: string;
  id: string;
  author: string;
  body: string;
  created_at: string;
  edited_at: string | null;
}

const THREAD_COLUMNS = 'id, article_id, claim_id, quote, status, detached, created_at, updated_at';
const COMMENT_COLUMNS = 'thread_id, id, author, body, created_at, edited_at';

const toComment = (r: CommentRow): ThreadComment => ({
  id: r.id,
  author: r.author,
  body: r.body,
  createdAt: r.created_at,
  editedAt: r.edited_at,
});

function toThread(r: ThreadRow, comments: ThreadComment[]): CommentThread {
  return {
    id: r.id,
    articleId: r.article_id,
    claimId: r.claim_id,
    quote: r.quote,
    status: r.status,
    detached: r.detached === 1,
    comments,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The threads of an article, oldest first, each with its comments in the order written. */
export function listThreads(db: Db, articleId: string): CommentThread[] {
  const threads = prepared(
    db,
    `SELECT ${THREAD_COLUMNS} FROM comment_threads WHERE article_id = ? ORDER BY created_at, id`,
  ).all(articleId) as ThreadRow[];
  const comments = prepared(
    db,
    `SELECT ${COMMENT_COLUMNS.split(', ')
      .map((c) => `c.${c}`)
      .join(', ')} FROM thread_comments c
     JOIN comment_threads t ON t.id = c.thread_id WHERE t.article_id = ? ORDER BY c.seq`,
  ).all(articleId) as CommentRow[];
  const byThread = new Map<string, ThreadComment[]>();
  for (const c of comments)
    (byThread.get(c.thread_id) ?? byThread.set(c.thread_id, []).get(c.thread_id)!).push(toComment(c));
  return threads.map((t) => toThread(t, byThread.get(t.id) ?? []));
}

export function getThread(db: Db, id: string): CommentThread | null {
  const row = prepared(db, `SELECT ${THREAD_COLUMNS} FROM comment_threads WHERE id = ?`).get(id) as
    ThreadRow | undefined;
  if (!row) return null;
  const comments = prepared(
    db,
    `SELECT ${COMMENT_COLUMNS} FROM thread_comments WHERE thread_id = ? ORDER BY seq`,
  ).all(id) as CommentRow[];
  return toThread(row, comments.map(toComment));
}

export function getComment(db: Db, id: string): (ThreadComment & { threadId: string }) | null {
  const row = prepared(db, `SELECT ${COMMENT_COLUMNS} FROM thread_comments WHERE id = ?`).get(id) as
    CommentRow | undefined;
  return row ? { ...toComment(row), threadId: row.thread_id } : null;
}

export interface NewThread {
  id: string;
  articleId: string;
  claimId: string | null;
  quote: string;
  comment: { id: string; author: string; body: string };
}

/** A thread and its first comment, written together. */
export function insertThread(db: Db, t: NewThread, now: string): CommentThread {
  db.transaction(() => {
    prepared(
      db,
      `INSERT INTO comment_threads (id, article_id, claim_id, quote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(t.id, t.articleId, t.claimId, t.quote, now, now);
    addComment(db, t.id, t.comment, now);
  })();
  return getThread(db, t.id)!;
}

export function addComment(
  db: Db,
  threadId: string,
  c: { id: string; author: string; body: string },
  now: string,
): void {
  db.transaction(() => {
    prepared(
      db,
      'INSERT INTO thread_comments (id, thread_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(c.id, threadId, c.author, c.body, now);
    prepared(db, 'UPDATE comment_threads SET updated_at = ? WHERE id = ?').run(now, threadId);
  })();
}

export function editComment(db: Db, id: string, body: string, now: string): void {
  prepared(db, 'UPDATE thread_comments SET body = ?, edited_at = ? WHERE id = ?').run(body, now, id);
}

export function setThreadStatus(db: Db, id: string, status: ThreadStatus, now: string): void {
  prepared(db, 'UPDATE comment_threads SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
}

/** Marks threads detached or attached by which thread marks are in the body now; returns the ids that changed. */
export function syncThreadAnchors(
  db: Db,
  articleId: string,
  inText: ReadonlySet<string>,
  now: string,
): string[] {
  const changed: string[] = [];
  db.transaction(() => {
    for (const t of listThreads(db, articleId)) {
      if (t.claimId !== null) continue;
      const detached = !inText.has(t.id);
      if (detached === t.detached) continue;
      prepared(db, 'UPDATE comment_threads SET detached = ?, updated_at = ? WHERE id = ?').run(
        detached ? 1 : 0,
        now,
        t.id,
      );
      changed.push(t.id);
    }
  })();
  return changed;
}

/** The comments of open threads in articles outside the trash, for finding mentions across the library. */
export function listOpenThreadComments(db: Db): { articleId: string; threadId: string; body: string }[] {
  return prepared(
    db,
    `SELECT t.article_id AS articleId, t.id AS threadId, c.body AS body FROM thread_comments c
     JOIN comment_threads t ON t.id = c.thread_id JOIN articles a ON a.id = t.article_id
     WHERE t.status = 'open' AND a.trashed_at IS NULL ORDER BY t.article_id, c.seq`,
  ).all() as { articleId: string; threadId: string; body: string }[];
}
