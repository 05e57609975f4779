import { createContext, resolveDataDir } from '../main/runtime';
import { openWithSystem } from '../main/system-open';
import type { HandlerContext } from '../main/handlers';

/** The CLI opens the same data folder and handlers as the app. */
export function cliContext(flags: Record<string, string | boolean>): HandlerContext {
  const argv = typeof flags['data-dir'] === 'string' ? ['--data-dir', flags['data-dir']] : [];
  return createContext({
    dataDir: resolveDataDir(argv),
    platform: {
      kind: 'cli',
      nativeMenu: false,
      openExternal: openWithSystem,
      // The system Chromium prints; loaded on the first PDF so other commands start fast.
      printToPdf: async (html) =>
        (await import('../main/export/pdf')).printHtmlToPdf(html, {
          chromiumPath: process.env.FACTDESK_CHROMIUM || undefined,
        }),
    },
  });
}
