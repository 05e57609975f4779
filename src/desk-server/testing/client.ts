import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { DeskUser } from '../../shared/desk/names';
import { parseWhoami } from '../../shared/desk/whoami';

/**
 * A desk client in Node for tests and benches: the real Hocuspocus provider over the `ws`
 * package (Node 20 has no global WebSocket).
 */
export interface TestDeskClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves on the first full sync with the server. */
  synced: Promise<void>;
  /** Resolves with the server's reason when authentication is refused. */
  refused: Promise<string>;
  /** Resolves with the reason when the server closes this document's connection (e.g. a revoked token). */
  closed: Promise<string>;
  /** Resolves with the user the server says the token belongs to (its stateless whoami message). */
  user: Promise<DeskUser>;
  /** 'read-write' or 'readonly' once authenticated. */
  scope(): string | undefined;
  destroy(): void;
}

/**
 * The provider removes its listeners and then closes a socket that may still be connecting; `ws`
 * then emits 'error' with nobody listening, which Node treats as an uncaught exception. A socket
 * that always has one listener keeps a client's shutdown from failing an unrelated test.
 */
class NodeWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols);
    this.on('error', () => undefined);
  }
}

export function connectTestClient(options: {
  url: string;
  token: string;
  documentName: string;
  doc?: Y.Doc;
}): TestDeskClient {
  const doc = options.doc ?? new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: NodeWebSocket,
    delay: 100,
    minDelay: 50,
    maxDelay: 500,
  });
  let onSynced: () => void = () => undefined;
  let onRefused: (reason: string) => void = () => undefined;
  let onClosed: (reason: string) => void = () => undefined;
  const closed = new Promise<string>((resolve) => (onClosed = resolve));
  let onUser: (user: DeskUser) => void = () => undefined;
  const user = new Promise<DeskUser>((resolve) => (onUser = resolve));
  const synced = new Promise<void>((resolve) => (onSynced = resolve));
  const refused = new Promise<string>((resolve) => (onRefused = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.documentName,
    document: doc,
    token: options.token,
    onSynced: ({ state }) => {
      if (state) onSynced();
    },
    onAuthenticationFailed: ({ reason }) => onRefused(reason),
    onStateless: ({ payload }) => {
      const who = parseWhoami(payload);
      if (who) onUser(who);
    },
    onClose: ({ event }) => {
      if (event.reason) onClosed(event.reason);
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    synced,
    refused,
    closed,
    user,
    scope: () => provider.authorizedScope,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Polls until the check passes; fails with the message after the timeout (no fixed sleeps in tests). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  message: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
