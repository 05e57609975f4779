import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type WebSocket from 'ws';
import type { Server } from '@hocuspocus/server';
import {
  type DeskUser,
  DESK_DEBOUNCE_MS,
  DESK_FILE_MAX_BYTES,
  DESK_MAX_DEBOUNCE_MS,
} from '../shared/desk/names';
import { parseMirrorReport } from '../shared/desk/mirror-report';
import { whoamiMessage } from '../shared/desk/whoami';
import { authenticateConnection } from './auth';
import { handleDeskHttp } from './files-http';
import { openDeskStorage } from './storage/open';
import type { DeskStorage, DeskStorageOptions } from './storage/storage';
import { DESK_REFUSAL, parseDeskDocName } from '../shared/desk/names';
import { DeskRefusal, type DeskAccount } from './auth';
import { tokenHash } from './tokens';
import { describeSocketError, SocketGuard, type KnownAwareness } from './frame-guard';
import {
  DEFAULT_CHANGE_LOG_SETTINGS,
  MirrorReportBuffer,
  pruneChangeLogs,
  pruneSummary,
  type ChangeLogSettings,
} from './prune-job';
import type { DeskPruneRun } from './storage/storage';

const MAX_TIMER_MS = 2 ** 31 - 1;
/** The largest WebSocket message: a first sync of a large facts document after an import fits. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export interface DeskServerOptions {
  /** Loopback unless a reverse proxy on another machine must reach it. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  storage: DeskStorageOptions;
  /** Quiet time after the last change before a document is stored. */
  debounceMs?: number;
  /** A document that keeps changing is still stored at least this often: what a killed server can lose. */
  maxDebounceMs?: number;
  maxFileBytes?: number;
  /** The largest WebSocket message; a larger one closes its connection. */
  maxMessageBytes?: number;
  /** How often open connections are checked against revoked tokens. */
  revocationCheckMs?: number;
  /** One line per connection opened, refused or closed (the CLI prints them); silent by default. */
  log?: (line: string) => void;
  /** Pruning the facts documents' change logs (docs/desk-facts.md); defaults in DEFAULT_CHANGE_LOG_SETTINGS. */
  changeLog?: Partial<ChangeLogSettings>;
  /** The clock for entry ages and when members were last seen (tests move it forward). */
  now?: () => number;
}

export interface RunningDeskServer {
  /** WebSocket URL for the Hocuspocus provider, e.g. ws://127.0.0.1:1234 */
  url: string;
  /** HTTP URL of the same server (source files). */
  httpUrl: string;
  /** The address the socket is really bound to. */
  host: string;
  port: number;
  storage: DeskStorage;
  /** Runs the change-log pruning now (after any run in progress) and records it. */
  pruneChangeLogs(): Promise<DeskPruneRun>;
  /** Stores every pending document, closes all connections and the storage. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts a desk server: Hocuspocus with every document persisted in the given storage. */
export async function startDeskServer(options: DeskServerOptions): Promise<RunningDeskServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const now = options.now ?? Date.now;
  const changeLog: ChangeLogSettings = { ...DEFAULT_CHANGE_LOG_SETTINGS, ...options.changeLog };
  // Node runs a longer interval after 1 ms instead, which would prune without pause.
  if (!(changeLog.everyMs >= 0 && changeLog.everyMs <= MAX_TIMER_MS))
    throw new Error(`changeLog.everyMs must be from 0 to ${MAX_TIMER_MS} (got ${changeLog.everyMs})`);
  const storage = await openDeskStorage(options.storage);
  try {
    await storage.claimServer();
  } catch (error) {
    await storage.close();
    throw error;
  }
  const reports = new MirrorReportBuffer(storage, (error) =>
    console.error('[desk] storing mirror reports failed:', error instanceof Error ? error.message : error),
  );
  let server: Server;
  try {
    const [{ Server: HocuspocusServer }, { Database }] = await Promise.all([
      import('@hocuspocus/server'),
      import('@hocuspocus/extension-database'),
    ]);
    server = new HocuspocusServer(
      {
        name: 'factdesk',
        address: host,
        port: options.port ?? 0,
        quiet: true,
        // The CLI owns the signals, so a stop always flushes documents before exit.
        stopOnSignals: false,
        debounce: options.debounceMs ?? DESK_DEBOUNCE_MS,
        maxDebounce: options.maxDebounceMs ?? DESK_MAX_DEBOUNCE_MS,
        unloadImmediately: true,
        extensions: [
          new Database({
            fetch: async ({ documentName }) => storage.fetchDocument(documentName),
            store: async ({ documentName, state }) => storage.storeDocument(documentName, state),
          }),
        ],
        async onAuthenticate({ token, documentName, connectionConfig, request, context }) {
          let verdict;
          try {
            verdict = await authenticateConnection(storage, token, documentName);
          } catch (error) {
            (context as { guard?: SocketGuard }).guard?.refused(documentName);
            // The document name is the client's claim, not a desk secret; logging it helps find a misconfigured app.
            if (error instanceof DeskRefusal)
              log(
                `refused ${request.socket.remoteAddress ?? '?'} for ${JSON.stringify(documentName)}: ${error.reason}`,
              );
            throw error;
          }
          const { user, readOnly } = verdict;
          connectionConfig.readOnly = readOnly;
          (context as { guard?: SocketGuard }).guard?.authenticated(documentName, user, readOnly);
          log(`${user.name} (${user.role}${readOnly ? ', read-only' : ''}) opened ${documentName}`);
          // The hash stays in the context so a later revocation can close this connection.
          return { user, tokenSha256: tokenHash(token) };
        },
        // The app holds only a token; this tells it the name and role behind it (see shared/desk/whoami.ts).
        async connected({ connection, context }) {
          connection.sendStateless(whoamiMessage((context as { user: DeskUser }).user));
        },
        // Members say how far they have mirrored each facts document: what pruning may take.
        async onStateless({ connection, documentName, payload }) {
          const user = (connection.context as { user?: DeskAccount } | undefined)?.user;
          const report = parseMirrorReport(payload);
          if (!report || parseDeskDocName(documentName)?.kind !== 'facts' || !user) {
            log(
              `ignored a message from ${user?.name ?? 'an unknown user'} on ${documentName}: ${report ? 'mirror reports are for facts documents' : 'not a desk:mirrored report'}`,
            );
            return;
          }
          reports.add({
            member: report.member,
            // desk_members joins desk_users on the name as stored there.
            user: user.storedAs,
            document: report.stateVector ? documentName : null,
            stateVector: report.stateVector,
            at: new Date(now()).toISOString(),
          });
        },
        async onDisconnect({ context, documentName }) {
          (context as { guard?: SocketGuard }).guard?.closed(documentName);
          const user = (context as { user?: { name: string } } | undefined)?.user;
          if (user) log(`${user.name} left ${documentName}`);
        },
        async onRequest({ request, response }) {
          await handleDeskHttp(request, response, storage, options.maxFileBytes ?? DESK_FILE_MAX_BYTES);
          // Rejecting without an error is how a hook tells Hocuspocus the request is answered.
          throw null;
        },
      },
      { maxPayload: options.maxMessageBytes ?? MAX_MESSAGE_BYTES },
    );
    guardSockets(server, log, options.maxMessageBytes ?? MAX_MESSAGE_BYTES);
    // Not server.listen(): Hocuspocus 3.4 hands Node `address` where listen() reads `host`, so it
    // would bind every interface, and a taken port would never settle its promise.
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.httpServer.listen({ port: options.port ?? 0, host }, () => {
        server.httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await storage.close();
    throw error;
  }

  let sweeping: Promise<void> | null = null;
  const revocationSweep = setInterval(() => {
    sweeping ??= closeRevokedConnections(server, storage).finally(() => (sweeping = null));
  }, options.revocationCheckMs ?? 3000);
  revocationSweep.unref();

  // One run at a time; a run asked for while one goes starts after it, so it sees the newest reports.
  let pruning: Promise<unknown> = Promise.resolve();
  const pruneNow = (): Promise<DeskPruneRun> => {
    const run = pruning.then(async () => {
      await reports.flush();
      const result = await pruneChangeLogs(server.hocuspocus, storage, changeLog, now());
      await storage.recordPruneRun(result);
      log(pruneSummary(result));
      return result;
    });
    pruning = run.catch(() => undefined);
    return run;
  };
  let pruneBusy = false;
  const scheduledPrune = () => {
    if (pruneBusy) return;
    pruneBusy = true;
    void pruneNow()
      .catch((error: unknown) =>
        console.error(
          '[desk] pruning the change log failed:',
          error instanceof Error ? error.message : error,
        ),
      )
      .finally(() => (pruneBusy = false));
  };
  let pruneTimer: NodeJS.Timeout | null = null;
  if (changeLog.everyMs > 0) {
    scheduledPrune();
    pruneTimer = setInterval(scheduledPrune, changeLog.everyMs);
    pruneTimer.unref();
  }

  const bound = server.httpServer.address() as AddressInfo;
  const port = bound.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let stopping: Promise<void> | null = null;
  return {
    url: `ws://${urlHost}:${port}`,
    httpUrl: `http://${urlHost}:${port}`,
    host: bound.address,
    port,
    storage,
    pruneChangeLogs: pruneNow,
    stop() {
      stopping ??= (async () => {
        clearInterval(revocationSweep);
        if (pruneTimer) clearInterval(pruneTimer);
        await sweeping;
        await pruning;
        await reports.flush();
        const hocuspocus = server.hocuspocus;
        // Store what is waiting for its debounce now rather than rely on the unload path.
        const stored = await Promise.allSettled(
          [...hocuspocus.documents.keys()].map((name) =>
            hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`),
          ),
        );
        for (const result of stored) {
          if (result.status === 'rejected')
            console.error('[desk] storing a document at shutdown failed:', result.reason);
        }
        // A client that never answers must not hold the shutdown forever.
        let giveUp: NodeJS.Timeout | undefined;
        await Promise.race([
          server.destroy(),
          new Promise((resolve) => (giveUp = setTimeout(resolve, 5000))),
        ]);
        clearTimeout(giveUp);
        // destroy() says goodbye per document but leaves sockets open; a stopped server holds none.
        for (const socket of server.webSocketServer.clients) socket.terminate();
        server.httpServer.closeAllConnections();
        await storage.close();
      })();
      return stopping;
    },
  };
}

/**
 * Puts a SocketGuard (frame-guard.ts) between every WebSocket and Hocuspocus: a frame it refuses
 * closes the socket with one log line and never reaches Hocuspocus, so nothing of it is applied or
 * stored. Replaces Hocuspocus' own connection listener, which only printed socket errors.
 */
function guardSockets(server: Server, log: (line: string) => void, maxMessageBytes: number): void {
  const sockets = server.webSocketServer;
  sockets.removeAllListeners('connection');
  sockets.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    socket.setMaxListeners(Number.POSITIVE_INFINITY);
    const guard = new SocketGuard(request.socket.remoteAddress ?? '?');
    let closing = false;
    const refuse = (reason: string) => {
      if (closing) return;
      closing = true;
      log(`closed the connection of ${guard.who()}: it sent ${reason}`);
      // 1007: the payload is not what the protocol allows; the provider reconnects and starts over.
      socket.close(1007, 'refused by the desk server');
    };
    socket.on('error', (error) => {
      if (!closing)
        log(
          `closed the connection of ${guard.who()}: it sent ${describeSocketError(error, maxMessageBytes)}`,
        );
      closing = true;
    });
    server.hocuspocus.handleConnection(socket, request, { guard });
    // Hocuspocus re-emits frames it queued during authentication; those were admitted already.
    const admitted = new WeakSet<object>();
    const hocuspocusListeners = socket.listeners('message') as ((data: unknown, binary: boolean) => void)[];
    socket.removeAllListeners('message');
    socket.on('message', (data: Buffer, binary: boolean) => {
      if (closing) return;
      if (!admitted.has(data)) {
        const verdict = guard.admit(data, binary !== false, (name) => knownAwareness(server, name));
        if (verdict.close) return refuse(verdict.close);
        if (verdict.note) log(verdict.note);
        if (!verdict.again) admitted.add(data);
      }
      for (const listener of hocuspocusListeners) listener.call(socket, data, binary);
    });
  });
}

/** The server's awareness of a document for the guard, with whose connection brought each client. */
function knownAwareness(server: Server, documentName: string): KnownAwareness | undefined {
  const document = server.hocuspocus.documents.get(documentName);
  if (!document) return undefined;
  return {
    meta: document.awareness.meta,
    states: document.awareness.states,
    ownerOf(clientId) {
      for (const { clients, connection } of document.connections.values())
        if (clients.has(clientId))
          return (connection.context as { user?: DeskUser } | undefined)?.user?.name ?? null;
      return null;
    },
  };
}

/** `desk revoke` runs in another process: open connections of a revoked token are closed here. */
async function closeRevokedConnections(server: Server, storage: DeskStorage): Promise<void> {
  const verdicts = new Map<string, Promise<boolean>>();
  try {
    for (const document of server.hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        const hash = (connection.context as { tokenSha256?: string } | undefined)?.tokenSha256;
        if (!hash) continue;
        if (!verdicts.has(hash))
          verdicts.set(
            hash,
            storage.userByTokenHash(hash).then((user) => user !== null),
          );
        if (!(await verdicts.get(hash))) connection.close({ code: 4401, reason: DESK_REFUSAL.badToken });
      }
    }
  } catch (error) {
    // Storage briefly unreachable: keep connections; the next sweep decides.
    console.error('[desk] revocation check failed:', error instanceof Error ? error.message : error);
  }
}
