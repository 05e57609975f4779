import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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
  type MirrorReportRow,
} from './storage';

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
    // The member row is taken or refreshed only for the user who owns the id; no row changed → report ignored.
    seenMember: db.prepare(
      `INSERT INTO desk_members (member_id, user_name, last_seen) VALUES (?, ?, ?)
       ON CONFLICT (member_id) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)
       WHERE desk_members.user_name = excluded.user_name`,
    ),
    memberOwner: db.prepare('SELECT user_name FROM desk_members WHERE member_id = ?'),
    reportDocument: db.prepare(
      `INSERT INTO desk_member_documents (member_id, document, state_vector, reported_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (member_id, document) DO UPDATE SET state_vector = excluded.state_vector,
         reported_at = excluded.reported_at`,
    ),
    listMembers: db.prepare(
      `SELECT m.member_id, m.user_name, m.last_seen, (u.name IS NULL OR u.revoked_at IS NOT NULL) AS revoked
       FROM desk_members m LEFT JOIN desk_users u ON u.name = m.user_name ORDER BY m.user_name, m.member_id`,
    ),
    listMemberDocs: db.prepare('SELECT member_id, document, state_vector FROM desk_member_documents'),
    forgetMemberDocs: db.prepare('DELETE FROM desk_member_documents WHERE member_id = ?'),
    forgetMember: db.prepare('DELETE FROM desk_members WHERE member_id = ?'),
    insertRun: db.prepare('INSERT INTO desk_prune_runs (started_at, finished_at, report) VALUES (?, ?, ?)'),
    trimRuns: db.prepare(
      'DELETE FROM desk_prune_runs WHERE id NOT IN (SELECT id FROM desk_prune_runs ORDER BY id DESC LIMIT ?)',
    ),
    listRuns: db.prepare('SELECT report FROM desk_prune_runs ORDER BY id DESC LIMIT ?'),
  };
  const now = () => new Date().toISOString();
  let serverLock: Database.Database | null = null;

  const saveReports = db.transaction((reports: readonly MirrorReportRow[]) => {
    for (const r of reports) {
      q.seenMember.run(r.member, r.user, r.at);
      const owner = q.memberOwner.get(r.member) as { user_name: string } | undefined;
      if (owner?.user_name !== r.user || !r.document || !r.stateVector) continue;
      q.reportDocument.run(r.member, r.document, Buffer.from(r.stateVector), r.at);
    }
  });
  const forget = db.transaction((members: readonly string[]) => {
    for (const m of members) {
      q.forgetMemberDocs.run(m);
      q.forgetMember.run(m);
    }
  });
  const recordRun = db.transaction((run: DeskPruneRun) => {
    q.insertRun.run(run.startedAt, run.finishedAt, JSON.stringify(run));
    q.trimRuns.run(DESK_PRUNE_RUNS_KEPT);
  });

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
      // IMMEDIATE: the transaction reads before it writes, and a deferred one that read while
      // the running server wrote could not upgrade — "database is locked" at once, busy timeout
      // or not (SQLITE_BUSY_SNAPSHOT). Taking the write lock first waits for the server instead.
      return addUser.immediate(name, role, tokenSha256);
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
    async saveMirrorReports(reports) {
      saveReports(reports);
    },
    async listMembers() {
      return (
        q.listMembers.all() as { member_id: string; user_name: string; last_seen: string; revoked: number }[]
      ).map((r) => ({
        member: r.member_id,
        user: r.user_name,
        lastSeen: r.last_seen,
        revoked: r.revoked === 1,
      }));
    },
    async listMemberDocuments() {
      return (q.listMemberDocs.all() as { member_id: string; document: string; state_vector: Buffer }[]).map(
        (r) => ({ member: r.member_id, document: r.document, stateVector: new Uint8Array(r.state_vector) }),
      );
    },
    async forgetMembers(members) {
      forget(members);
    },
    async recordPruneRun(run) {
      recordRun(run);
    },
    async listPruneRuns(limit) {
      return (q.listRuns.all(limit) as { report: string }[]).map((r) => JSON.parse(r.report) as DeskPruneRun);
    },
    async claimServer() {
      if (serverLock) return;
      // An exclusive transaction on a file beside the database, held while the server runs: the
      // operating system drops it with the process, so a killed server leaves no stale claim, and
      // the desk database itself stays open to `desk add-user` and the other subcommands.
      const lock = new Database(`${file}${SERVER_LOCK_SUFFIX}`, { timeout: 0 });
      try {
        lock.pragma('journal_mode = DELETE');
        lock.exec('BEGIN EXCLUSIVE');
      } catch (error) {
        lock.close();
        if ((error as { code?: string }).code === 'SQLITE_BUSY')
          throw new DeskStorageBusyError(`the SQLite file ${file}`);
        throw error;
      }
      serverLock = lock;
    },
    async close() {
      if (serverLock?.open) {
        serverLock.exec('ROLLBACK');
        serverLock.close();
      }
      serverLock = null;
      if (db.open) db.close();
    },
  };
}

/** The file whose lock says a desk server runs on the database (see claimServer). */
export const SERVER_LOCK_SUFFIX = '-server-lock';

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
