/**
 * The desk server's schema, one entry per version, applied in order with its record in
 * desk_schema in the same transaction. Each entry carries the SQL for both back ends so they
 * never drift apart; a database newer than the newest entry is refused.
 */
export interface DeskMigration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const DESK_SCHEMA_TABLE = 'desk_schema';

export const DESK_MIGRATIONS: readonly DeskMigration[] = [
  {
    version: 1,
    name: 'documents-users-files',
    sqlite: `
      CREATE TABLE desk_documents (
        name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE desk_users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('editor', 'checker', 'viewer')),
        token_sha256 TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE desk_files (
        sha256 TEXT PRIMARY KEY,
        bytes BLOB NOT NULL,
        size INTEGER NOT NULL,
        uploaded_by TEXT NOT NULL,
        uploaded_at TEXT NOT NULL
      );`,
    postgres: `
      CREATE TABLE desk_documents (
        name TEXT PRIMARY KEY,
        state BYTEA NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE desk_users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('editor', 'checker', 'viewer')),
        token_sha256 TEXT NOT NULL UNIQUE,
        created_at TIMESTAMPTZ NOT NULL,
        revoked_at TIMESTAMPTZ
      );
      CREATE TABLE desk_files (
        sha256 TEXT PRIMARY KEY,
        bytes BYTEA NOT NULL,
        size INTEGER NOT NULL,
        uploaded_by TEXT NOT NULL,
        uploaded_at TIMESTAMPTZ NOT NULL
      );`,
  },
  {
    // Pruning the facts documents' change logs (docs/desk-facts.md): how far each member's local
    // store has mirrored each document, when each member was last heard of, and what each run did.
    version: 2,
    name: 'change-log-pruning',
    sqlite: `
      CREATE TABLE desk_members (
        member_id TEXT PRIMARY KEY,
        user_name TEXT NOT NULL,
        last_seen TEXT NOT NULL
      );
      CREATE TABLE desk_member_documents (
        member_id TEXT NOT NULL REFERENCES desk_members (member_id),
        document TEXT NOT NULL,
        state_vector BLOB NOT NULL,
        reported_at TEXT NOT NULL,
        PRIMARY KEY (member_id, document)
      );
      CREATE TABLE desk_prune_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        report TEXT NOT NULL
      );`,
    postgres: `
      CREATE TABLE desk_members (
        member_id TEXT PRIMARY KEY,
        user_name TEXT NOT NULL,
        last_seen TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE desk_member_documents (
        member_id TEXT NOT NULL REFERENCES desk_members (member_id),
        document TEXT NOT NULL,
        state_vector BYTEA NOT NULL,
        reported_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (member_id, document)
      );
      CREATE TABLE desk_prune_runs (
        id BIGSERIAL PRIMARY KEY,
        started_at TIMESTAMPTZ NOT NULL,
        finished_at TIMESTAMPTZ NOT NULL,
        report TEXT NOT NULL
      );`,
  },
];

export const DESK_SCHEMA_VERSION = DESK_MIGRATIONS[DESK_MIGRATIONS.length - 1].version;

export class DeskSchemaTooNewError extends Error {
  constructor(found: number) {
    super(
      `the desk database has schema version ${found}, newer than this server knows (${DESK_SCHEMA_VERSION}); update Factdesk`,
    );
    this.name = 'DeskSchemaTooNewError';
  }
}

/** The migrations still to apply to a database at `current`, refusing one from the future. */
export function pendingMigrations(current: number): readonly DeskMigration[] {
  if (current > DESK_SCHEMA_VERSION) throw new DeskSchemaTooNewError(current);
  return DESK_MIGRATIONS.filter((m) => m.version > current);
}
