// The figures table of the hardening suites: one row per suite, from the files each suite
// writes to test-results/hardening/ (tests/hardening/figures.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readFigures(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

export function formatFigures(rows) {
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
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** A row counts as clean when nothing was lost, executed or half-written. */
export const clean = (row) => row.lost === 0 && row.executed === 0 && row.partial === 0;
