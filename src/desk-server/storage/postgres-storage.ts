import pg from 'pg';
import { isDeskRole, type DeskRole } from '../../shared/desk/names';
import { DESK_SCHEMA_TABLE, pendingMigrations } from './migrations';
import type { DeskDocumentInfo, DeskFileInfo, DeskStorage, DeskUserRecord } from './storage';

/** An arbitrary constant: the advisory lock two servers starting at once take before migrating. */
const MIGRATION_LOCK = 7_401_512;

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

  return {
    kind: 'postgres',
    location: redactedUrl(url),
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
    async close() {
      await pool.end();
    },
  };
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
