import { beforeEach, describe, expect, it, vi } from 'vitest';

// Mocks stop at the Electron boundary: ipcMain is replaced, everything behind it is real.
const registered = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) =>
      registered.set(channel, fn),
  },
}));

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHANNELS } from '../../shared/contract';
import { openDatabase } from '../../store/db';
import { registerIpc } from './ipc';

describe('registerIpc', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-ipc-'));
  const ctx = {
    db: openDatabase(path.join(dir, 'factdesk.sqlite')),
    dataDir: dir,
    appVersion: 'test',
    os: { userName: 'tester', locale: 'en', platform: 'linux' },
    platform: { kind: 'test' as const, nativeMenu: true, openExternal: async () => true },
  };
  const own = 'file:///app/renderer/index.html';
  beforeEach(() => {
    registered.clear();
    registerIpc(ctx, (url) => url.startsWith('file:///app/renderer/'));
  });

  it('registers exactly the channels of the contract', () => {
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers our own window through the shared dispatcher', async () => {
    const result = await registered.get('app:info')!({ senderFrame: { url: own } }, {});
    expect(result).toMatchObject({ ok: true, value: { name: 'Factdesk', nativeMenu: true } });
  });

  it('refuses a call from any other frame before validating or running anything', async () => {
    const result = await registered.get('settings:update')!(
      { senderFrame: { url: 'https://evil.example/' } },
      { theme: 'dark' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const settings = (await registered.get('settings:get')!({ senderFrame: { url: own } }, {})) as {
      value: { theme: string };
    };
    expect(settings.value.theme).toBe('system');
  });

  it('validates input coming over IPC', async () => {
    const result = await registered.get('settings:update')!({ senderFrame: { url: own } }, { theme: 7 });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
