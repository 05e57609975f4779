import { describe, expect, it, vi } from 'vitest';

// Mocks stop at the Electron boundary: the default session records what the app asks of it.
const calls: string[] = [];
let onBeforeRequest: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | undefined;
vi.mock('electron', () => ({
  shell: { openExternal: vi.fn() },
  session: {
    defaultSession: {
      webRequest: {
        onBeforeRequest: (fn: typeof onBeforeRequest) => {
          onBeforeRequest = fn;
        },
        onHeadersReceived: () => calls.push('onHeadersReceived'),
      },
      setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
      setSpellCheckerEnabled: (enabled: boolean) => calls.push(`setSpellCheckerEnabled(${enabled})`),
    },
  },
}));

import { lockDownSession } from './security';

describe('lockDownSession', () => {
  it("switches Chromium's spell checker off, so it never downloads dictionaries, and cancels foreign requests", () => {
    lockDownSession((url) => url.startsWith('file:///app/'));
    expect(calls).toContain('setSpellCheckerEnabled(false)');
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      onBeforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    // Where Chromium fetches its Hunspell files from on Windows and Linux.
    expect(verdict('https://redirector.gvt1.com/edgedl/chrome/dict/de-de-3-0.bdic')).toBe(true);
    expect(verdict('file:///app/renderer/assets/spell.worker.js')).toBe(false);
  });
});
