import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One row of the figures table `npm run test:hardening` (scripts/test-hardening.mjs) prints at the end. */
export interface FigureRow {
  suite: string;
  /** What was tried, e.g. "207 payloads × 14 doors = 2,898 pairs". */
  tried: string;
  /** The three counts the issue asks for; any of them above 0 fails the suite. */
  lost: number;
  executed: number;
  partial: number;
  /** Peak resident memory of the process under test, in MB, when measured. */
  peakRssMb?: number;
  note?: string;
}

export const FIGURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test-results',
  'hardening',
);

/** Each suite writes its row to its own file, so vitest workers and Playwright never share one. */
export function recordFigure(row: FigureRow): void {
  fs.mkdirSync(FIGURES_DIR, { recursive: true });
  const file = path.join(FIGURES_DIR, `${row.suite.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`);
  fs.writeFileSync(file, `${JSON.stringify(row, null, 1)}\n`);
}
