import type { Migration } from './types';

/**
 * The text inside attached source files (issue 17). `source_documents` holds one row per
 * source whose file was read: its format, how far extraction got (a 300-page PDF is read in
 * the background and can be cancelled), why it failed, and what a saved web page says about
 * itself (title, original URL, saving date). `source_segments` is the text in reading order —
 * one row per PDF page, or per heading/paragraph of HTML, DOCX and plain text — which the
 * viewer shows and citations point into. Its FTS table makes a phrase from a press release
 * find the source in the fact search; rows are folded in JavaScript like the other indexes,
 * so only deletes can be done by a trigger.
 *
 * A claim may link to a source at one place: `claim_links` gets the locator and the passage.

 */
export const migration0012: Migration = {
  version: 12,
  name: 'source-documents',
  up(db) {
    db.exec(`
      CREATE TABLE source_documents (
        source_id TEXT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
        file_hash TEXT NOT NULL CHECK (length(file_hash) = 64),
        format TEXT NOT NULL CHECK (format IN ('pdf', 'html', 'mhtml', 'docx', 'text', 'image', 'other')),
        state TEXT NOT NULL CHECK (state IN ('extracting', 'done', 'failed', 'cancelled')),
        pages_done INTEGER NOT NULL DEFAULT 0 CHECK (pages_done >= 0),
        pages_total INTEGER CHECK (pages_total >= 0),
        error TEXT,
        doc_title TEXT,
        original_url TEXT,
        saved_at TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE source_segments (
        seq INTEGER PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES source_documents (source_id) ON DELETE CASCADE,
        ord INTEGER NOT NULL CHECK (ord >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('page', 'heading', 'paragraph')),
        page INTEGER CHECK (page >= 1),
        paragraph INTEGER CHECK (paragraph >= 1),
        heading TEXT,
        text TEXT NOT NULL,
        UNIQUE (source_id, ord)
      );
      CREATE VIRTUAL TABLE source_segment_fts USING fts5 (t, s, content = '', contentless_delete = 1, prefix = '2 3');
      CREATE TRIGGER source_segments_unindex AFTER DELETE ON source_segments BEGIN
        DELETE FROM source_segment_fts WHERE rowid = old.seq;
      END;
      ALTER TABLE claim_links ADD COLUMN locator TEXT;
      ALTER TABLE claim_links ADD COLUMN excerpt TEXT;
    `);
  },
};
