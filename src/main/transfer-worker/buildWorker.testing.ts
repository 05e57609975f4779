import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * The transfer worker built from source for tests: electron-vite's `?modulePath` exists only in
 * the app's build, so tests bundle worker.ts themselves (packages stay external and resolve from
 * the project's node_modules, as in out/main). Returns the file and a function removing it.
 */
export async function buildTestWorker(): Promise<{ file: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.resolve('node_modules/.cache/transfer-worker-test-'));
  const file = path.join(dir, 'worker.mjs');
  await build({
    entryPoints: [path.resolve('src/main/transfer-worker/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: file,
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
