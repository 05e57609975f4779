import { performance } from 'node:perf_hooks';

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
 * Loads the libraries one after another, each in its own macrotask after `delayMs`, so calls
 * that arrive meanwhile run between them. Resolves with what each load took; a library that
 * fails to load is left to fail again, with its message, when it is used.
 */
export async function warmTransferLibraries(
  options: { delayMs?: number; pdf?: boolean } = {},
): Promise<WarmStep[]> {
  const steps: WarmStep[] = [];
  await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 1500));
  for (const [library, load] of options.pdf ? [...LIBRARIES, PDF_LIBRARY] : LIBRARIES) {
    const t0 = performance.now();
    try {
      await load();
    } catch {
      continue;
    }
    steps.push({ library, ms: performance.now() - t0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return steps;
}
