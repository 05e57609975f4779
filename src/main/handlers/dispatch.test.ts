import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { dispatch, handlerFor, loadAllHandlers, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

let ctx: HandlerContext;
let dir: string;
const opened: string[] = [];

beforeEach(() => {
  ctx = tempContext({
    prefix: 'factdesk-handlers-',
    userName: 'kowalczyk',
    locale: 'de_DE.UTF-8',
    platform: {
      openExternal: async (url) => {
        opened.push(url);
        return true;
      },
    },
  });
  dir = ctx.dataDir;
});
afterEach(() => {
  disposeContext(ctx);
  opened.length = 0;
});

describe('dispatch', () => {
  it('answers an unknown channel with a typed error', async () => {
    const result = await dispatch('facts:nuke', {}, ctx);
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'Unknown call "facts:nuke".' },
    });
  });

  it('names every invalid field and runs no handler', async () => {
    const result = await dispatch('settings:update', { userName: '', theme: 'sepia' }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.fields?.map((f) => f.path).sort()).toEqual(['theme', 'userName']);
    expect(result.error.message).toContain('settings:update');
    const settings = await dispatch('settings:get', {}, ctx);
    expect(settings.ok && settings.value.theme).toBe('system');
  });

  it('rejects unexpected keys instead of ignoring them', async () => {
    const result = await dispatch('settings:update', { admin: true } as never, ctx);
    expect(result.ok).toBe(false);
  });

  it('turns a UserError thrown by a handler into a value with its fields', async () => {
    const result = await dispatch('shell:open-external', { url: 'file:///etc/passwd' }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.[0].path).toBe('url');
    expect(opened).toEqual([]);
  });

  it('passes a UserError’s key and values on, beside the English message', async () => {
    const result = await dispatch('comments:list', { articleId: 'no-such-article' }, ctx);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'There is no article with id no-such-article.',
        fields: [{ path: 'articleId', message: 'not found' }],
        key: 'noSuchArticle',
        params: { id: 'no-such-article' },
      },
    });
  });

  it('opens http(s) and mailto links through the shell', async () => {
    for (const url of ['https://example.org/a', 'mailto:desk@example.org']) {
      const result = await dispatch('shell:open-external', { url }, ctx);
      expect(result).toEqual({ ok: true, value: { opened: true } });
    }
    expect(opened).toEqual(['https://example.org/a', 'mailto:desk@example.org']);
  });
});

describe('handlers loaded by domain', () => {
  it('finds a handler for every channel of the contract once its domain has loaded', async () => {
    await loadAllHandlers();
    const missing: string[] = [];
    for (const channel of CHANNELS)
      if (typeof (await handlerFor(channel)) !== 'function') missing.push(channel);
    expect(missing).toEqual([]);
  });
});

describe('settings', () => {
  it('defaults the user name to the OS user and the language to the OS locale', async () => {
    const result = await dispatch('settings:get', {}, ctx);
    expect(result.ok && result.value).toMatchObject({
      userName: 'kowalczyk',
      language: 'de',
      theme: 'system',
    });
  });

  it('keeps the rest of the layout when one pane changes', async () => {
    await dispatch('settings:update', { layout: { leftWidth: 333 } }, ctx);
    await dispatch('settings:update', { layout: { rightCollapsed: true } }, ctx);
    const result = await dispatch('settings:get', {}, ctx);
    expect(result.ok && result.value.layout).toMatchObject({
      leftWidth: 333,
      rightCollapsed: true,
      rightWidth: 360,
    });
  });

  it('refuses a pane width outside the allowed range', async () => {
    const result = await dispatch('settings:update', { layout: { leftWidth: 5 } }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.[0].path).toBe('layout.leftWidth');
  });

  it('reports app facts', async () => {
    const result = await dispatch('app:info', {}, ctx);
    expect(result.ok && result.value).toMatchObject({ name: 'Factdesk', dataDir: dir, nativeMenu: false });
  });
});
