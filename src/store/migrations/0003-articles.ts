import type { Migration } from './types';

/**
 * Articles and their revisions. The body is Lexical editor-state JSON (the stored truth);
 * `body_text` and `search_text` are derived copies kept only so the library can count and
 * search without parsing JSON, and are rewritten on every save.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'articles',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        kicker TEXT NOT NULL DEFAULT '',
        headline TEXT NOT NULL DEFAULT '',
        lead TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '',
        dateline TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL CHECK (language IN ('de', 'en')),
        author TEXT NOT NULL DEFAULT '',
        desk TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'in_fact_check', 'ready', 'published', 'archived')),
        trashed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        opened_at TEXT,
        -- Bumped on every write; a save names the rev it started from, so two writers never
        -- silently overwrite each other.
        rev INTEGER NOT NULL DEFAULT 1,
        body_schema INTEGER NOT NULL DEFAULT 1,
        body TEXT NOT NULL CHECK (json_valid(body)),
        body_text TEXT NOT NULL DEFAULT '',
        word_count INTEGER NOT NULL DEFAULT 0,
        search_text TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX articles_by_updated ON articles (updated_at);
      CREATE INDEX articles_by_opened ON articles (opened_at) WHERE opened_at IS NOT NULL;

      CREATE TABLE article_revisions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('auto', 'status', 'named', 'restore')),
        name TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        body_schema INTEGER NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        meta TEXT NOT NULL CHECK (json_valid(meta)),
        word_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id);
    `);
  },
};
