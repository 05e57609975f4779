import { startDeskServer } from '../src/desk-server';

/**
 * A desk server in its own process, for specs that must kill it (SIGKILL) and start it again on
 * the same storage: `node desk-server-main.mjs <sqlite file> <port>`. Prints its URL once listening.
 */
const [file, port] = process.argv.slice(2);
const server = await startDeskServer({
  storage: { kind: 'sqlite', file },
  port: Number(port),
  // The frame guard's refusals, for specs to check that the app never sends what the desk refuses.
  log: (line) => {
    if (line.startsWith('closed the connection')) process.stderr.write(`${line}\n`);
  },
});
process.stdout.write(`FACTDESK_DESK_SERVER ${server.url}\n`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
