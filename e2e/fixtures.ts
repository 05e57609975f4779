import {
  test as base,
  expect,
  _electron,
  type BrowserContext,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import path from 'node:path';
import { electronBinary } from '../src/main/electron-binary';
import { makeDataDir, ROOT, runCli, seedSettings, startShell, type RunningShell } from './harness';

export type ShellMode = 'browser' | 'electron';

export interface AppHandle {
  mode: ShellMode;
  dataDir: string;
  /** Base URL of the browser shell (null in Electron). */
  origin: string | null;
  /** Stops the app and starts it again on the same data folder; the page is reloaded. */
  restart(): Promise<void>;
  /** Kills the app abruptly (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts the browser shell again on the same data folder without touching the open page; returns the new launch URL. */
  startServerAgain(): Promise<string>;
  cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

export interface ShellOptions {
  shellMode: ShellMode;
  uiLanguage: 'de' | 'en';
  userName: string;
}

export const test = base.extend<ShellOptions & { app: AppHandle; page: Page }>({
  shellMode: ['browser', { option: true }],
  uiLanguage: ['en', { option: true }],
  userName: ['Erika Prüfer', { option: true }],

  app: async ({ shellMode, uiLanguage, userName, browser }, use) => {
    const dataDir = makeDataDir();
    seedSettings(dataDir, { language: uiLanguage, userName });
    let page: Page | undefined;
    let shell: RunningShell | undefined;
    let electronApp: ElectronApplication | undefined;
    let context: BrowserContext | undefined;

    const start = async () => {
      if (shellMode === 'electron') {
        const binary = electronBinary();
        electronApp = await _electron.launch({
          executablePath: binary.path ?? undefined,
          args: [path.join(ROOT, 'out', 'main', 'index.js'), '--data-dir', dataDir],
          env: { ...process.env, FACTDESK_DATA_DIR: dataDir },
        });
        page = await electronApp.firstWindow();
      } else {
        shell = await startShell(dataDir);
        context ??= await browser.newContext();
        page ??= await context.newPage();
        await page.goto(shell.launchUrl);
      }
    };
    await start();

    const handle: AppHandle & { page(): Page } = {
      mode: shellMode,
      dataDir,
      get origin() {
        return shell?.url ?? null;
      },
      page: () => page!,
      async restart() {
        if (electronApp) {
          await electronApp.close();
          page = undefined;
        } else await shell?.stop();
        await start();
      },
      async kill() {
        if (electronApp) electronApp.process().kill('SIGKILL');
        else await shell?.stop('SIGKILL');
      },
      async startServerAgain() {
        if (shellMode !== 'browser') throw new Error('Only the browser shell has a server to restart.');
        await shell?.stop();
        shell = await startShell(dataDir);
        return shell.launchUrl;
      },
      cli: (args) => runCli([...args, '--data-dir', dataDir]),
    };
    await use(handle);
    if (electronApp) await electronApp.close().catch(() => undefined);
    // The worker's browser outlives the test: a context left open keeps its page running.
    await context?.close();
    await shell?.stop();
  },

  page: async ({ app }, use) => {
    const page = (app as AppHandle & { page(): Page }).page();
    await use(page);
  },
});

export { expect };
