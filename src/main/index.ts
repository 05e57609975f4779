import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isAllowedExternalUrl, loadSettings } from './handlers/app';
import { loadAllHandlers, type HandlerContext } from './handlers';
import { createContext, resolveDataDir } from './runtime';
import { runDeskFacts, type DeskFactsService } from './desk-facts/service';
import { warmTransferLibraries } from './warm-transfer';
import { TransferPool } from './transfer-worker/pool';
import transferWorkerPath from './transfer-worker/workerPath';
import { registerIpc } from './electron/ipc';
import { buildMenu, type RecentArticle } from './electron/menu';
import { printHtmlWithElectron } from './electron/pdf';
import { guardNavigation, lockDownSession } from './electron/security';
import { deskOrigin } from '../store/desk-config';
import { restoredBounds, trackBounds } from './electron/window-state';
import { recentArticlesForMenu } from './recent';
import { openOrOfferRestore } from './damagedStore';
import type { DatabaseDamagedError } from '../store/backups';
import { damagedStoreWords, systemLanguage } from '../shared/i18n/damagedStore';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '../renderer/index.html');
const rendererRoot = pathToFileURL(path.join(here, '../renderer')).href;
const devServer = process.env.ELECTRON_RENDERER_URL;

const isOwnUrl = (url: string) =>
  url.startsWith(rendererRoot) || (devServer !== undefined && url.startsWith(devServer));

// Calls that can change the menu's language, the theme or File → Open Recent. An autosave can
// rename an article in Open Recent; refreshChrome rebuilds the menu only when it changed.
const CHROME_CHANNELS = new Set([
  'settings:update',
  'articles:open',
  'articles:save',
  'articles:create',
  'articles:rename',
  'articles:duplicate',
  'articles:trash',
  'articles:restore',
  'articles:empty-trash',
  'import:file',
  'import:path',
]);

let ctx: HandlerContext | undefined;
let deskFacts: DeskFactsService | undefined;
let win: BrowserWindow | undefined;

let chromeShown = '';

function refreshChrome(): void {
  if (!ctx || !win) return;
  const settings = loadSettings(ctx);
  nativeTheme.themeSource = settings.theme;
  const recent: RecentArticle[] = recentArticlesForMenu(ctx.db);
  // Autosaves land here too (a headline may have changed): rebuild the menu only when it would differ.
  const shown = JSON.stringify([settings.language, recent]);
  if (shown === chromeShown) return;
  chromeShown = shown;
  Menu.setApplicationMenu(buildMenu(win, settings.language, recent));
}

function createWindow(context: HandlerContext): BrowserWindow {
  const bounds = restoredBounds(context.db);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Factdesk',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#fafaf8',
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Our own offline checker underlines the article (src/renderer/src/spell); Chromium's would download dictionaries.
      spellcheck: false,
    },
  });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  guardNavigation(window, isOwnUrl);
  trackBounds(window, context.db);

  // Give the renderer a moment to flush pending autosaves before the window goes away.
  let flushed = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    window.webContents.send('app:before-close');
    const timer = setTimeout(() => {
      flushed = true;
      window.close();
    }, 3000);
    ipcMain.once('app:closing-flushed', () => {
      clearTimeout(timer);
      flushed = true;
      window.close();
    });
  });

  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(rendererIndex);
  return window;
}

/** The start-up check found the store damaged: say so plainly (in the system's language, as settings cannot be read) and offer the newest good backup. */
async function askWithDialog(damage: DatabaseDamagedError): Promise<boolean> {
  const words = damagedStoreWords(systemLanguage(app.getLocale()), damage);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Factdesk',
    message: words.message,
    detail: words.detail,
    buttons: [words.restore, words.quit],
    defaultId: 0,
    cancelId: 1,
  });
  return response === 0;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Imports are parsed and exports rendered on a worker thread (Electron prints PDFs itself, from
  // the HTML the worker renders): neither holds up the window's other calls.
  const transfer = new TransferPool({ workerPath: transferWorkerPath });

  app.whenReady().then(async () => {
    const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
    const opening = await openOrOfferRestore(
      dataDir,
      () =>
        createContext({
          deferSync: true,
          dataDir,
          nativeBinding: process.env.FACTDESK_NATIVE_BINDING || undefined,
          locale: app.getLocale(),
          platform: {
            kind: 'electron',
            nativeMenu: true,
            openExternal: async (url) => {
              if (!isAllowedExternalUrl(url)) return false;
              await shell.openExternal(url);
              return true;
            },
            printToPdf: printHtmlWithElectron,
            chooseSavePath: async (suggestedPath) => {
              const options = {
                defaultPath: suggestedPath,
                properties: ['createDirectory', 'showOverwriteConfirmation'] as (
                  'createDirectory' | 'showOverwriteConfirmation'
                )[],
              };
              const result = win
                ? await dialog.showSaveDialog(win, options)
                : await dialog.showSaveDialog(options);
              return result.canceled || !result.filePath ? null : result.filePath;
            },
          },
          transfer,
        }),
      askWithDialog,
    );
    if ('refused' in opening) {
      dialog.showErrorBox('Factdesk', opening.refused.message);
      app.quit();
      return;
    }
    ctx = opening.opened;
    // Loads while the window opens; a call that arrives first waits only for its own domain.
    loadAllHandlers().catch((err: unknown) => console.error('[main] handlers did not load', err));
    lockDownSession(isOwnUrl, () => (ctx ? deskOrigin(ctx.db) : null));
    registerIpc(ctx, isOwnUrl, (channel) => {
      if (CHROME_CHANNELS.has(channel)) refreshChrome();
    });
    win = createWindow(ctx);
    refreshChrome();
    deskFacts = runDeskFacts(ctx, {
      onProblem: (message) => console.error(message),
      onFactsChanged: () => {
        if (win && !win.isDestroyed()) win.webContents.send('shell:push', 'facts-changed');
      },
    });
    void warmTransferLibraries({ libraries: [['import and export libraries', () => transfer.warm()]] });
  });

  app.on('window-all-closed', () => {
    deskFacts?.stop();
    void transfer.close();
    ctx?.db.close();
    app.quit();
  });
}
