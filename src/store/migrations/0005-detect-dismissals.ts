import type { Migration } from './types';

/**
 * Suggestions a checker dismissed, per article. A dismissal is keyed by the suggestion's kind
 * and its normalised text rather than by offsets: offsets move with every edit above the
 * suggestion, the words of the claim do not.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'detect-dismissals',
  up(db) {
    db.exec(`
      CREATE TABLE detect_dismissals (
        seq INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('quote', 'amount', 'date', 'count', 'ranking', 'role', 'other')),
        text_key TEXT NOT NULL CHECK (length(text_key) > 0),
        -- The text as it stood when dismissed, for a list of dismissals a person can read.
        text TEXT NOT NULL,
        dismissed_by TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (article_id, kind, text_key)
      );
    `);
  },
};
