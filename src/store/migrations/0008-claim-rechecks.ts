import { STALE_REASONS } from '../../shared/claims/stale';
import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Stale-claim alerts: one row per claim and fact change that can make the claim wrong
 * (old → new as JSON). A row stays open until someone re-checks the claim; it is then marked
 * resolved, never deleted, so the claim's record shows what changed and who looked again.
 *
 * Reserved as schema version 8; the list must stay contiguous, so in a branch without
 * version 7 (the desk client's) this applies as 7 and is renumbered when both are merged.
 */
export const migration0008: Migration = {
  version: 7,
  name: 'claim-rechecks',
  up(db) {
    db.exec(`
      CREATE TABLE claim_rechecks (
        seq INTEGER PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        fact_type TEXT NOT NULL CHECK (fact_type IN ('entity', 'role', 'deal', 'quote', 'source')),
        fact_id TEXT NOT NULL,
        fact_label TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN (${list(STALE_REASONS)})),
        before TEXT NOT NULL CHECK (json_valid(before)),
        after TEXT NOT NULL CHECK (json_valid(after)),
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        resolved_by TEXT,
        resolved_at TEXT,
        CHECK ((resolved_by IS NULL) = (resolved_at IS NULL))
      );
      CREATE INDEX claim_rechecks_open ON claim_rechecks (claim_id, seq) WHERE resolved_at IS NULL;
    `);
  },
};
