import type { Migration } from './types';

/**
 * Corrections of published articles (issue 14): the notes, what they are linked to, every step
 * taken on them, and the offers to write one. Reserved as 0011; self-contained so it can be
 * renumbered at merge.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'corrections',
  up(db) {
    db.exec(`
      CREATE TABLE corrections (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        wrong_text TEXT NOT NULL CHECK (length(trim(wrong_text)) > 0),
        right_text TEXT NOT NULL CHECK (length(trim(right_text)) > 0),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        exported_at TEXT,
        -- Withdrawn before any export; the row stays for the history.
        withdrawn_at TEXT
      );
      CREATE INDEX corrections_article ON corrections (article_id, created_at);
      CREATE TABLE correction_links (
        correction_id TEXT NOT NULL REFERENCES corrections (id) ON DELETE CASCADE,
        ref_type TEXT NOT NULL CHECK (ref_type IN ('claim', 'entity', 'role', 'deal', 'quote', 'source')),
        ref_id TEXT NOT NULL,
        PRIMARY KEY (correction_id, ref_type, ref_id)
      );
      CREATE INDEX correction_links_ref ON correction_links (ref_type, ref_id);
      CREATE TABLE correction_history (
        seq INTEGER PRIMARY KEY,
        correction_id TEXT NOT NULL REFERENCES corrections (id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('created', 'edited', 'withdrawn', 'exported')),
        wrong_text TEXT NOT NULL,
        right_text TEXT NOT NULL,
        by TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX correction_history_correction ON correction_history (correction_id, seq);
      CREATE TABLE correction_prompts (
        seq INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        reason TEXT NOT NULL CHECK (reason IN ('text', 'recheck')),
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        changes TEXT NOT NULL DEFAULT '[]',
        facts TEXT NOT NULL DEFAULT '[]',
        noted_by TEXT NOT NULL,
        noted_at TEXT NOT NULL,
        -- Settled by a correction, or by someone deciding none is needed (correction_id NULL).
        settled_by TEXT,
        settled_at TEXT,
        correction_id TEXT REFERENCES corrections (id) ON DELETE SET NULL
      );
      CREATE INDEX correction_prompts_open ON correction_prompts (article_id, settled_at);
    `);
  },
};
