import { performance } from 'node:perf_hooks';
import { quietForMs } from './handlers/callActivity';

/**
 * The import and export libraries the shells load ahead of need, heaviest last. Each load is
 * one synchronous stretch of the event loop (jsdom alone takes half a second or more on a
 * busy machine); at idle after start nobody is waiting, on the first import somebody is.
 */
const LIBRARIES: readonly [string, () => Promise<unknown>][] = [
  ['DOCX export (docx)', () => import('./export/docx')],
  ['DOCX import (mammoth)', () => import('./import/docx')],
  ['HTML and DOCX import (jsdom, DOMPurify)', () => import('./import/html')],
];
/** The browser shell and the CLI print PDFs with the system Chromium through playwright-core; Electron prints itself. */
const PDF_LIBRARY: [string, () => Promise<unknown>] = [
  'PDF export (playwright-core)',
  () => import('./export/pdf'),
];

export interface WarmStep {
  library: string;
  ms: number;
}

/**
 * How long the app must have left its shell alone before a library loads. A load blocks the
 * shell for a moment (jsdom: 0.3 s on a quiet machine, seconds on a busy one); right after
 * start the app is still asking for things, and a person who opens an article then — a
 * desk article, from the library — would wait for jsdom first.
 */
const QUIET_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Loads the libraries one after another, each in its own macrotask after `delayMs` and once no
 * call has come in for `quietMs`, so calls that arrive meanwhile run before and between them.
 * Resolves with what each load took; a library that fails to load is left to fail again, with
 * its message, when it is used.
 */
export async function warmTransferLibraries(
  options: {
    delayMs?: number;
    pdf?: boolean;
    quietMs?: number;
    /** How long the shell has been without calls (tests pass their own). */
    quietFor?: () => number;
    libraries?: readonly (readonly [string, () => Promise<unknown>])[];
  } = {},
): Promise<WarmStep[]> {
  const { quietMs = QUIET_MS, quietFor = quietForMs } = options;
  const libraries = options.libraries ?? (options.pdf ? [...LIBRARIES, PDF_LIBRARY] : LIBRARIES);
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
