import { CLAIM_KINDS, CLAIM_STATUSES } from '../../shared/domain/articles';
import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Claims marked in article bodies. A claim row outlives its mark: when the marked text is
 * deleted the row stays with `in_text = 0`, so nothing a checker recorded is lost and undo
 * can bring it back. `claim_links` (created with the fact store) holds the linked facts.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'claims',
  up(db) {
    db.exec(`
      CREATE TABLE claims (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN (${list(CLAIM_KINDS)})),
        status TEXT NOT NULL DEFAULT 'unchecked' CHECK (status IN (${list(CLAIM_STATUSES)})),
        text TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        in_text INTEGER NOT NULL DEFAULT 1 CHECK (in_text IN (0, 1)),
        -- The paragraph around the mark as the editor last saw it, and the mark's offsets in it;
        -- used for the checks until the autosaved body carries the mark.
        context TEXT NOT NULL DEFAULT '',
        context_start INTEGER NOT NULL DEFAULT 0,
        context_end INTEGER NOT NULL DEFAULT 0,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (context_start >= 0 AND context_start <= context_end)
      );
      CREATE INDEX claims_by_article ON claims (article_id, seq);

      CREATE TABLE claim_status_history (
        seq INTEGER PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN (${list(CLAIM_STATUSES)})),
        checker TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX claim_status_history_by_claim ON claim_status_history (claim_id, seq);

      CREATE TABLE claim_dismissed_warnings (
        seq INTEGER PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        code TEXT NOT NULL CHECK (length(code) > 0),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        checker TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (claim_id, code)
      );

      -- Every move to "ready": override_reason is NULL when every claim was verified, else the
      -- written reason, with the claims that were still open at that moment.
      CREATE TABLE ready_gate_passes (
        seq INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        passed_by TEXT NOT NULL,
        at TEXT NOT NULL,
        override_reason TEXT CHECK (override_reason IS NULL OR length(override_reason) > 0),
        open_claims TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(open_claims) AND json_type(open_claims) = 'array')
      );
      CREATE INDEX ready_gate_passes_by_article ON ready_gate_passes (article_id, seq);

      -- claim_links has no foreign key (it predates this table); keep it from pointing at claims
      -- that are gone, or the fact store would refuse to delete facts nobody relies on.
      CREATE TRIGGER claims_drop_links AFTER DELETE ON claims
      BEGIN
        DELETE FROM claim_links WHERE claim_id = old.id;
      END;
    `);
  },
};
