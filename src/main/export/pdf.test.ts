import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sampleBody, sampleContext, sampleMeta } from '../../shared/article/sampleArticle.fixture';
import { exportFactCheckReport } from '../../shared/export/factCheckReport';
import { exportHtml } from '../../shared/export/html';
import { ChromiumNotFoundError, createPdfPrinter, findChromium, printHtmlToPdf } from './pdf';
import { pdfPagesText } from './pdfText.testing';

const chromium = findChromium();
const haveChromium = typeof chromium === 'string';

describe('printHtmlToPdf', () => {
  it.skipIf(!haveChromium)(
    'prints the article so a PDF reader finds the text with umlauts, ß and „…“',
    async () => {
      const pdf = await printHtmlToPdf(exportHtml(sampleMeta, sampleBody));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = (await pdfPagesText(pdf)).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('München zahlt sieben Millionen – und Rotheide jubelt');
      expect(text).toContain('Fußball · Regionalliga Süd');
      expect(text).toContain('„Das ist ein großer Tag für unseren Verein“');
      expect(text).toContain('Der Sender selbst äußerte sich nicht.');
      expect(text).toMatch(/7\s?Mio\. Euro/);
    },
  );

  it.skipIf(!haveChromium)('prints the article and the fact-check report with one browser', async () => {
    const printer = await createPdfPrinter();
    try {
      const article = await printer.print(exportHtml(sampleMeta, sampleBody));
      const report = await printer.print(
        exportFactCheckReport(sampleContext(), { generatedAt: '2026-11-24T10:00:00.000Z' }),
      );
      expect((await pdfPagesText(article)).join(' ')).toContain('Rotheide jubelt');
      const text = (await pdfPagesText(report)).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('Faktencheck-Bericht');
      expect(text).toContain('Geprüft von Tobias Lenhardt');
    } finally {
      await printer.close();
    }
    await expect(printer.print('<p>zu spät</p>')).rejects.toThrow(/Printing the document to PDF failed/);
  });

  it.skipIf(!haveChromium)('lets the page make no network request at all', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    try {
      const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="${base}/style.css"><style>@font-face{font-family:x;src:url(${base}/font.woff)} p{font-family:x}</style></head>
        <body><p>Zählpixel-Test</p><img src="${base}/pixel.gif"><iframe src="${base}/frame"></iframe><script src="${base}/tracker.js"></script></body></html>`;
      const pdf = await printHtmlToPdf(html);
      expect((await pdfPagesText(pdf)).join('')).toContain('Zählpixel-Test');
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it('fails with a typed "No Chromium found" error when the given browser does not exist', async () => {
    const error = await printHtmlToPdf('<p>x</p>', { chromiumPath: '/nonexistent/chromium' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChromiumNotFoundError);
    expect((error as ChromiumNotFoundError).code).toBe('CHROMIUM_NOT_FOUND');
    expect((error as Error).message).toMatch(/^No Chromium found/);
    expect((error as ChromiumNotFoundError).searched).toEqual(['/nonexistent/chromium']);
  });
});
