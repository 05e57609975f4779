import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../export/pdf';
import { pressReleasePdf } from './pressRelease.fixture';
import { PageOutOfRange, cachedPdfPage, pngSize, renderPdfPage } from './pdfPage';

const haveChromium = typeof findChromium() === 'string';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Pixels darker than mid-grey: a drawn page has its heading and sentence in dark ink, a blank one none. */
async function darkPixels(png: Buffer): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 384) dark++;
  return dark;
}

describe('renderPdfPage', () => {
  it.skipIf(!haveChromium)(
    'draws page 2 of a real PDF as a PNG of the page size, and caches it by file hash',
    async () => {
      const pdf = await pressReleasePdf(3);
      const page = await renderPdfPage(pdf, 2, 1);
      expect([...page.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(page.pages).toBe(3);
      // Chromium prints A4 by default: 595 × 842 points at scale 1.
      expect(page.width).toBeGreaterThanOrEqual(590);
      expect(page.width).toBeLessThanOrEqual(615);
      expect(page.height).toBeGreaterThan(page.width);
      expect(pngSize(page.png)).toEqual({ width: page.width, height: page.height });

      const double = await renderPdfPage(pdf, 2, 2);
      expect(double.width).toBeGreaterThanOrEqual(page.width * 2 - 2);

      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-pdfpage-'));
      dirs.push(dataDir);
      let reads = 0;
      const bytes = () => {
        reads++;
        return pdf;
      };
      const first = await cachedPdfPage(dataDir, 'abc123', bytes, 2, 1);
      const again = await cachedPdfPage(dataDir, 'abc123', bytes, 2, 1);
      expect(reads).toBe(1);
      expect(again.png.equals(first.png)).toBe(true);
      expect(fs.readdirSync(path.join(dataDir, 'page-images', 'abc123'))).toEqual(['2@1.png']);
      expect(await darkPixels(first.png)).toBeGreaterThan(200);
    },
    90_000,
  );

  it.skipIf(!haveChromium)(
    'says which pages exist when asked for one past the end',
    async () => {
      const pdf = await pressReleasePdf(2);
      await expect(renderPdfPage(pdf, 5, 1)).rejects.toBeInstanceOf(PageOutOfRange);
      await expect(renderPdfPage(pdf, 5, 1)).rejects.toThrow('The PDF has 2 pages; there is no page 5.');
    },
    90_000,
  );
});
