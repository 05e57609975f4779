import path from 'node:path';
import readline from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { runDeskFacts } from '../desk-facts/service';
import { createContext, resolveDataDir } from '../runtime';
import { openWithSystem } from '../system-open';
import { loadAllHandlers } from '../handlers';
import { warmTransferLibraries } from '../warm-transfer';
import { TransferPool } from '../transfer-worker/pool';
import transferWorkerPath from '../transfer-worker/workerPath';
import { startBrowserShell } from './server';
import { ShellEventHub } from '../shell-events';
import { readShellState, writeShellState } from './sessionState';
import { openOrOfferRestore } from '../damagedStore';
import type { DatabaseDamagedError } from '../../store/backups';
import { damagedStoreWords, systemLanguage } from '../../shared/i18n/damagedStore';

/** Asks on the terminal that started the shell, in the system's language; without one (a service, a pipe) the answer is no. */
async function askInTerminal(damage: DatabaseDamagedError): Promise<boolean> {
  const words = damagedStoreWords(systemLanguage(process.env.LC_ALL || process.env.LANG), damage);
  console.error(`${words.message}\n${words.detail}`);
  if (!process.stdin.isTTY || !damage.newestGood) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${words.restore}? ${words.prompt} `);
    return words.yes.test(answer.trim());
  } finally {
    rl.close();
  }
}

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
  const state = readShellState(dataDir);
  const port = Number(argValue(argv, '--port') ?? process.env.FACTDESK_PORT ?? state.port);
  // Imports and exports are parsed and rendered on a worker thread, PDFs printed from there too:
  // the libraries' loading and work never hold up the page's other calls.
  const transfer = new TransferPool({ workerPath: transferWorkerPath });

  const opening = await openOrOfferRestore(
    dataDir,
    () =>
      createContext({
        deferSync: true,
        dataDir,
        platform: {
          kind: 'browser',
          nativeMenu: false,
          openExternal: openWithSystem,
          printToPdf: (html) => transfer.printPdf(html, process.env.FACTDESK_CHROMIUM || undefined),
        },
        transfer,
      }),
    askInTerminal,
  );
  if ('refused' in opening) {
    console.error(`Factdesk could not start: ${opening.refused.message}`);
    process.exit(1);
  }
  const ctx = opening.opened;
  // Before the launch line: the page's first calls should not wait for a domain's handlers to load.
  await loadAllHandlers();
  const events = new ShellEventHub();
  const shell = await startBrowserShell({ ctx, rendererDir, port, sessionSecret: state.secret, events });
  writeShellState(dataDir, { port: shell.port, secret: state.secret });
  const deskFacts = runDeskFacts(ctx, {
    onProblem: (message) => console.error(message),
    onFactsChanged: () => events.emit('facts-changed'),
  });
  // The start script and the e2e harness read this exact line; its token opens one session, once.
  console.log(`FACTDESK_BROWSER_SHELL ${shell.launchUrl}`);
  console.log(`Factdesk is running in the browser shell. Data: ${dataDir}`);
  void warmTransferLibraries({
    libraries: [['import and export libraries, playwright-core', () => transfer.warm(true)]],
  });

  const stop = async () => {
    deskFacts.stop();
    await shell.close();
    await transfer.close();
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
