import { startDeskServer } from '../src/desk-server';

/**
 * A desk server in its own process, for specs that must kill it (SIGKILL) and start it again on
 * the same storage: `node desk-server-main.mjs <sqlite file> <port>`. Prints its URL once listening.
 */
const [file, port] = process.argv.slice(2);
const server = await startDeskServer({ storage: { kind: 'sqlite', file }, port: Number(port) });
process.stdout.write(`FACTDESK_DESK_SERVER ${server.url}\n`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
