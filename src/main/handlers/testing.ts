import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../store/db';
import type { HandlerContext } from './context';

export interface TempContextOptions {
  prefix?: string;
  userName?: string;
  locale?: string;
  platform?: Partial<HandlerContext['platform']>;
}

/** A handler context over a real SQLite file in a fresh temp folder, for tests. */
export function tempContext(options: TempContextOptions = {}): HandlerContext {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? 'factdesk-test-'));
  return {
    db: openDatabase(path.join(dir, 'factdesk.sqlite')),
    dataDir: dir,
    appVersion: 'test',
    os: {
      userName: options.userName ?? 'Erika Prüfer',
      locale: options.locale ?? 'de-DE',
      platform: 'linux',
    },
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => true, ...options.platform },
  };
}

export function disposeContext(ctx: HandlerContext): void {
  if (ctx.db.open) ctx.db.close();
  fs.rmSync(ctx.dataDir, { recursive: true, force: true });
}
