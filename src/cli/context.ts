import { createContext, resolveDataDir } from '../main/runtime';
import { openWithSystem } from '../main/system-open';
import type { HandlerContext } from '../main/handlers';

/** The CLI opens the same data folder and handlers as the app. */
export function cliContext(flags: Record<string, string | boolean>): HandlerContext {
  const argv = typeof flags['data-dir'] === 'string' ? ['--data-dir', flags['data-dir']] : [];
  return createContext({
    dataDir: resolveDataDir(argv),
    platform: { kind: 'cli', nativeMenu: false, openExternal: openWithSystem },
  });
}
