import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesToBase64, base64ToBytes } from '../../shared/desk/base64';
import { contentSecurityPolicy } from '../csp';
import { deskOrigin } from '../../store/desk-config';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

let ctx: HandlerContext;
beforeEach(() => {
  ctx = tempContext({ prefix: 'factdesk-desk-handlers-' });
});
afterEach(() => disposeContext(ctx));

async function call<T>(channel: Parameters<typeof dispatch>[0], input: unknown): Promise<T> {
  const r = await dispatch(channel, input as never, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

describe('desk handlers', () => {
  it('configures a desk, and the CSP then allows exactly its origin', async () => {
    expect(await call('desk:config', {})).toEqual({ url: null, token: null, enabled: false, user: null });
    expect(contentSecurityPolicy(deskOrigin(ctx.db))).toContain("connect-src 'self';");
    const config = await call('desk:configure', {
      url: 'ws://127.0.0.1:4711/',
      token: 'tok-SV-Rotheide-1234',
    });
    expect(config).toMatchObject({ url: 'ws://127.0.0.1:4711/', enabled: true });
    expect(deskOrigin(ctx.db)).toBe('ws://127.0.0.1:4711');
    expect(contentSecurityPolicy(deskOrigin(ctx.db))).toContain("connect-src 'self' ws://127.0.0.1:4711;");
    expect(await call('desk:set-enabled', { enabled: false })).toMatchObject({
      enabled: false,
      url: 'ws://127.0.0.1:4711/',
    });
  });

  it('refuses addresses that are not ws:// or wss:// and tokens with spaces, naming the field', async () => {
    for (const url of ['http://127.0.0.1:1234', 'javascript:alert(1)', 'ws://user:pw@desk.example', 'desk']) {
      const r = await dispatch('desk:configure', { url, token: 'tok-SV-Rotheide-1234' }, ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.fields?.[0].path).toBe('url');
    }
    const r = await dispatch('desk:configure', { url: 'wss://desk.example', token: 'two words token' }, ctx);
    expect(!r.ok && r.error.fields?.[0].path).toBe('token');
  });

  it('names revisions and claim checks after the desk user once the desk said who the token is', async () => {
    await call('desk:configure', { url: 'ws://127.0.0.1:4711', token: 'tok-SV-Rotheide-1234' });
    await call('desk:set-user', { name: 'Jana Wolf', role: 'editor' });
    const doc = await call<{ meta: { id: string }; rev: number }>('articles:create', {});
    await call('articles:save', { id: doc.meta.id, baseRev: doc.rev, meta: { headline: 'Derbysieg' } });
    await call('revisions:create', { articleId: doc.meta.id, name: 'Erste Fassung' });
    const revisions = await call<{ author: string; name: string | null }[]>('revisions:list', {
      articleId: doc.meta.id,
    });
    expect(revisions.find((r) => r.name === 'Erste Fassung')?.author).toBe('Jana Wolf');
  });

  it('stores updates, loads them merged, and counts the unconfirmed ones', async () => {
    const y = new Y.Doc();
    const updates: Uint8Array[] = [];
    y.on('update', (u: Uint8Array) => updates.push(u));
    y.getText('t').insert(0, 'FC Nordhafen');
    y.getText('t').insert(0, 'Heute: ');
    const seqs: number[] = [];
    for (const u of updates)
      seqs.push(
        (
          await call<{ seq: number }>('desk:append-update', {
            doc: 'article/a1',
            update: bytesToBase64(u),
            pending: true,
          })
        ).seq,
      );
    expect(await call('desk:pending', {})).toEqual({ total: 2, docs: [{ doc: 'article/a1', pending: 2 }] });
    const stored = await call<{ state: string; pending: number }>('desk:load-doc', { doc: 'article/a1' });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, base64ToBytes(stored.state));
    expect(copy.getText('t').toString()).toBe('Heute: FC Nordhafen');
    expect(await call('desk:mark-synced', { doc: 'article/a1', upTo: seqs[1] })).toEqual({ total: 0 });
  });

  it('refuses bytes that are not a Yjs update and document names that are not the desk’s', async () => {
    const bad = await dispatch(
      'desk:append-update',
      { doc: 'article/a1', update: bytesToBase64(new Uint8Array([9, 9, 9, 9])), pending: true },
      ctx,
    );
    expect(!bad.ok && bad.error.fields?.[0].path).toBe('update');
    const name = await dispatch('desk:load-doc', { doc: '../etc/passwd' }, ctx);
    expect(!name.ok && name.error.fields?.[0].path).toBe('doc');
  });

  it('adopts a desk article under its own id once, and links it', async () => {
    const input = {
      articleId: 'desk-art-1',
      headline: 'Kowalczyk bleibt',
      language: 'de',
      sharedBy: 'Tim Brandt',
      sharedAt: '2026-12-06T09:00:00.000Z',
    };
    const meta = await call<{ id: string; headline: string }>('desk:adopt-article', input);
    expect(meta).toMatchObject({ id: 'desk-art-1', headline: 'Kowalczyk bleibt' });
    await call('desk:adopt-article', { ...input, headline: 'ignored' });
    expect(await call('desk:links', {})).toEqual([
      { articleId: 'desk-art-1', sharedBy: 'Tim Brandt', sharedAt: input.sharedAt },
    ]);
  });
});
