#!/usr/bin/env node
// npm run test:hardening [fuzz|malformed|crash|disk|electron|xss]: the hardening suites at full
// size (FACTDESK_HARDENING=full) — IPC fuzz, malformed files, crash loop, disk full, Electron
// security (vitest, tests/hardening/), disk full and read-only under the running app
// (e2e/disk-readonly.spec.ts), XSS corpus × doors (e2e/xss-doors.spec.ts) — then the figures
// table. `npm test` runs the same suites at CI size.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { clean, formatFigures, readFigures } from './hardening-figures.mjs';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const figures = join(root, 'test-results', 'hardening');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, FACTDESK_HARDENING: process.env.FACTDESK_HARDENING ?? 'full' };
const only = process.argv.slice(2);
const want = (suite) => only.length === 0 || only.includes(suite);
rmSync(figures, { recursive: true, force: true });

const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
const results = [];
if (want('build') || want('crash') || want('xss') || want('disk'))
  results.push(['build', run(bin('electron-vite'), ['build'])]);
const vitestFiles = [
  ...(want('fuzz') ? ['tests/hardening/ipc-fuzz.test.ts'] : []),
  ...(want('malformed') ? ['tests/hardening/malformed-files.test.ts'] : []),
  ...(want('crash') ? ['tests/hardening/crash-loop.test.ts'] : []),
  ...(want('disk') ? ['tests/hardening/disk-full.test.ts'] : []),
  ...(want('electron')
    ? [
        'tests/hardening/electronegativity.test.ts',
        'src/main/electron/security.test.ts',
        'src/main/electron/fuses.test.ts',
      ]
    : []),
];
// One file at a time: each suite measures its own memory and the machine has two cores.
for (const file of vitestFiles)
  results.push([file, run(bin('vitest'), ['run', '--no-file-parallelism', file])]);
// The e2e suites: disk full and a read-only folder under the running app, the XSS corpus.
const specs = [
  ...(want('disk') ? ['e2e/disk-readonly.spec.ts'] : []),
  ...(want('xss') ? ['e2e/xss-doors.spec.ts'] : []),
];
for (const spec of specs)
  results.push([spec, run(bin('playwright'), ['test', spec, '--project=browser', '--reporter=line'])]);

const rows = readFigures(figures);
console.log(`\nHardening figures (${env.FACTDESK_HARDENING === 'full' ? 'full size' : 'CI size'}):\n`);
console.log(formatFigures(rows));
const failed = results.filter(([, code]) => code !== 0).map(([name]) => name);
const dirty = rows.filter((r) => !clean(r)).map((r) => r.suite);
if (failed.length || dirty.length) {
  console.log(`\nFailed: ${[...failed, ...dirty].join(', ')}`);
  process.exit(1);
}
console.log('\nAll hardening suites passed: lost 0, executed 0, partial 0.');
