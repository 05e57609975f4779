import { beforeEach, describe, expect, it, vi } from 'vitest';

// Mocks stop at the Electron boundary: session, shell and the window's webContents are stand-ins
// that record what the app registers; the handlers they are given are the real ones.
const hooks: Record<string, (...args: never[]) => unknown> = {};
const opened: string[] = [];
const spellChecker: { enabled?: boolean } = {};
vi.mock('electron', () => ({
  session: {
    defaultSession: {
      webRequest: {
        onBeforeRequest: (fn: never) => (hooks.beforeRequest = fn),
        onHeadersReceived: (fn: never) => (hooks.headersReceived = fn),
      },
      setPermissionRequestHandler: (fn: never) => (hooks.permission = fn),
      setSpellCheckerEnabled: (enabled: boolean) => (spellChecker.enabled = enabled),
    },
  },
  shell: { openExternal: async (url: string) => void opened.push(url) },
}));

import { CONTENT_SECURITY_POLICY } from '../csp';
import { guardNavigation, lockDownSession } from './security';

const isOwn = (url: string) => url.startsWith('file:///app/renderer/');

function fakeWindow() {
  const events: Record<string, (event: { preventDefault(): void }, url?: string) => void> = {};
  let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
  const win = {
    webContents: {
      on: (name: string, fn: (typeof events)[string]) => (events[name] = fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    },
  };
  const prevented = (name: string, url?: string) => {
    let stopped = false;
    events[name]!({ preventDefault: () => (stopped = true) }, url);
    return stopped;
  };
  return { win, prevented, open: (url: string) => openHandler({ url }) };
}

beforeEach(() => {
  opened.length = 0;
});

describe('Electron session lock-down', () => {
  it('cancels every request that is not the app itself, devtools or data:', () => {
    lockDownSession(isOwn);
    const cancel = (url: string) => {
      let answer: { cancel: boolean } | undefined;
      (hooks.beforeRequest as unknown as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)(
        { url },
        (r) => (answer = r),
      );
      return answer?.cancel;
    };
    expect(cancel('file:///app/renderer/index.html')).toBe(false);
    expect(cancel('data:image/png;base64,AAAA')).toBe(false);
    for (const url of [
      'https://xss.invalid/beacon',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'ws://evil.test/',
      'blob:https://x/1',
    ]) {
      expect(cancel(url), url).toBe(true);
    }
  });

  it('puts the strict CSP on every response and denies every permission request', () => {
    lockDownSession(isOwn);
    let headers: Record<string, string[]> = {};
    (
      hooks.headersReceived as unknown as (
        d: unknown,
        cb: (r: { responseHeaders: Record<string, string[]> }) => void,
      ) => void
    )(
      { responseHeaders: { 'Content-Security-Policy': ['default-src *'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'|default-src 'self'/);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      let granted: boolean | undefined;
      (hooks.permission as unknown as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)(
        {},
        permission,
        (ok) => (granted = ok),
      );
      expect(granted, permission).toBe(false);
    }
  });
});

describe("Chromium's own spell checker", () => {
  it('is switched off, so it never downloads dictionaries, and their download host is cancelled', () => {
    lockDownSession(isOwn);
    expect(spellChecker.enabled).toBe(false);
    let cancel: boolean | undefined;
    (hooks.beforeRequest as unknown as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)(
      { url: 'https://redirector.gvt1.com/edgedl/chrome/dict/de-de-3-0.bdic' },
      (r) => (cancel = r.cancel),
    );
    expect(cancel).toBe(true);
  });
});

describe('navigation guards', () => {
  it('keeps the window on the app: foreign navigation and webviews are prevented', () => {
    const { win, prevented } = fakeWindow();
    guardNavigation(win as never, isOwn);
    expect(prevented('will-navigate', 'file:///app/renderer/index.html#/article')).toBe(false);
    for (const url of [
      'https://xss.invalid/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      expect(prevented('will-navigate', url), url).toBe(true);
    }
    expect(prevented('will-attach-webview')).toBe(true);
  });

  it('denies every new window and hands only http(s) and mailto links to the OS browser', () => {
    const { win, open } = fakeWindow();
    guardNavigation(win as never, isOwn);
    const urls = [
      'https://sv-rotheide.example/spielbericht',
      'mailto:redaktion@example.test',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'vbscript:msgbox(1)',
      'data:text/html,x',
      'smb://evil/share',
    ];
    for (const url of urls) expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://sv-rotheide.example/spielbericht', 'mailto:redaktion@example.test']);
  });
});
