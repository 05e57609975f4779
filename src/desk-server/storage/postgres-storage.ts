import pg from 'pg';
import { isDeskRole, type DeskRole } from '../../shared/desk/names';
import { DESK_SCHEMA_TABLE, pendingMigrations } from './migrations';
import {
  DeskStorageBusyError,
  DESK_PRUNE_RUNS_KEPT,
  type DeskDocumentInfo,
  type DeskFileInfo,
  type DeskPruneRun,
  type DeskStorage,
  type DeskUserRecord,
} from './storage';

/** An arbitrary constant: the advisory lock two servers starting at once take before migrating. */
const MIGRATION_LOCK = 7_401_512;
/** Another: the session lock a running server holds (claimServer). */
const SERVER_LOCK = 7_401_513;

/** PostgreSQL storage for a desk server on a real machine. */
export async function openPostgresStorage(url: string): Promise<DeskStorage> {
  const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', (error) => console.error('[desk postgres]', error.message));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  let serverLock: pg.Client | null = null;
  return {
    kind: 'postgres',
    location: redactedUrl(url),
    async claimServer() {
      if (serverLock) return;
      // A session lock on a connection of its own: PostgreSQL drops it when the server's process
      // (and so the connection) goes away.
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
      client.on('error', (error) =>
        console.error('[desk postgres] the server lock connection:', error.message),
      );
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        SERVER_LOCK,
      ]);
      if (!rows[0].locked) {
        await client.end();
        throw new DeskStorageBusyError(`PostgreSQL at ${redactedUrl(url)}`);
      }
      serverLock = client;
    },
    async schemaVersion() {
      const { rows } = await pool.query<{ v: number }>(
        `SELECT COALESCE(MAX(version), 0)::int AS v FROM ${DESK_SCHEMA_TABLE}`,
      );
      return rows[0].v;
    },
    async fetchDocument(name) {
      const { rows } = await pool.query<{ state: Buffer }>(
        'SELECT state FROM desk_documents WHERE name = $1',
        [name],
      );
      return rows.length ? new Uint8Array(rows[0].state) : null;
    },
    async storeDocument(name, state) {
      await pool.query(
        `INSERT INTO desk_documents (name, state, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
        [name, Buffer.from(state)],
      );
    },
    async listDocuments(): Promise<DeskDocumentInfo[]> {
      const { rows } = await pool.query<{ name: string; bytes: number; updated_at: Date }>(
        'SELECT name, octet_length(state)::int AS bytes, updated_at FROM desk_documents ORDER BY name',
      );
      return rows.map((r) => ({ name: r.name, bytes: r.bytes, updatedAt: r.updated_at.toISOString() }));
    },
    async addUser(name, role, tokenSha256) {
      // One statement, so two admins adding the same name cannot both win.
      const { rowCount } = await pool.query(
        `INSERT INTO desk_users (name, role, token_sha256, created_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (name) DO UPDATE SET role = excluded.role, token_sha256 = excluded.token_sha256,
           created_at = excluded.created_at, revoked_at = NULL
         WHERE desk_users.revoked_at IS NOT NULL`,
        [name, role, tokenSha256],
      );
      return (rowCount ?? 0) > 0;
    },
    async listUsers(): Promise<DeskUserRecord[]> {
      const { rows } = await pool.query<{
        name: string;
        role: string;
        created_at: Date;
        revoked_at: Date | null;
      }>('SELECT name, role, created_at, revoked_at FROM desk_users ORDER BY name');
      return rows.map((r) => ({
        name: r.name,
        role: toRole(r.role),
        createdAt: r.created_at.toISOString(),
        revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
      }));
    },
    async revokeUser(name) {
      const { rowCount } = await pool.query(
        'UPDATE desk_users SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL',
        [name],
      );
      return (rowCount ?? 0) > 0;
    },
    async userByTokenHash(tokenSha256) {
      const { rows } = await pool.query<{ name: string; role: string }>(
        'SELECT name, role FROM desk_users WHERE token_sha256 = $1 AND revoked_at IS NULL',
        [tokenSha256],
      );
      return rows.length ? { name: rows[0].name, role: toRole(rows[0].role) } : null;
    },
    async putFile(sha256, bytes, uploadedBy) {
      await pool.query(
        `INSERT INTO desk_files (sha256, bytes, size, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (sha256) DO NOTHING`,
        [sha256, Buffer.from(bytes), bytes.byteLength, uploadedBy],
      );
    },
    async getFile(sha256) {
      const { rows } = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM desk_files WHERE sha256 = $1', [
        sha256,
      ]);
      return rows.length ? new Uint8Array(rows[0].bytes) : null;
    },
    async listFiles(): Promise<DeskFileInfo[]> {
      const { rows } = await pool.query<{
        sha256: string;
        size: number;
        uploaded_by: string;
        uploaded_at: Date;
      }>('SELECT sha256, size, uploaded_by, uploaded_at FROM desk_files ORDER BY uploaded_at, sha256');
      return rows.map((r) => ({
        sha256: r.sha256,
        size: r.size,
        uploadedBy: r.uploaded_by,
        uploadedAt: r.uploaded_at.toISOString(),
      }));
    },
    async saveMirrorReports(reports) {
      if (reports.length === 0) return;
      await inTransaction(pool, async (client) => {
        for (const r of reports) {
          // Taken or refreshed only for the user who owns the id; no row back → the report is ignored.
          const { rowCount } = await client.query(
            `INSERT INTO desk_members (member_id, user_name, last_seen) VALUES ($1, $2, $3)
             ON CONFLICT (member_id) DO UPDATE SET last_seen = greatest(desk_members.last_seen, excluded.last_seen)
             WHERE desk_members.user_name = excluded.user_name`,
            [r.member, r.user, r.at],
          );
          if (!rowCount || !r.document || !r.stateVector) continue;
          await client.query(
            `INSERT INTO desk_member_documents (member_id, document, state_vector, reported_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (member_id, document) DO UPDATE SET state_vector = excluded.state_vector,
               reported_at = excluded.reported_at`,
            [r.member, r.document, Buffer.from(r.stateVector), r.at],
          );
        }
      });
    },
    async listMembers() {
      const { rows } = await pool.query<{
        member_id: string;
        user_name: string;
        last_seen: Date;
        revoked: boolean;
      }>(
        `SELECT m.member_id, m.user_name, m.last_seen, (u.name IS NULL OR u.revoked_at IS NOT NULL) AS revoked
         FROM desk_members m LEFT JOIN desk_users u ON u.name = m.user_name ORDER BY m.user_name, m.member_id`,
      );
      return rows.map((r) => ({
        member: r.member_id,
        user: r.user_name,
        lastSeen: r.last_seen.toISOString(),
        revoked: r.revoked,
      }));
    },
    async listMemberDocuments() {
      const { rows } = await pool.query<{ member_id: string; document: string; state_vector: Buffer }>(
        'SELECT member_id, document, state_vector FROM desk_member_documents',
      );
      return rows.map((r) => ({
        member: r.member_id,
        document: r.document,
        stateVector: new Uint8Array(r.state_vector),
      }));
    },
    async forgetMembers(members) {
      if (members.length === 0) return;
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM desk_member_documents WHERE member_id = ANY($1)', [members]);
        await client.query('DELETE FROM desk_members WHERE member_id = ANY($1)', [members]);
      });
    },
    async recordPruneRun(run) {
      await inTransaction(pool, async (client) => {
        await client.query(
          'INSERT INTO desk_prune_runs (started_at, finished_at, report) VALUES ($1, $2, $3)',
          [run.startedAt, run.finishedAt, JSON.stringify(run)],
        );
        await client.query(
          'DELETE FROM desk_prune_runs WHERE id NOT IN (SELECT id FROM desk_prune_runs ORDER BY id DESC LIMIT $1)',
          [DESK_PRUNE_RUNS_KEPT],
        );
      });
    },
    async listPruneRuns(limit) {
      const { rows } = await pool.query<{ report: string }>(
        'SELECT report FROM desk_prune_runs ORDER BY id DESC LIMIT $1',
        [limit],
      );
      return rows.map((r) => JSON.parse(r.report) as DeskPruneRun);
    },
    async close() {
      const lock = serverLock;
      serverLock = null;
      await lock?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function peekPostgresSchemaVersion(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>(
      'SELECT to_regclass($1) IS NOT NULL AS present',
      [DESK_SCHEMA_TABLE],
    );
    if (!rows[0].present) return 0;
    const version = await client.query<{ v: number }>(
      `SELECT COALESCE(MAX(version), 0)::int AS v FROM ${DESK_SCHEMA_TABLE}`,
    );
    return version.rows[0].v;
  } finally {
    await client.end();
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${DESK_SCHEMA_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<{ v: number }>(
      `SELECT COALESCE(MAX(version), 0)::int AS v FROM ${DESK_SCHEMA_TABLE}`,
    );
    for (const m of pendingMigrations(rows[0].v)) {
      await client.query(m.postgres);
      await client.query(
        `INSERT INTO ${DESK_SCHEMA_TABLE} (version, name, applied_at) VALUES ($1, $2, now())`,
        [m.version, m.name],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The URL as it may be printed: without its password. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

function toRole(value: string): DeskRole {
  if (!isDeskRole(value)) throw new Error(`desk_users has an unknown role "${value}"`);
  return value;
}
