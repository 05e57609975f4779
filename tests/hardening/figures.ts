import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One row of the figures table `npm run test:hardening` prints at the end. */
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

export const FIGURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'hardening');

/** Each suite writes its row to its own file, so vitest workers and Playwright never share one. */
export function recordFigure(row: FigureRow): void {
  fs.mkdirSync(FIGURES_DIR, { recursive: true });
  const file = path.join(FIGURES_DIR, `${row.suite.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`);
  fs.writeFileSync(file, `${JSON.stringify(row, null, 1)}\n`);
}

export function readFigures(): FigureRow[] {
  if (!fs.existsSync(FIGURES_DIR)) return [];
  return fs
    .readdirSync(FIGURES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(FIGURES_DIR, f), 'utf8')) as FigureRow);
}

export function formatFigures(rows: FigureRow[]): string {
  const header = ['suite', 'tried', 'lost', 'executed', 'partial', 'peak RSS', 'note'];
  const cells = rows.map((r) => [
    r.suite,
    r.tried,
    String(r.lost),
    String(r.executed),
    String(r.partial),
    r.peakRssMb === undefined ? '–' : `${r.peakRssMb} MB`,
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
