import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isDeskRole, type DeskRole } from '../../shared/desk/names';
import { DESK_SCHEMA_TABLE, pendingMigrations } from './migrations';
import type { DeskDocumentInfo, DeskFileInfo, DeskStorage, DeskUserRecord } from './storage';

/**
 * The embedded default: one SQLite file in the desk server's data folder. The server and the
 * `desk add-user` CLI may use the file at the same time, hence WAL and a busy timeout.
 * synchronous = FULL because a stored document is what a killed server falls back to.
 */
export function openSqliteStorage(file: string): DeskStorage {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 15000');
  db.pragma('synchronous = FULL');
  migrate(db);

  const q = {
    version: db.prepare(`SELECT COALESCE(MAX(version), 0) AS v FROM ${DESK_SCHEMA_TABLE}`),
    fetchDoc: db.prepare('SELECT state FROM desk_documents WHERE name = ?'),
    storeDoc: db.prepare(
      `INSERT INTO desk_documents (name, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    ),
    listDocs: db.prepare('SELECT name, length(state) AS bytes, updated_at FROM desk_documents ORDER BY name'),
    userByName: db.prepare('SELECT revoked_at FROM desk_users WHERE name = ?'),
    insertUser: db.prepare(
      'INSERT INTO desk_users (name, role, token_sha256, created_at) VALUES (?, ?, ?, ?)',
    ),
    renewUser: db.prepare(
      'UPDATE desk_users SET role = ?, token_sha256 = ?, created_at = ?, revoked_at = NULL WHERE name = ?',
    ),
    listUsers: db.prepare('SELECT name, role, created_at, revoked_at FROM desk_users ORDER BY name'),
    revokeUser: db.prepare('UPDATE desk_users SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL'),
    userByToken: db.prepare(
      'SELECT name, role FROM desk_users WHERE token_sha256 = ? AND revoked_at IS NULL',
    ),
    putFile: db.prepare(
      `INSERT INTO desk_files (sha256, bytes, size, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO NOTHING`,
    ),
    getFile: db.prepare('SELECT bytes FROM desk_files WHERE sha256 = ?'),
    listFiles: db.prepare(
      'SELECT sha256, size, uploaded_by, uploaded_at FROM desk_files ORDER BY uploaded_at, sha256',
    ),
  };
  const now = () => new Date().toISOString();

  const addUser = db.transaction((name: string, role: DeskRole, hash: string): boolean => {
    const existing = q.userByName.get(name) as { revoked_at: string | null } | undefined;
    if (existing && existing.revoked_at === null) return false;
    if (existing) q.renewUser.run(role, hash, now(), name);
    else q.insertUser.run(name, role, hash, now());
    return true;
  });

  return {
    kind: 'sqlite',
    location: file,
    async schemaVersion() {
      return (q.version.get() as { v: number }).v;
    },
    async fetchDocument(name) {
      const row = q.fetchDoc.get(name) as { state: Buffer } | undefined;
      return row ? new Uint8Array(row.state) : null;
    },
    async storeDocument(name, state) {
      q.storeDoc.run(name, Buffer.from(state), now());
    },
    async listDocuments(): Promise<DeskDocumentInfo[]> {
      return (q.listDocs.all() as { name: string; bytes: number; updated_at: string }[]).map((r) => ({
        name: r.name,
        bytes: r.bytes,
        updatedAt: r.updated_at,
      }));
    },
    async addUser(name, role, tokenSha256) {
      return addUser(name, role, tokenSha256);
    },
    async listUsers(): Promise<DeskUserRecord[]> {
      return (
        q.listUsers.all() as { name: string; role: string; created_at: string; revoked_at: string | null }[]
      ).map((r) => ({
        name: r.name,
        role: toRole(r.role),
        createdAt: r.created_at,
        revokedAt: r.revoked_at,
      }));
    },
    async revokeUser(name) {
      return q.revokeUser.run(now(), name).changes > 0;
    },
    async userByTokenHash(tokenSha256) {
      const row = q.userByToken.get(tokenSha256) as { name: string; role: string } | undefined;
      return row ? { name: row.name, role: toRole(row.role) } : null;
    },
    async putFile(sha256, bytes, uploadedBy) {
      q.putFile.run(sha256, Buffer.from(bytes), bytes.byteLength, uploadedBy, now());
    },
    async getFile(sha256) {
      const row = q.getFile.get(sha256) as { bytes: Buffer } | undefined;
      return row ? new Uint8Array(row.bytes) : null;
    },
    async listFiles(): Promise<DeskFileInfo[]> {
      return (
        q.listFiles.all() as { sha256: string; size: number; uploaded_by: string; uploaded_at: string }[]
      ).map((r) => ({
        sha256: r.sha256,
        size: r.size,
        uploadedBy: r.uploaded_by,
        uploadedAt: r.uploaded_at,
      }));
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

export function peekSqliteSchemaVersion(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
      .get(DESK_SCHEMA_TABLE);
    if (!table) return 0;
    return (
      db.prepare(`SELECT COALESCE(MAX(version), 0) AS v FROM ${DESK_SCHEMA_TABLE}`).get() as { v: number }
    ).v;
  } finally {
    db.close();
  }
}

function migrate(db: Database.Database): void {
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${DESK_SCHEMA_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  // IMMEDIATE: two processes opening a fresh file must not both apply version 1.
  const apply = db.transaction(() => {
    const current = (
      db.prepare(`SELECT COALESCE(MAX(version), 0) AS v FROM ${DESK_SCHEMA_TABLE}`).get() as { v: number }
    ).v;
    for (const m of pendingMigrations(current)) {
      db.exec(m.sqlite);
      db.prepare(`INSERT INTO ${DESK_SCHEMA_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`).run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }
  });
  apply.immediate();
}

function toRole(value: string): DeskRole {
  // The CHECK constraint keeps other values out; this guards against a hand-edited database.
  if (!isDeskRole(value)) throw new Error(`desk_users has an unknown role "${value}"`);
  return value;
}
