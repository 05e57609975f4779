import { STALE_REASONS } from '../../shared/claims/stale';
import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Stale-claim alerts and the local side of the desk's shared fact store (tables below).
 *
 * Stale-claim alerts: one row per claim and fact change that can make the claim wrong
 * (old → new as JSON). A row stays open until someone re-checks the claim; it is then marked
 * resolved, never deleted, so the claim's record shows what changed and who looked again.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'claim-rechecks-desk-facts',
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

      -- The shared fact store over the desk (src/main/desk-facts). Facts a member keeps to
      -- themselves ("keep local"), facts known to be on the desk (so a record gone from the
      -- desk is deleted here), desk change-log entries already in the local audit log, and how
      -- far the local audit log has been pushed.
      CREATE TABLE desk_fact_local (
        record_type TEXT NOT NULL CHECK (record_type IN ('entity', 'role', 'deal', 'quote', 'source', 'citation')),
        record_id TEXT NOT NULL,
        PRIMARY KEY (record_type, record_id)
      ) WITHOUT ROWID;
      CREATE TABLE desk_fact_shared (
        record_type TEXT NOT NULL CHECK (record_type IN ('entity', 'role', 'deal', 'quote', 'source', 'citation')),
        record_id TEXT NOT NULL,
        PRIMARY KEY (record_type, record_id)
      ) WITHOUT ROWID;
      CREATE TABLE desk_fact_seen (change_id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE desk_fact_sync (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        audit_cursor INTEGER NOT NULL CHECK (audit_cursor >= 0),
        -- Set by "share local facts" / "share this fact": the sync shares every local fact not yet on the desk.
        share_requested INTEGER NOT NULL DEFAULT 0 CHECK (share_requested IN (0, 1))
      );
    `);
  },
};
