import { performance } from 'node:perf_hooks';
import { quietForMs } from './handlers/callActivity';

export interface WarmStep {
  library: string;
  ms: number;
}

/**
 * How long the app must have left its shell alone before the transfer worker starts and loads
 * the libraries. That happens on the worker's own thread, but on a two-core machine it still
 * takes a core for a second or more (jsdom alone: 0.3 s quiet, seconds busy); right after start
 * the app is still asking for things, and those go first.
 */
const QUIET_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the given loads one after another (the shells pass one: start the transfer worker and
 * load its libraries, pool.ts), each after `delayMs` and once no call has come in for
 * `quietMs`. Resolves with what each load took; a load that fails is left to fail again, with
 * its message, when the import or export that needs it runs.
 */
export async function warmTransferLibraries(options: {
  libraries: readonly (readonly [string, () => Promise<unknown>])[];
  delayMs?: number;
  quietMs?: number;
  /** How long the shell has been without calls (tests pass their own). */
  quietFor?: () => number;
}): Promise<WarmStep[]> {
  const { quietMs = QUIET_MS, quietFor = quietForMs, libraries } = options;
  const steps: WarmStep[] = [];
  await sleep(options.delayMs ?? 1500);
  for (const [library, load] of libraries) {
    for (let quiet = quietFor(); quiet < quietMs; quiet = quietFor())
      await sleep(Math.max(10, quietMs - quiet));
    const t0 = performance.now();
    try {
      await load();
    } catch {
      continue;
    }
    steps.push({ library, ms: performance.now() - t0 });
    await sleep(50);
  }
  return steps;
}
