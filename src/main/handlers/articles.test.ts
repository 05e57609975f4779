import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyOf, paragraph, paragraphBody } from '../../store/articleBody.fixture';
import { plainText } from '../../shared/article/blocks';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

let ctx: HandlerContext;

beforeEach(async () => {
  ctx = tempContext({ prefix: 'factdesk-articles-h-', userName: 'kowalczyk', locale: 'de_DE.UTF-8' });
  await dispatch('settings:update', { userName: 'Jana Kowalczyk' }, ctx);
});
afterEach(() => disposeContext(ctx));

async function value<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('articles handlers', () => {
  it('creates an article in the UI language with the user as author and byline', async () => {
    const doc = await value(dispatch('articles:create', { headline: 'Almental vor dem Aufstieg' }, ctx));
    expect(doc.meta).toMatchObject({
      language: 'de',
      author: 'Jana Kowalczyk',
      byline: 'Jana Kowalczyk',
      status: 'draft',
    });
  });

  it('saves and reads back the body through the same calls the app makes', async () => {
    const doc = await value(dispatch('articles:create', {}, ctx));
    const saved = await value(
      dispatch(
        'articles:save',
        {
          id: doc.meta.id,
          baseRev: doc.rev,
          body: paragraphBody(['Strivo zahlt.']),
          meta: { headline: 'Rechte' },
        },
        ctx,
      ),
    );
    expect(saved.rev).toBe(2);
    const back = await value(dispatch('articles:get', { id: doc.meta.id }, ctx));
    expect(plainText(back.body)).toBe('Strivo zahlt.');
    expect(back.meta.headline).toBe('Rechte');
  });

  it('answers a stale save with a conflict naming both versions', async () => {
    const doc = await value(dispatch('articles:create', {}, ctx));
    await value(dispatch('articles:save', { id: doc.meta.id, baseRev: 1, meta: { kicker: 'Fußball' } }, ctx));
    const stale = await dispatch(
      'articles:save',
      { id: doc.meta.id, baseRev: 1, meta: { kicker: 'Handball' } },
      ctx,
    );
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: [{ path: 'baseRev', message: 'is 1, stored is 2' }] },
    });
  });

  it('refuses to save an article in the trash, and saves it again once restored', async () => {
    const doc = await value(dispatch('articles:create', {}, ctx));
    await value(dispatch('articles:trash', { id: doc.meta.id }, ctx));
    const refused = await dispatch(
      'articles:save',
      { id: doc.meta.id, baseRev: 1, body: paragraphBody(['Nachträglich.']) },
      ctx,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/in the trash/) },
    });
    expect(plainText((await value(dispatch('articles:get', { id: doc.meta.id }, ctx))).body)).toBe('');
    await value(dispatch('articles:restore', { id: doc.meta.id }, ctx));
    const saved = await value(
      dispatch('articles:save', { id: doc.meta.id, baseRev: 1, body: paragraphBody(['Nachträglich.']) }, ctx),
    );
    expect(saved.rev).toBe(2);
  });

  it('refuses a body with a foreign node and names where it is', async () => {
    const doc = await value(dispatch('articles:create', {}, ctx));
    const body = bodyOf([
      paragraph('Text'),
      { type: 'image', version: 1, src: 'https://tracker.example/p.gif' },
    ]);
    const result = await dispatch('articles:save', { id: doc.meta.id, baseRev: 1, body }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.fields).toEqual([
      { path: 'body.editorState.root.children.1.type', message: '"image" is not allowed in an article' },
    ]);
  });

  it('validates fields with messages naming them', async () => {
    const result = await dispatch(
      'articles:save',
      { id: 'x', baseRev: 0, meta: { status: 'lost', headline: 'x'.repeat(301) } },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields?.map((f) => f.path).sort()).toEqual([
      'baseRev',
      'meta.headline',
      'meta.status',
    ]);
  });

  it('reports a missing article as not found', async () => {
    const result = await dispatch('articles:open', { id: 'does-not-exist' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('records opened articles for the recent list', async () => {
    const a = await value(dispatch('articles:create', { headline: 'Erstes' }, ctx));
    const b = await value(dispatch('articles:create', { headline: 'Zweites' }, ctx));
    await value(dispatch('articles:open', { id: a.meta.id }, ctx));
    await value(dispatch('articles:open', { id: b.meta.id }, ctx));
    expect(await value(dispatch('articles:recent', {}, ctx))).toEqual([
      { id: b.meta.id, headline: 'Zweites' },
      { id: a.meta.id, headline: 'Erstes' },
    ]);
  });

  it('saves a named version and restores it while the newer text stays listed', async () => {
    const doc = await value(dispatch('articles:create', {}, ctx));
    const s1 = await value(
      dispatch('articles:save', { id: doc.meta.id, baseRev: 1, body: paragraphBody(['Fassung eins.']) }, ctx),
    );
    const named = await value(
      dispatch('revisions:create', { articleId: doc.meta.id, name: 'Erste Fassung' }, ctx),
    );
    expect(named).toMatchObject({ kind: 'named', name: 'Erste Fassung', author: 'Jana Kowalczyk' });
    await value(
      dispatch(
        'articles:save',
        { id: doc.meta.id, baseRev: s1.rev, body: paragraphBody(['Fassung zwei.']) },
        ctx,
      ),
    );
    const restored = await value(dispatch('revisions:restore', { id: named.id }, ctx));
    expect(plainText(restored.body)).toBe('Fassung eins.');
    const list = await value(dispatch('revisions:list', { articleId: doc.meta.id }, ctx));
    const bodies = await Promise.all(
      list.map(async (r) => plainText((await value(dispatch('revisions:get', { id: r.id }, ctx))).body)),
    );
    expect(bodies).toContain('Fassung zwei.');
    expect(list[0].kind).toBe('restore');
  });

  it('empties the trash and reports how many articles went', async () => {
    const a = await value(dispatch('articles:create', {}, ctx));
    await value(dispatch('articles:trash', { id: a.meta.id }, ctx));
    expect(await value(dispatch('articles:empty-trash', {}, ctx))).toEqual({ deleted: 1 });
  });
});
