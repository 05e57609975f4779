import { describe, expect, it } from 'vitest';
import { findChromium } from '../export/pdf';
import { pressReleasePdf } from './pressRelease.fixture';
import { ExtractionCancelled, pageText, pdfDocument } from './pdfText';

const haveChromium = typeof findChromium() === 'string';

describe('pdfDocument', () => {
  it.skipIf(!haveChromium)(
    'reads a real PDF page by page in a worker, with progress and the title',
    async () => {
      const pdf = await pressReleasePdf(3);
      const progress: string[] = [];
      const doc = await pdfDocument(pdf, (done, total) => progress.push(`${done}/${total}`));
      expect(doc.pages).toBe(3);
      expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
      expect(doc.segments.map((s) => s.page)).toEqual([1, 2, 3]);
      expect(doc.segments[1].text.replace(/\s+/g, ' ')).toContain(
        'Der SV Rotheide verpflichtet Lena Kowalczyk vom FC Nordhafen bis 2029.',
      );
      expect(doc.segments[2].text).toContain('Fußball');
      expect(doc.title).toBe('Pressemitteilung SV Rotheide');
    },
    60_000,
  );

  it.skipIf(!haveChromium)(
    'stops when cancelled',
    async () => {
      const pdf = await pressReleasePdf(2);
      const controller = new AbortController();
      const pending = pdfDocument(pdf, () => controller.abort(), controller.signal);
      await expect(pending).rejects.toBeInstanceOf(ExtractionCancelled);
    },
    60_000,
  );

  it('says why a file that is not a PDF cannot be read', async () => {
    await expect(pdfDocument(new TextEncoder().encode('%PDF-1.7\nnothing else here'))).rejects.toThrow(
      /not a readable PDF|could not read/,
    );
  }, 30_000);

  it('keeps line ends and squeezes blanks', () => {
    expect(pageText('  Seite 1 \n\n\n\nText   mit\u00a0 Lücken ')).toBe('Seite 1\n\nText mit Lücken');
  });
});
