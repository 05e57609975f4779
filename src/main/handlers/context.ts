import type { Db } from '../../store/db';
import type { TransferRunner } from '../transfer-worker/jobs';

/**
 * What a shell lends the handlers. Electron and the browser shell each provide one;
 * tests provide their own. Nothing here imports electron.
 */
export interface ShellPlatform {
  kind: 'electron' | 'browser' | 'cli' | 'test';
  nativeMenu: boolean;
  /** Opens an http(s)/mailto URL outside the app; the caller has already checked the scheme. */
  openExternal(url: string): Promise<boolean>;
  /** Renders HTML to PDF with Chromium (Electron's webContents or a system Chromium). */
  printToPdf?(html: string): Promise<Uint8Array>;
  /** The shell's native save dialog, opened at the suggested full path; null when cancelled. */
  chooseSavePath?(suggestedPath: string): Promise<string | null>;
}

export interface HandlerContext {
  db: Db;
  dataDir: string;
  appVersion: string;
  platform: ShellPlatform;
  /** OS facts used for defaults (user name, locale). */
  os: { userName: string; locale: string; platform: string };
  /**
   * Set while the store is a read-only copy because the data folder could not be written at
   * start: opens the folder's own store once it is writable again (true when it did).
   */
  reopenWritable?(): boolean;
  /**
   * Where imports are parsed and exports rendered: the shells' worker thread, so their other
   * calls are not held up; without one (CLI, tests) the work runs on the calling thread.
   */
  transfer?: TransferRunner;
}
