import { readSettings } from '../../store/settings';
import { loadSettings } from '../handlers/app';
import type { HandlerContext } from '../handlers/context';
import { DeskFactSync } from './sync';

/**
 * Runs the shared fact store's sync beside the app (Electron main or the browser-shell
 * server) whenever a desk is configured: the desk client's Settings → Desk writes `desk.url`,
 * `desk.token` and `desk.enabled` into the settings table; this follows them, starting,
 * restarting or stopping the sync when they change. With no desk configured nothing connects.
 */
export interface DeskFactsService {
  current(): DeskFactSync | null;
  stop(): void;
}

interface Connection {
  url: string;
  token: string;
}

function configured(ctx: HandlerContext): Connection | null {
  const raw = readSettings(ctx.db);
  const url = raw['desk.url'];
  const token = raw['desk.token'];
  if (typeof url !== 'string' || !/^wss?:\/\//.test(url) || typeof token !== 'string' || token === '')
    return null;
  if (raw['desk.enabled'] === false) return null;
  return { url, token };
}

/** Node 22 and Electron's main process have a WebSocket; Node 20 takes the `ws` package Hocuspocus ships with. */
async function webSocketImplementation(): Promise<unknown> {
  if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function')
    return (globalThis as { WebSocket: unknown }).WebSocket;
  return (await import('ws')).default;
}

export interface DeskFactsServiceOptions {
  checkMs?: number;
  onProblem?(message: string): void;
  /** Facts arrived from the desk; the shells tell the renderer (`ShellEvents.onFactsChanged`). */
  onFactsChanged?(): void;
}

export function runDeskFacts(ctx: HandlerContext, options: DeskFactsServiceOptions = {}): DeskFactsService {
  let sync: DeskFactSync | null = null;
  let running: Connection | null = null;
  let starting = false;

  const check = async () => {
    if (starting || !ctx.db.open) return;
    const wanted = configured(ctx);
    if (running && (!wanted || wanted.url !== running.url || wanted.token !== running.token)) {
      sync?.stop();
      sync = null;
      running = null;
    }
    if (wanted && !running) {
      starting = true;
      try {
        const WebSocketPolyfill = await webSocketImplementation();
        sync = new DeskFactSync({
          db: ctx.db,
          dataDir: ctx.dataDir,
          url: wanted.url,
          token: wanted.token,
          user: loadSettings(ctx).userName,
          WebSocketPolyfill,
          onProblem: options.onProblem,
          onFactsChanged: options.onFactsChanged,
        });
        running = wanted;
      } finally {
        starting = false;
      }
    }
  };
  void check();
  const timer = setInterval(() => void check(), options.checkMs ?? 2000);
  timer.unref();
  return {
    current: () => sync,
    stop() {
      clearInterval(timer);
      sync?.stop();
      sync = null;
      running = null;
    },
  };
}
