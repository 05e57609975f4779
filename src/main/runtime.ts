import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, ForeignDatabaseError, openDatabase, type Db } from '../store/db';
import { keepDurable } from '../store/durability';
import {
  createBackupNow,
  DatabaseDamagedError,
  listBackups,
  newestGoodBackup,
  quickCheck,
} from '../store/backups';
import { appHoldsStore, holdAppLock, type AppLock } from '../store/appLock';
import { keepDailyBackups } from '../store/dailyBackups';
import { folderWritable, openReadOnlyCopy } from '../store/readOnlyCopy';
import { APP_VERSION } from './version';
import type { HandlerContext, ShellPlatform } from './handlers';
import type { TransferRunner } from './transfer-worker/jobs';

export { APP_VERSION };
export { DATABASE_FILE };

/** The same folder Electron's app.getPath('userData') gives for productName "Factdesk", so CLI and app share data. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Factdesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Factdesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Factdesk');
}

/** `--data-dir <dir>` or `--data-dir=<dir>` wins over FACTDESK_DATA_DIR, which wins over the OS default. */
export function resolveDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  fallback?: string,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]);
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
  }
  if (env.FACTDESK_DATA_DIR) return path.resolve(env.FACTDESK_DATA_DIR);
  return fallback ?? defaultDataDir(env);
}

export function osFacts(locale?: string): HandlerContext['os'] {
  let userName = '';
  try {
    userName = os.userInfo().username;
  } catch {
    userName = process.env.USER ?? process.env.USERNAME ?? '';
  }
  return {
    userName,
    locale:
      locale ?? process.env.LC_ALL ?? process.env.LANG ?? Intl.DateTimeFormat().resolvedOptions().locale,
    platform: process.platform,
  };
}

export interface RuntimeOptions {
  dataDir: string;
  platform: ShellPlatform;
  nativeBinding?: string;
  locale?: string;
  /**
   * The app (either shell) saves every second while someone types: it syncs to disk a moment
   * after writes instead of on each commit. Short-lived callers such as the CLI leave this off.
   */
  deferSync?: boolean;
  /** The shells' transfer worker pool (HandlerContext.transfer). */
  transfer?: TransferRunner;
}

/** SQLite's words for a file that is not a sound database. */
const DAMAGE_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_VTAB',
  'SQLITE_CORRUPT_INDEX',
]);

/**
 * Opens the data folder's database: backs it up before a migration, refuses to run on a
 * damaged one (a quick check at every start; `DatabaseDamagedError` names the newest good
 * backup), and in the app keeps it durable and backed up daily.
 */
export function openStore(options: Pick<RuntimeOptions, 'dataDir' | 'nativeBinding' | 'deferSync'>): Db {
  const file = path.join(options.dataDir, DATABASE_FILE);
  // SQLite takes an empty file for a new database and would start an empty store on it. Beside
  // backups it is a store cut to nothing (a full disk, a failed copy), not a first start.
  if (isEmptyFile(file) && listBackups(options.dataDir).length > 0) {
    throw new DatabaseDamagedError(file, 'the file is empty (0 bytes)', newestGoodBackup(options.dataDir));
  }
  let db: Db;
  try {
    db = openDatabase(file, {
      nativeBinding: options.nativeBinding,
      sync: options.deferSync ? 'deferred' : 'each-commit',
      beforeMigrate: (open) => void createBackupNow(open, options.dataDir, 'before-migration'),
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if ((code && DAMAGE_CODES.has(code)) || err instanceof ForeignDatabaseError)
      throw new DatabaseDamagedError(file, (err as Error).message, newestGoodBackup(options.dataDir));
    throw err;
  }
  if (options.deferSync || !(checkedUnchanged(file) || appHoldsStore(file, options.nativeBinding))) {
    const finding = quickCheck(db);
    if (finding !== null) {
      db.close();
      throw new DatabaseDamagedError(file, finding, newestGoodBackup(options.dataDir));
    }
    rememberCheck(file);
  }
  return db;
}

// Held for the life of the process: a lock object that is garbage-collected closes its
// connection and with it the lock.
const appLocks = new Map<string, AppLock | null>();

/** The app has checked its store: CLI commands meanwhile may rely on that (store/appLock.ts). */
function vouchForStore(options: Pick<RuntimeOptions, 'dataDir' | 'nativeBinding'>): void {
  const file = path.join(options.dataDir, DATABASE_FILE);
  if (appLocks.get(file)) return;
  try {
    appLocks.set(file, holdAppLock(file, options.nativeBinding));
  } catch {
    // Only a speed-up for CLI commands run beside the app; without it they check for themselves.
  }
}

/**
 * The quick check reads every page (about 1.3 s for 150 MB). The app pays that once per start;
 * the CLI, started for each command, skips it while the database file is byte for byte where
 * the last good check left it (same size and modification time), or while an app that checked
 * it at its start has it open (store/appLock.ts), and checks again otherwise.
 */
const checkMarker = (file: string) => `${file}-checked`;

function isEmptyFile(file: string): boolean {
  try {
    return fs.statSync(file).size === 0;
  } catch {
    return false;
  }
}

function fileStamp(file: string): string {
  const stat = fs.statSync(file);
  // The log counts too: SQLite applies whatever log lies beside the file, even another database's.
  // An empty log (what an open connection has and a closed one leaves behind) changes nothing.
  const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
  return `${stat.size}:${stat.mtimeMs}` + (wal && wal.size > 0 ? `:${wal.size}:${wal.mtimeMs}` : '');
}

function checkedUnchanged(file: string): boolean {
  try {
    return fs.readFileSync(checkMarker(file), 'utf8') === fileStamp(file);
  } catch {
    return false;
  }
}

function rememberCheck(file: string): void {
  try {
    fs.writeFileSync(checkMarker(file), fileStamp(file));
  } catch {
    // Only a speed-up for the next command; without it that command checks again.
  }
}

export function createContext(options: RuntimeOptions): HandlerContext {
  if (!folderWritable(options.dataDir) && fs.existsSync(path.join(options.dataDir, DATABASE_FILE)))
    return readOnlyContext(options);
  const db = openStore(options);
  if (options.deferSync) {
    keepDurable(db);
    keepDailyBackups(db, options.dataDir);
    vouchForStore(options);
  }
  return {
    db,
    dataDir: options.dataDir,
    appVersion: APP_VERSION,
    platform: options.platform,
    os: osFacts(options.locale),
    ...(options.transfer ? { transfer: options.transfer } : {}),
  };
}

/**
 * A data folder that cannot be written at start (a read-only mount, a locked-down share): the
 * app opens on a read-only copy of its store, so everything stored can be read and every save
 * is refused with the reason. The first write tried after the folder became writable again
 * opens the folder's own store (checked, migrated, kept durable) and goes through there.
 */
function readOnlyContext(options: RuntimeOptions): HandlerContext {
  const copy = openReadOnlyCopy(options.dataDir, options.nativeBinding);
  const dropCopy = () => copy.close();
  process.once('exit', dropCopy);
  const ctx: HandlerContext = {
    db: copy.db,
    dataDir: options.dataDir,
    appVersion: APP_VERSION,
    platform: options.platform,
    os: osFacts(options.locale),
    ...(options.transfer ? { transfer: options.transfer } : {}),
    reopenWritable() {
      if (!folderWritable(options.dataDir)) return false;
      const db = openStore(options);
      copy.close();
      process.off('exit', dropCopy);
      ctx.db = db;
      delete ctx.reopenWritable;
      if (options.deferSync) {
        keepDurable(db);
        keepDailyBackups(db, options.dataDir);
        vouchForStore(options);
      }
      return true;
    },
  };
  return ctx;
}
