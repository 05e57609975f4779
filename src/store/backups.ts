import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, type Db } from './db';
import { storedFileInfo } from './files';
import { migrations as defaultMigrations, type Migration } from './migrations';
import { BACKUP_REASONS, type BackupReason } from '../shared/contract/backups';
import { englishSentence, type ErrorText } from '../shared/errorText';

/**
 * Copies of the database in the data folder's `backups/`, taken with SQLite's online backup
 * (the app keeps working while one is made): before a migration, before a fact-pack import,
 * once a day while the app runs, and on request. Each `.sqlite` file has a `.json` manifest
 * beside it. Attached source files are not copied: they live in the data folder by SHA-256
 * and are never deleted, so the manifest only lists the hashes the backup refers to.
 */

export const BACKUP_DIR = 'backups';

export { BACKUP_REASONS, type BackupReason };

export interface BackupInfo {
  /** File name inside backups/ (the id the UI and the CLI use). */
  name: string;
  file: string;
  createdAt: string;
  reason: BackupReason;
  schemaVersion: number;
  size: number;
  /** SHA-256 of every attached source file the backup refers to. */
  files: string[];
}

interface Manifest {
  format: 'factdesk-backup';
  version: 1;
  createdAt: string;
  reason: BackupReason;
  schemaVersion: number;
  files: string[];
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

const latestSchema = (list = defaultMigrations) => (list.length === 0 ? 0 : list[list.length - 1].version);

function backupName(now: Date, reason: BackupReason): string {
  return `factdesk-${now.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
}

const manifestPath = (file: string) => file.replace(/\.sqlite$/, '.json');

/**
 * Turns a fresh copy into a self-contained file (no write-ahead log beside it, so it can be
 * opened read-only, moved and checked on its own) and writes its manifest.
 */
function seal(file: string, now: Date, reason: BackupReason): BackupInfo {
  const copy = new Database(file);
  let schemaVersion: number;
  let files: string[];
  try {
    copy.pragma('journal_mode = DELETE');
    schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    files = referencedFiles(copy);
  } finally {
    copy.close();
  }
  const manifest: Manifest = {
    format: 'factdesk-backup',
    version: 1,
    createdAt: now.toISOString(),
    reason,
    schemaVersion,
    files,
  };
  fs.writeFileSync(manifestPath(file), JSON.stringify(manifest, null, 2));
  return {
    name: path.basename(file),
    file,
    createdAt: manifest.createdAt,
    reason,
    schemaVersion,
    size: fs.statSync(file).size,
    files,
  };
}

/** SHA-256 of every attached source file a database refers to (the files live once in files/). */
function referencedFiles(db: Db): string[] {
  const hasSources =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sources'").get() !== undefined;
  return hasSources
    ? (db
        .prepare('SELECT DISTINCT file_hash FROM sources WHERE file_hash IS NOT NULL ORDER BY file_hash')
        .pluck()
        .all() as string[])
    : [];
}

/**
 * Attached files the database refers to that are not in the data folder's files/ (a backup
 * restored into another data folder, or files removed by hand): their sources stay, the
 * files cannot be opened.
 */
export function missingFiles(db: Db, dataDir: string): string[] {
  return referencedFiles(db).filter((hash) => !storedFileInfo(dataDir, hash).stored);
}

/** The online backup of a running database into `file` (which must not exist yet); the app's writes go on meanwhile. */
export async function backupToFile(db: Db, file: string): Promise<void> {
  const tmp = `${file}.part`;
  fs.rmSync(tmp, { force: true });
  // All remaining pages per step: a step holds no lock between calls, and fewer steps restart less often.
  await db.backup(tmp, { progress: () => 0x7fffffff });
  const copy = new Database(tmp);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  fs.renameSync(tmp, file);
}

/** Takes a backup into backups/ and prunes the set (unless told not to); resolves with the new backup. */
export async function createBackup(
  db: Db,
  dataDir: string,
  reason: BackupReason,
  now = new Date(),
  prune = true,
): Promise<BackupInfo> {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupName(now, reason));
  await backupToFile(db, file);
  const info = seal(file, now, reason);
  if (prune) pruneBackups(dataDir);
  return info;
}

/**
 * The same, synchronously, for the two moments that cannot wait for the event loop: opening
 * a database that needs migrating and just before a fact pack is written. `VACUUM INTO` writes
 * a consistent snapshot in one statement; it must run outside a transaction.
 */
export function createBackupNow(db: Db, dataDir: string, reason: BackupReason, now = new Date()): BackupInfo {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupName(now, reason));
  const tmp = `${file}.part`;
  fs.rmSync(tmp, { force: true });
  db.prepare('VACUUM INTO ?').run(tmp);
  fs.renameSync(tmp, file);
  const info = seal(file, now, reason);
  pruneBackups(dataDir);
  return info;
}

function readManifest(file: string): Manifest | null {
  try {
    const value = JSON.parse(fs.readFileSync(manifestPath(file), 'utf8')) as Partial<Manifest>;
    if (value.format !== 'factdesk-backup' || typeof value.createdAt !== 'string') return null;
    if (!BACKUP_REASONS.includes(value.reason as BackupReason)) return null;
    return value as Manifest;
  } catch {
    return null;
  }
}

/** Every backup in backups/, newest first. A file without a readable manifest is listed from its name and size. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.sqlite')) continue;
    const file = path.join(dir, name);
    const manifest = readManifest(file);
    const stat = fs.statSync(file);
    const reason = (BACKUP_REASONS.find((r) => name.endsWith(`-${r}.sqlite`)) ?? 'manual') as BackupReason;
    out.push({
      name,
      file,
      createdAt: manifest?.createdAt ?? stat.mtime.toISOString(),
      reason: manifest?.reason ?? reason,
      schemaVersion: manifest?.schemaVersion ?? -1,
      size: stat.size,
      files: manifest?.files ?? [],
    });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

const dayOf = (iso: string) => iso.slice(0, 10);

/** ISO-8601 week ("2026-W49"), so a week runs Monday to Sunday whatever the locale. */
function weekOf(iso: string): string {
  const d = new Date(`${dayOf(iso)}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      (d.getTime() - firstThursday.getTime()) / 86_400_000 / 7 -
        (((firstThursday.getUTCDay() + 6) % 7) - 3) / 7,
    );
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which backups a rotating set keeps: the newest of each of the last 7 days that have one,
 * and the newest of each of the last 4 weeks that have one. Everything else goes.
 */
export function backupsToKeep(
  list: readonly Pick<BackupInfo, 'name' | 'createdAt'>[],
  daily = 7,
  weekly = 4,
): Set<string> {
  const newestFirst = [...list].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name),
  );
  const keep = new Set<string>();
  const pick = (bucket: (iso: string) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const key = bucket(b.createdAt);
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      keep.add(b.name);
    }
  };
  pick(dayOf, daily);
  pick(weekOf, weekly);
  return keep;
}

/**
 * Applies the rotation to the backups the app took by itself. One taken on request ("Back up
 * now", `factdesk backup`) stays until someone deletes it.
 */
export function pruneBackups(dataDir: string): string[] {
  const list = listBackups(dataDir).filter((b) => b.reason !== 'manual');
  const keep = backupsToKeep(list);
  const removed: string[] = [];
  // Left by a backup the process was killed in the middle of.
  for (const name of fs.readdirSync(backupsDir(dataDir))) {
    const file = path.join(backupsDir(dataDir), name);
    if (name.endsWith('.part') && Date.now() - fs.statSync(file).mtimeMs > 60_000)
      fs.rmSync(file, { force: true });
  }
  for (const b of list) {
    if (keep.has(b.name)) continue;
    fs.rmSync(b.file, { force: true });
    fs.rmSync(manifestPath(b.file), { force: true });
    removed.push(b.name);
  }
  return removed;
}

export type BackupCheck =
  | { ok: true; schemaVersion: number }
  /** `problem` is the English sentence of `reason`, which the app shows in the writer's language. */
  | { ok: false; problem: string; reason: ErrorText };

function refused(reason: ErrorText): BackupCheck {
  return { ok: false, problem: englishSentence(reason), reason };
}

/**
 * Whether a file can be restored: a SQLite database that passes `integrity_check`, from this
 * schema version or an older one, whose migration history is Factdesk's own.
 */
export function checkBackup(file: string, list: readonly Migration[] = defaultMigrations): BackupCheck {
  const latest = latestSchema(list);
  if (!fs.existsSync(file)) return refused({ key: 'backupNoFile', params: { file } });
  if (fs.statSync(file).isDirectory()) return refused({ key: 'backupIsFolder', params: { file } });
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0].integrity_check !== 'ok') {
      return refused({
        key: 'backupDamaged',
        params: {
          finding: rows
            .slice(0, 3)
            .map((r) => r.integrity_check)
            .join('; '),
        },
      });
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      return refused({ key: 'backupNewer', params: { version, latest } });
    }
    if (!hasFactdeskHistory(db, version, list)) return refused({ key: 'backupNotFactdesk' });
    return { ok: true, schemaVersion: version };
  } catch (err) {
    return refused({ key: 'backupUnreadable', params: { detail: (err as Error).message } });
  } finally {
    db?.close();
  }
}

/**
 * Other tools keep a `schema_migrations` table too (Rails, dbmate, golang-migrate), so its
 * name proves nothing: the rows must be exactly this app's migrations up to the file's version.
 */
function hasFactdeskHistory(db: Db, version: number, list: readonly Migration[]): boolean {
  if (version < 1) return false;
  const columns = (db.pragma('table_info(schema_migrations)') as { name: string }[]).map((c) => c.name);
  if (!columns.includes('version') || !columns.includes('name')) return false;
  const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: unknown;
    name: unknown;
  }[];
  return rows.length === version && rows.every((r, i) => r.version === i + 1 && r.name === list[i]?.name);
}

/** `PRAGMA quick_check` on an open database: null when it is sound, else what SQLite found. */
export function quickCheck(db: Db): string | null {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0].quick_check === 'ok'
      ? null
      : rows
          .slice(0, 3)
          .map((r) => r.quick_check)
          .join('; ');
  } catch (err) {
    return (err as Error).message;
  }
}

/** The newest backup in backups/ that passes the checks, or null. */
export function newestGoodBackup(
  dataDir: string,
  list: readonly Migration[] = defaultMigrations,
): BackupInfo | null {
  for (const b of listBackups(dataDir)) if (checkBackup(b.file, list).ok) return b;
  return null;
}

/**
 * Restores a backup into the running database with SQLite's backup API, so open connections
 * (the app's, while the CLI restores) see the restored data and nothing is half-written. The
 * current state is backed up first. The caller migrates the result if it is older.
 */
export async function restoreIntoOpenDatabase(
  db: Db,
  dataDir: string,
  file: string,
  now = new Date(),
): Promise<{ safety: BackupInfo }> {
  const checked = checkBackup(file);
  if (!checked.ok) throw new BackupRefused(checked.reason);
  // Pruned only afterwards: the rotation could otherwise remove the very backup being restored.
  const safety = await createBackup(db, dataDir, 'before-restore', now, false);
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(db.name, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  pruneBackups(dataDir);
  return { safety };
}

/**
 * For a database too damaged to open or to read: moves it (with its log) into backups/ as
 * `…-damaged`, then copies the backup in its place. Only while nothing has the database open.
 */
export function restoreOverDamaged(dataDir: string, file: string, now = new Date()): { damagedCopy: string } {
  const checked = checkBackup(file);
  if (!checked.ok) throw new BackupRefused(checked.reason);
  const live = path.join(dataDir, DATABASE_FILE);
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const damagedCopy = path.join(
    dir,
    `factdesk-${now.toISOString().replace(/[:.]/g, '-')}-damaged.sqlite.broken`,
  );
  if (fs.existsSync(live)) fs.renameSync(live, damagedCopy);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, damagedCopy + suffix);
  }
  const tmp = `${live}.restoring`;
  fs.copyFileSync(file, tmp);
  fs.renameSync(tmp, live);
  return { damagedCopy };
}

export class BackupRefused extends Error {
  constructor(readonly reason: ErrorText) {
    super(englishSentence(reason));
    this.name = 'BackupRefused';
  }
}

export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly finding: string,
    readonly newestGood: BackupInfo | null,
  ) {
    super(
      `The Factdesk database ${file} is damaged (${finding}). Factdesk does not open a damaged store. ` +
        (newestGood
          ? `The newest good backup is from ${newestGood.createdAt}; restore it with "factdesk restore --latest" (the damaged file is kept).`
          : 'There is no good backup in its backups folder; keep the file and ask for help before changing anything.'),
    );
    this.name = 'DatabaseDamagedError';
  }
}
