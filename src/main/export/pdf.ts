import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

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
  if (explicitPath) return isExecutable(explicitPath) ? explicitPath : new ChromiumNotFoundError([explicitPath]);
  const candidates = ['/usr/bin/chromium'];
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of PATH_NAMES) candidates.push(join(dir, name));
  const found = candidates.find(isExecutable);
  return found ?? new ChromiumNotFoundError([...new Set(candidates)]);
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function printHtmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const executablePath = findChromium(opts.chromiumPath);
  if (executablePath instanceof ChromiumNotFoundError) throw executablePath;
  const timeout = opts.timeoutMs ?? 30_000;

  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS, timeout });
  } catch (error) {
    throw new PdfPrintError(`Could not start Chromium at ${executablePath}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    // setContent itself makes no request; anything the document asks for is refused.
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
      tagged: true,
      outline: true,
    });
  } catch (error) {
    throw new PdfPrintError(`Printing the document to PDF failed: ${(error as Error).message}`, { cause: error });
  } finally {
    // Shutting Chromium down takes a few hundred milliseconds; the PDF is complete, so nobody waits for it.
    void browser.close().catch(() => undefined);
  }
}
