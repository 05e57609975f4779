import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, resolveDataDir } from '../runtime';
import { openWithSystem } from '../system-open';
import { warmTransferLibraries } from '../warm-transfer';
import { startBrowserShell } from './server';

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = argValue(argv, '--renderer-dir') ?? path.resolve(here, '../renderer');
  const port = Number(argValue(argv, '--port') ?? process.env.FACTDESK_PORT ?? 0);
  const token = argValue(argv, '--token') ?? process.env.FACTDESK_TOKEN;

  const ctx = createContext({
    deferSync: true,
    dataDir,
    platform: {
      kind: 'browser',
      nativeMenu: false,
      openExternal: openWithSystem,
      // The system Chromium prints; loaded on the first PDF so start-up does not pay for playwright-core.
      printToPdf: async (html) => (await import('../export/pdf')).printHtmlToPdf(html, { chromiumPath: process.env.FACTDESK_CHROMIUM || undefined }),
    },
  });
  const shell = await startBrowserShell({ ctx, rendererDir, port, token });
  // The start script and the e2e harness read this exact line.
  console.log(`FACTDESK_BROWSER_SHELL ${shell.launchUrl}`);
  console.log(`Factdesk is running in the browser shell. Data: ${dataDir}`);
  void warmTransferLibraries({ pdf: true });

  const stop = async () => {
    await shell.close();
    ctx.db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Factdesk could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
