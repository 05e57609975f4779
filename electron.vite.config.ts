import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod is bundled in: loaded from node_modules it is ~100 files, and resolving them was a
      // third of a CLI command's start-up (bench/cli.ts).
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        // One Node build serves three entry points over the same handlers.
        input: {
          index: resolve('src/main/index.ts'),
          'browser-shell': resolve('src/main/browser-shell/index.ts'),
          cli: resolve('src/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload may only require('electron'): everything else is bundled in, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: {
        input: {
          index: resolve('src/renderer/index.html'),
          bare: resolve('src/renderer/bare-editor.html'),
        },
      },
    },
  },
});
