import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ARTICLE_STORAGE_KEY } from './storageKeys';
import { RECOVERY_PREFIX } from '../recovery/recoveryCopies';

const SCRIPT = fs.readFileSync(path.join(__dirname, '../../public/early-boot.js'), 'utf8');

class MemoryStorage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
}

/** Runs the page-head script with the Electron preload's API (the boundary the tests may stand in for). */
function runEarlyBoot(session: MemoryStorage, local: MemoryStorage) {
  const calls: [string, unknown][] = [];
  const preload = new Proxy(
    {},
    {
      get: (_t, ns: string) =>
        new Proxy(
          {},
          {
            get: (_u, method: string) => (input: unknown) => {
              calls.push([`${ns}:${method}`, input]);
              return Promise.resolve({ ok: true, value: `${ns}.${method}` });
            },
          },
        ),
    },
  );
  const page: Record<string, unknown> = { factdesk: preload, sessionStorage: session, localStorage: local };
  vm.runInNewContext(SCRIPT, page);
  return { calls, early: page.factdeskEarly as Map<string, Promise<unknown>> };
}

describe('early-boot.js', () => {
  it("asks for the first screen's data and the article this tab showed, keyed as bootPrefetch takes them", async () => {
    const session = new MemoryStorage();
    session.setItem(ARTICLE_STORAGE_KEY, 'art-rotheide');
    const { calls, early } = runEarlyBoot(session, new MemoryStorage());
    expect(calls).toEqual([
      ['app:info', {}],
      ['settings:get', {}],
      ['desk:config', {}],
      ['desk:links', {}],
      ['articles:open', { id: 'art-rotheide' }],
    ]);
    expect([...early.keys()]).toContain('articles:open {"id":"art-rotheide"}');
    await expect(early.get('settings:get {}')).resolves.toEqual({ ok: true, value: 'settings.get' });
  });

  it('leaves the article to the app while a recovery copy waits to be offered', () => {
    const session = new MemoryStorage();
    session.setItem(ARTICLE_STORAGE_KEY, 'art-rotheide');
    const local = new MemoryStorage();
    local.setItem(`${RECOVERY_PREFIX}art-rotheide`, '{}');
    const { calls } = runEarlyBoot(session, local);
    expect(calls.map(([channel]) => channel)).not.toContain('articles:open');
  });
});
