import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * Prints a self-contained HTML document (the HTML export, the annotated article or the fact-check
 * report) to an A4 PDF with a system Chromium driven by playwright-core. The page is offline,
 * runs no scripts and every request it tries to make is aborted, so a document can never reach
 * the network or the file system while it is printed.
 */

export class ChromiumNotFoundError extends Error {
  readonly code = 'CHROMIUM_NOT_FOUND';
  constructor(readonly searched: string[]) {
    super(
      `No Chromium found for PDF export. Looked for: ${searched.join(', ')}. ` +
        'Install Chromium (e.g. "apt-get install chromium") or pass its path as chromiumPath.',
    );
    this.name = 'ChromiumNotFoundError';
  }
}

export class PdfPrintError extends Error {
  readonly code = 'PDF_PRINT_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfPrintError';
  }
}

export interface PdfOptions {
  /** Chromium binary to use instead of searching /usr/bin/chromium and PATH. */
  chromiumPath?: string;
  /** Gives up after this many milliseconds (default 30 s) for launch and print each. */
  timeoutMs?: number;
}

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with, or a ChromiumNotFoundError listing every place that was tried. */
export function findChromium(explicitPath?: string): string | ChromiumNotFoundError {
  if (explicitPath)
    return isExecutable(explicitPath) ? explicitPath : new ChromiumNotFoundError([explicitPath]);
  const candidates = ['/usr/bin/chromium'];
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of PATH_NAMES) candidates.push(join(dir, name));
  const found = candidates.find(isExecutable);
  return found ?? new ChromiumNotFoundError([...new Set(candidates)]);
}

/** Flags for a headless Chromium that must stay offline and quiet (also used by the e2e harness). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PdfPrinter {
  /** Prints one self-contained HTML document to an A4 PDF. */
  print(html: string): Promise<Buffer>;
  /** Shuts the browser down; further print calls fail. */
  close(): Promise<void>;
}

/**
 * Starts one Chromium for several documents (e.g. article, annotated version and report in one
 * go): the start-up, most of a PDF's cost, is paid once. Each document gets a fresh page.
 */
export async function createPdfPrinter(opts: PdfOptions = {}): Promise<PdfPrinter> {
  const executablePath = findChromium(opts.chromiumPath);
  if (executablePath instanceof ChromiumNotFoundError) throw executablePath;
  const timeout = opts.timeoutMs ?? 30_000;

  let browser: Browser;
  let context: BrowserContext;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout });
    // No scripts and no network for any page of this context; the route below refuses requests too.
    context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
  } catch (error) {
    throw new PdfPrintError(`Could not start Chromium at ${executablePath}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  return {
    async print(html: string): Promise<Buffer> {
      let page;
      try {
        page = await context.newPage();
        page.setDefaultTimeout(timeout);
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
          tagged: true,
          outline: true,
        });
      } catch (error) {
        throw new PdfPrintError(`Printing the document to PDF failed: ${(error as Error).message}`, {
          cause: error,
        });
      } finally {
        void page?.close().catch(() => undefined);
      }
    },
    async close(): Promise<void> {
      await browser.close().catch(() => undefined);
    },
  };
}

/** One document, one Chromium: starts the browser, prints, and shuts it down without waiting. */
export async function printHtmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const printer = await createPdfPrinter(opts);
  try {
    return await printer.print(html);
  } finally {
    // Shutting Chromium down takes a few hundred milliseconds; the PDF is complete, so nobody waits for it.
    void printer.close();
  }
}
