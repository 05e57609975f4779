import { defineConfig } from '@playwright/test';
import { electronBinary } from './src/main/electron-binary';
import { E2E_CHROMIUM_ARGS, findChromiumPath } from './e2e/harness';
import type { ShellOptions } from './e2e/fixtures';

const chromium = findChromiumPath();
const electron = electronBinary();

/**
 * Specs are written once and run per shell: "browser" always (Debian's Chromium driving the
 * browser shell), "electron" whenever the Electron binary is present on this machine.
 */
export default defineConfig<ShellOptions>({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts/,
  // Playwright empties its output folder at start; a folder of its own keeps the unit report
  // and the hardening figures (test-results/hardening) that earlier suites wrote beside it.
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: process.env.CI ? 2 : undefined,
  // CI machines are small and shared; one retry keeps a timing hiccup from failing a run, and
  // scripts/test.mjs still reports every spec that needed it.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: chromium ?? undefined, args: E2E_CHROMIUM_ARGS },
    trace: 'off',
  },
  // The desk specs run three app instances and a desk server each; beside other specs on a
  // two-core machine they starved timing-sensitive editor specs, so they run last, on their own.
  projects: [
    { name: 'browser', testIgnore: /desk(-facts)?\.spec\.ts/, use: { shellMode: 'browser' } },
    {
      name: 'desk',
      testMatch: /desk(-facts)?\.spec\.ts/,
      dependencies: ['browser'],
      use: { shellMode: 'browser' },
    },
    ...(electron.present ? [{ name: 'electron', use: { shellMode: 'electron' as const } }] : []),
  ],
});
