import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../store/db';
import { keepDurable } from '../store/durability';
import { APP_VERSION } from './version';
import type { HandlerContext, ShellPlatform } from './handlers';

export { APP_VERSION };
export { DATABASE_FILE };

/** The same folder Electron's app.getPath('userData') gives for productName "Factdesk", so CLI and app share data. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Factdesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Factdesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Factdesk');
}

/** `--data-dir <dir>` or `--data-dir=<dir>` wins over FACTDESK_DATA_DIR, which wins over the OS default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, fallback?: string): string {
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
    locale: locale ?? process.env.LC_ALL ?? process.env.LANG ?? Intl.DateTimeFormat().resolvedOptions().locale,
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
}

export function createContext(options: RuntimeOptions): HandlerContext {
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE), {
    nativeBinding: options.nativeBinding,
    sync: options.deferSync ? 'deferred' : 'each-commit',
  });
  if (options.deferSync) keepDurable(db);
  return {
    db,
    dataDir: options.dataDir,
    appVersion: APP_VERSION,
    platform: options.platform,
    os: osFacts(options.locale),
  };
}
