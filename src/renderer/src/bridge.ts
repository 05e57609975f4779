import { SHELL_EVENTS_PATH, buildApi, type FactdeskApi, type MenuCommand } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { createHttpInvoke } from './httpTransport';

declare global {
  interface Window {
    factdesk?: FactdeskApi;
  }
}

/**
 * The same contract over HTTP to the browser shell. The session cookie set at launch
 * authorises calls; the renderer never handles the token itself.
 */
function createHttpApi(): FactdeskApi {
  const invoke = createHttpInvoke();
  return buildApi(invoke, {
    onMenuCommand(_listener: (command: MenuCommand) => void) {
      // No native menu here: the in-app menu bar raises commands directly.
      return () => undefined;
    },
    onBeforeClose(listener) {
      const handler = () => void listener();
      window.addEventListener('pagehide', handler);
      return () => window.removeEventListener('pagehide', handler);
    },
    onFactsChanged(listener) {
      return shellPushes().on('facts-changed', listener);
    },
  });
}

/**
 * The browser shell's pushes: one EventSource for the page, opened with the first listener and
 * closed with the last (it reconnects by itself while the shell restarts).
 */
function shellPushes() {
  return (pushes ??= createShellPushes());
}
let pushes: ReturnType<typeof createShellPushes> | undefined;

function createShellPushes() {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<() => void>>();
  return {
    on(event: string, listener: () => void): () => void {
      if (!source) source = new EventSource(SHELL_EVENTS_PATH, { withCredentials: true });
      let set = listeners.get(event);
      if (!set) {
        const own = new Set<() => void>();
        listeners.set(event, own);
        source.addEventListener(event, () => own.forEach((l) => l()));
        set = own;
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          source?.close();
          source = null;
          listeners.clear();
        }
      };
    },
  };
}

/** Picks the transport once at start; nothing else in the renderer knows which shell it runs in. */
export const api: FactdeskApi = window.factdesk ?? createHttpApi();

/** Unwraps a result for code paths where a failure should surface as an exception to a boundary. */
export async function call<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new CallError(result.error.message, result.error.fields);
  return result.value;
}

export class CallError extends Error {
  constructor(
    message: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'CallError';
  }
}
