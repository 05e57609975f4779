import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The app's strings come in one chunk per language (src/renderer/src/i18n.ts), imported once the
 * main bundle runs. Announced in the page's head, both arrive alongside the main bundle instead of
 * after it; only the language shown is evaluated.
 */
function preloadLanguages(): Plugin {
  return {
    name: 'factdesk-preload-languages',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('index.html')) return;
        return Object.values(ctx.bundle)
          .filter(
            (c) =>
              c.type === 'chunk' &&
              /[\\/]src[\\/]renderer[\\/]src[\\/]locales[\\/]/.test(c.facadeModuleId ?? ''),
          )
          .map((c) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${c.fileName}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

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
    plugins: [react(), preloadLanguages()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified; parsing and compiling the unminified 2.7 MB
      // was a good part of the cold start (bench/editor.ts --cold-start-only).
      minify: true,
      // FACTDESK_SOURCEMAP=1 writes source maps beside the chunks, to read a minified profile
      // (bench/editor.ts --cold-detail) by original file and function; never in a shipped build.
      sourcemap: process.env.FACTDESK_SOURCEMAP === '1',
      rollupOptions: {
        input: {
          index: resolve('src/renderer/index.html'),
          bare: resolve('src/renderer/bare-editor.html'),
        },
      },
    },
  },
});
