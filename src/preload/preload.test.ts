import { describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoked: [string, unknown][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return { ok: true, value: null };
    },
    on: () => undefined,
    removeListener: () => undefined,
    send: () => undefined,
  },
}));

import { CHANNELS, methodPath } from '../shared/contract';

describe('preload', () => {
  it('exposes one method per contract channel on window.factdesk and nothing generic', async () => {
    await import('./index');
    const api = exposed.factdesk as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    for (const channel of CHANNELS) {
      const [ns, method] = methodPath(channel);
      expect(typeof api[ns][method], channel).toBe('function');
    }
    expect(Object.keys(api).sort()).toEqual(
      [
        ...new Set(CHANNELS.map((c) => methodPath(c)[0])),
        'onBeforeClose',
        'onFactsChanged',
        'onMenuCommand',
      ].sort(),
    );
    expect('invoke' in api || 'send' in api || 'ipcRenderer' in api).toBe(false);
    await api.settings.update({ theme: 'dark' });
    expect(invoked.at(-1)).toEqual(['settings:update', { theme: 'dark' }]);
  });
});
