#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, evaluations) under plain Node: bundle with esbuild, then run.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const outDir = join('node_modules', '.cache', 'run-ts');
mkdirSync(outDir, { recursive: true });
// One bundle per run: two runs at once (or work trees whose node_modules are hard-linked copies)
// must never execute each other's half-written or different bundle.
const outfile = join(outDir, `${basename(file).replace(/\.ts$/, '')}-${process.pid}.mjs`);
await build({
  entryPoints: [file],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'error',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
rmSync(outfile, { force: true });
process.exit(result.status ?? 1);
