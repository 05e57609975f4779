import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { pdfjsPaths } from './pdfText';

// One PDF page as a PNG, drawn by pdf.js onto an @napi-rs/canvas (pdf.js's own Node canvas) in a
// worker thread, so a heavy page never stalls the handlers. Only the requested page is parsed and
// drawn; the viewer gets a picture, never the PDF itself, so the renderer's strict CSP needs no
// worker, wasm or font exceptions.

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { createCanvas } = require(workerData.canvasPath);
  const pdfjs = await import(workerData.pdfjsUrl);
  const doc = await pdfjs.getDocument({
    data: workerData.bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    enableXfa: false,
    cMapUrl: workerData.cMapDir,
    cMapPacked: true,
    standardFontDataUrl: workerData.fontDir,
    wasmUrl: workerData.wasmDir,
    verbosity: 0,
  }).promise;
  const pages = doc.numPages;
  if (workerData.page > pages) {
    parentPort.postMessage({ type: 'range', pages });
    await doc.destroy();
    return;
  }
  const page = await doc.getPage(workerData.page);
  const viewport = page.getViewport({ scale: workerData.scale });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  const png = canvas.toBuffer('image/png');
  page.cleanup();
  await doc.destroy();
  parentPort.postMessage({ type: 'done', pages, width, height, png });
})().catch((err) => parentPort.postMessage({ type: 'error', name: (err && err.name) || 'Error', message: String((err && err.message) || err) }));
`;

export interface RenderedPage {
  png: Buffer;
  width: number;
  height: number;
  pages: number;
}

export class PageOutOfRange extends Error {
  constructor(
    readonly page: number,
    readonly pages: number,
  ) {
    super(`The PDF has ${pages} page${pages === 1 ? '' : 's'}; there is no page ${page}.`);
  }
}

/** Draws page `page` (1-based) at `scale` (1 = 72 dpi). Rejects with a sentence saying why. */
export function renderPdfPage(bytes: Uint8Array, page: number, scale: number): Promise<RenderedPage> {
  const require = createRequire(import.meta.url);
  const canvasPath = require.resolve('@napi-rs/canvas');
  return new Promise((resolve, reject) => {
    const copy = new Uint8Array(bytes);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...pdfjsPaths(), canvasPath, bytes: copy, page, scale },
      transferList: [copy.buffer],
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on(
      'message',
      (m: {
        type: string;
        pages?: number;
        width?: number;
        height?: number;
        png?: Uint8Array;
        name?: string;
        message?: string;
      }) => {
        if (m.type === 'done')
          finish(() =>
            resolve({ png: Buffer.from(m.png!), width: m.width!, height: m.height!, pages: m.pages! }),
          );
        else if (m.type === 'range') finish(() => reject(new PageOutOfRange(page, m.pages ?? 0)));
        else if (m.type === 'error')
          finish(() =>
            reject(
              new Error(
                m.name === 'PasswordException'
                  ? 'The PDF is protected by a password.'
                  : `pdf.js could not draw the page: ${m.message ?? ''}`,
              ),
            ),
          );
      },
    );
    worker.on('error', (err) =>
      finish(() => reject(new Error(`pdf.js could not draw the page: ${err.message}`))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`The PDF renderer stopped unexpectedly (exit code ${code}).`))),
    );
  });
}

/**
 * Cached rendering: pictures live in the data folder under `page-images/<file hash>/<page>@<scale>.png`,
 * so reopening a source (or another source with the same file) costs a file read.
 */
export async function cachedPdfPage(
  dataDir: string,
  hash: string,
  bytes: () => Buffer | null,
  page: number,
  scale: number,
): Promise<{ png: Buffer; width: number; height: number }> {
  const dir = path.join(dataDir, 'page-images', hash);
  const file = path.join(dir, `${page}@${scale}.png`);
  const cached = fs.existsSync(file) ? fs.readFileSync(file) : null;
  if (cached && cached.length > 24) return { png: cached, ...pngSize(cached) };
  const data = bytes();
  if (!data) throw new Error('The file is not stored in this data folder.');
  const rendered = await renderPdfPage(data, page, scale);
  fs.mkdirSync(dir, { recursive: true });
  // Written under a temporary name first: a half-written picture must never be served later.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, rendered.png);
  fs.renameSync(tmp, file);
  return rendered;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
