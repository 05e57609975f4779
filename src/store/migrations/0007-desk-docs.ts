import type { Migration } from './types';

/**
 * The desk client's local copy of shared documents. Every Yjs update the app makes or receives
 * is appended (so a crash loses nothing the editor showed), and loading merges them into one row
 * again. `pending` marks updates made here that the desk server has not confirmed yet: they are
 * the "changes waiting" while offline. `desk_articles` lists the local articles that are bound to
 * a desk document, with who shared them.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'desk-docs',
  up(db) {
    db.exec(`
      CREATE TABLE desk_doc_updates (
        seq INTEGER PRIMARY KEY,
        doc TEXT NOT NULL CHECK (length(doc) BETWEEN 1 AND 200),
        data BLOB NOT NULL CHECK (length(data) > 0),
        pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
        created_at TEXT NOT NULL
      );
      CREATE INDEX desk_doc_updates_doc ON desk_doc_updates (doc, seq);
      CREATE INDEX desk_doc_updates_pending ON desk_doc_updates (pending) WHERE pending = 1;

      CREATE TABLE desk_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        shared_by TEXT NOT NULL,
        shared_at TEXT NOT NULL
      );
    `);
  },
};
