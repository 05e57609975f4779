import type { Migration } from './types';

/**
 * Comment threads of an article (issue 14), anchored to text by a mark with the thread id or to
 * a claim. Reserved as 0009 on the desk plan; numbered after the migrations present at merge.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'comments',
  up(db) {
    db.exec(`
      CREATE TABLE comment_threads (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        -- A thread on a claim; deleting the claim keeps the discussion, as text on the article.
        claim_id TEXT REFERENCES claims (id) ON DELETE SET NULL,
        quote TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        detached INTEGER NOT NULL DEFAULT 0 CHECK (detached IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX comment_threads_article ON comment_threads (article_id, status);
      CREATE TABLE thread_comments (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 64),
        thread_id TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        body TEXT NOT NULL CHECK (length(trim(body)) > 0),
        created_at TEXT NOT NULL,
        edited_at TEXT
      );
      CREATE INDEX thread_comments_thread ON thread_comments (thread_id, seq);
    `);
  },
};
