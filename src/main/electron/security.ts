import { session, shell, type BrowserWindow } from 'electron';
import { contentSecurityPolicy } from '../csp';
import { isAllowedExternalUrl } from '../handlers/app';

/**
 * The app makes no network request of its own: only our bundled files (and the dev server
 * while developing) may load; links leave through the OS browser, and only http(s)/mailto.
 */
export function lockDownSession(
  isOwnUrl: (url: string) => boolean,
  deskOrigin: () => string | null = () => null,
): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isOwnUrl(details.url) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      isDeskUrl(details.url, deskOrigin());
    callback({ cancel: !allowed });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy(deskOrigin())],
      },
    });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  // Chromium's spell checker fetches Hunspell files from a Google server on Windows and Linux. The
  // editor checks spelling itself with the dictionaries shipped in the app (docs/spelling.md).
  ses.setSpellCheckerEnabled(false);
}

/** The configured desk server's WebSocket, and nothing else of the network, may be reached. */
export function isDeskUrl(url: string, origin: string | null): boolean {
  if (origin === null) return false;
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') &&
      `${parsed.protocol}//${parsed.host}` === origin
    );
  } catch {
    return false;
  }
}

export function guardNavigation(win: BrowserWindow, isOwnUrl: (url: string) => boolean): void {
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
}
