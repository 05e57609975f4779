import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractedDocument, Segment } from '../../shared/sources/document';

// PDF text with pdf.js, page by page, in a worker thread: a 300-page press kit must not stall
// the handlers that serve the editor meanwhile. The worker is plain JavaScript handed to
// `new Worker(…, { eval: true })`, so the same code runs from the TypeScript sources in tests
// and from the built app without a second bundle entry. pdf.js reads its character maps and
// standard fonts from the package folder on disk; it never fetches anything.

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  const doc = await pdfjs.getDocument({
    data: workerData.bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    enableXfa: false,
    cMapUrl: workerData.cMapDir,
    cMapPacked: true,
    standardFontDataUrl: workerData.fontDir,
    wasmUrl: workerData.wasmDir,
    verbosity: 0,
  }).promise;
  let title = null;
  try {
    const meta = await doc.getMetadata();
    if (meta && meta.info && typeof meta.info.Title === 'string') title = meta.info.Title;
  } catch {}
  parentPort.postMessage({ type: 'start', pages: doc.numPages, title });
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\\n' : '');
    page.cleanup();
    parentPort.postMessage({ type: 'page', n, text });
  }
  await doc.destroy();
  parentPort.postMessage({ type: 'done' });
})().catch((err) => parentPort.postMessage({ type: 'error', name: (err && err.name) || 'Error', message: String((err && err.message) || err) }));
`;

export class ExtractionCancelled extends Error {
  constructor() {
    super('Extraction was cancelled.');
  }
}

export function pdfjsPaths() {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.resolve(path.dirname(entry), '..', '..');
  const dir = (name: string) => path.join(root, name) + path.sep;
  return {
    pdfjsUrl: pathToFileURL(entry).href,
    cMapDir: dir('cmaps'),
    fontDir: dir('standard_fonts'),
    wasmDir: dir('wasm'),
  };
}

/** pdf.js's error names, in words that say what to do. */
function reason(name: string, message: string): string {
  if (name === 'PasswordException')
    return 'The PDF is protected by a password; save an unprotected copy and attach that.';
  if (name === 'InvalidPDFException')
    return 'The file is not a readable PDF (it may be damaged or only partly downloaded).';
  return `pdf.js could not read the PDF: ${message}`;
}

/** A page's text with pdf.js's line ends kept and runs of blanks squeezed. */
export function pageText(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface PdfProgress {
  (done: number, total: number): void;
}

/** Reads every page's text; `signal` stops the worker at once. Rejects with an Error whose message says why. */
export function pdfDocument(
  bytes: Uint8Array,
  onProgress: PdfProgress = () => {},
  signal?: AbortSignal,
): Promise<ExtractedDocument> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ExtractionCancelled());
    const copy = new Uint8Array(bytes);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...pdfjsPaths(), bytes: copy },
      transferList: [copy.buffer],
    });
    const segments: Segment[] = [];
    let total = 0;
    let title: string | null = null;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      fn();
    };
    const abort = () => finish(() => reject(new ExtractionCancelled()));
    signal?.addEventListener('abort', abort);
    worker.on(
      'message',
      (m: {
        type: string;
        pages?: number;
        title?: string | null;
        n?: number;
        text?: string;
        name?: string;
        message?: string;
      }) => {
        if (m.type === 'start') {
          total = m.pages ?? 0;
          title = m.title?.trim() || null;
          onProgress(0, total);
        } else if (m.type === 'page') {
          segments.push({
            kind: 'page',
            page: m.n!,
            paragraph: null,
            heading: null,
            text: pageText(m.text ?? ''),
          });
          onProgress(m.n!, total);
        } else if (m.type === 'done')
          finish(() => resolve({ title, originalUrl: null, savedAt: null, segments, pages: total }));
        else if (m.type === 'error')
          finish(() => reject(new Error(reason(m.name ?? 'Error', m.message ?? ''))));
      },
    );
    worker.on('error', (err) =>
      finish(() => reject(new Error(`pdf.js could not read the PDF: ${err.message}`))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`The PDF reader stopped unexpectedly (exit code ${code}).`))),
    );
  });
}
