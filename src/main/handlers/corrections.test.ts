import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDeal } from '../../store/deals';
import { importFactPack } from '../../store/factpacks';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

// Invented facts: a reported broadcast deal between Strivo and SV Rotheide.
const PACK = {
  format: 'factdesk-factpack',
  version: 1,
  entities: [
    { id: 'e-rotheide', kind: 'club', name: 'SV Rotheide' },
    { id: 'e-strivo', kind: 'broadcaster', name: 'Strivo' },
  ],
  deals: [
    {
      id: 'd-liga',
      kind: 'broadcast_rights',
      payerId: 'e-strivo',
      payeeId: 'e-rotheide',
      subject: 'Liga-Rechte SV Rotheide',
      amountMinor: 500000000,
      currency: 'EUR',
      precision: 'exact',
      status: 'reported',
    },
  ],
};

let ctx: HandlerContext;
let articleId: string;
const CLAIM = 'c-amount-1';
const TEXT = 'fünf Millionen Euro';

async function ok<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const mark = (text: string) => ({
  id: CLAIM,
  text,
  context: { text: `Strivo zahlt ${text}.`, start: 13, end: 13 + text.length },
});

async function publish(id: string) {
  const doc = await ok(dispatch('articles:get', { id }, ctx));
  await ok(dispatch('articles:save', { id, baseRev: doc.rev, meta: { status: 'published' } }, ctx));
}

beforeEach(async () => {
  ctx = tempContext({ prefix: 'factdesk-corrections-h-', userName: 'Ruth Okafor', locale: 'en-GB' });
  expect(importFactPack(ctx.db, PACK, { actor: { user: 'test', via: 'test' } }).problems).toEqual([]);
  articleId = (
    await ok(dispatch('articles:create', { language: 'de', headline: 'Strivo zahlt Rotheide' }, ctx))
  ).meta.id;
  await ok(dispatch('claims:create', { articleId, ...mark(TEXT) }, ctx));
  await ok(dispatch('claims:link', { id: CLAIM, refs: [{ type: 'deal', id: 'd-liga' }] }, ctx));
  await ok(dispatch('claims:set-status', { id: CLAIM, status: 'verified' }, ctx));
});
afterEach(() => disposeContext(ctx));

describe('corrections', () => {
  it('offers a correction when a claim’s words change after publishing, one offer while typing, none before publishing', async () => {
    await ok(dispatch('claims:sync', { articleId, marks: [mark('vier Millionen Euro')] }, ctx));
    expect((await ok(dispatch('corrections:list', { articleId }, ctx))).prompts).toEqual([]);
    await ok(dispatch('claims:sync', { articleId, marks: [mark(TEXT)] }, ctx));

    await publish(articleId);
    await ok(dispatch('claims:sync', { articleId, marks: [mark('sechs Millionen')] }, ctx));
    await ok(dispatch('claims:sync', { articleId, marks: [mark('sechseinhalb Millionen Euro')] }, ctx));
    const list = await ok(dispatch('corrections:list', { articleId }, ctx));
    expect(list.published).toBe(true);
    expect(list.prompts).toMatchObject([
      {
        claimId: CLAIM,
        reason: 'text',
        before: TEXT,
        after: 'sechseinhalb Millionen Euro',
        facts: [{ type: 'deal', id: 'd-liga' }],
        notedBy: 'Ruth Okafor',
      },
    ]);
    // Typing the published words back withdraws the offer.
    await ok(dispatch('claims:sync', { articleId, marks: [mark(TEXT)] }, ctx));
    expect((await ok(dispatch('corrections:list', { articleId }, ctx))).prompts).toEqual([]);
  });

  it('writes a correction linked to claim and fact, settles the offer, and keeps every step in its history', async () => {
    await publish(articleId);
    await ok(dispatch('claims:sync', { articleId, marks: [mark('sechseinhalb Millionen Euro')] }, ctx));
    const created = await ok(
      dispatch(
        'corrections:create',
        {
          articleId,
          id: 'k-0001',
          wrong: 'fünf Millionen Euro',
          right: 'sechseinhalb Millionen Euro',
          claimIds: [CLAIM],
          facts: [{ type: 'deal', id: 'd-liga' }],
        },
        ctx,
      ),
    );
    expect(created).toMatchObject({
      id: 'k-0001',
      claimIds: [CLAIM],
      facts: [{ type: 'deal', id: 'd-liga' }],
      createdBy: 'Ruth Okafor',
      exportedAt: null,
    });
    expect((await ok(dispatch('corrections:list', { articleId }, ctx))).prompts).toEqual([]);

    await ok(dispatch('settings:update', { userName: 'Lena Kowalczyk' }, ctx));
    const edited = await ok(
      dispatch(
        'corrections:update',
        { id: 'k-0001', wrong: 'fünf Millionen Euro', right: '6,5 Millionen Euro' },
        ctx,
      ),
    );
    expect(edited.right).toBe('6,5 Millionen Euro');
    expect(edited.claimIds).toEqual([CLAIM]);
    expect(edited.history.map((h) => [h.action, h.by, h.right])).toEqual([
      ['created', 'Ruth Okafor', 'sechseinhalb Millionen Euro'],
      ['edited', 'Lena Kowalczyk', '6,5 Millionen Euro'],
    ]);

    // Withdrawing keeps the row for the record and opens the settled offer again.
    expect(await ok(dispatch('corrections:withdraw', { id: 'k-0001' }, ctx))).toEqual({ id: 'k-0001' });
    const after = await ok(dispatch('corrections:list', { articleId }, ctx));
    expect(after.corrections).toEqual([]);
    expect(after.prompts).toHaveLength(1);
    const again = await dispatch('corrections:update', { id: 'k-0001', wrong: 'a', right: 'b' }, ctx);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toBe('The correction k-0001 was withdrawn.');
    expect(
      ctx.db
        .prepare("SELECT action FROM correction_history WHERE correction_id = 'k-0001' ORDER BY seq")
        .pluck()
        .all(),
    ).toEqual(['created', 'edited', 'withdrawn']);

    // "No correction needed" settles the offer without one.
    const dismissed = await ok(dispatch('corrections:dismiss-offer', { seq: after.prompts[0].seq }, ctx));
    expect(dismissed.prompts).toEqual([]);
  });

  it('offers a correction when a stale claim of a published article is re-checked, with what changed', async () => {
    await publish(articleId);
    await ok(dispatch('facts:deal-update', { ...getDeal(ctx.db, 'd-liga')!, amountMinor: 650000000 }, ctx));
    await ok(dispatch('claims:resolve-recheck', { id: CLAIM }, ctx));
    const [prompt] = (await ok(dispatch('corrections:list', { articleId }, ctx))).prompts;
    expect(prompt).toMatchObject({
      reason: 'recheck',
      before: TEXT,
      facts: [{ type: 'deal', id: 'd-liga' }],
    });
    expect(prompt.changes[0].en).toBe(
      'The amount of the deal “Liga-Rechte SV Rotheide” changed from €5,000,000 to €6,500,000.',
    );
  });

  it('records the re-check of a stale claim together with the correction that answers it', async () => {
    await publish(articleId);
    await ok(dispatch('facts:deal-update', { ...getDeal(ctx.db, 'd-liga')!, amountMinor: 650000000 }, ctx));
    expect((await ok(dispatch('claims:get', { id: CLAIM }, ctx))).recheck).toHaveLength(1);
    await ok(
      dispatch(
        'corrections:create',
        { articleId, wrong: 'fünf Millionen Euro', right: '6,5 Millionen Euro', claimIds: [CLAIM] },
        ctx,
      ),
    );
    expect((await ok(dispatch('claims:get', { id: CLAIM }, ctx))).recheck).toEqual([]);
    expect(await ok(dispatch('claims:stale', {}, ctx))).toEqual([]);
  });

  it('refuses bad input with the field named', async () => {
    const notPublished = await dispatch('corrections:create', { articleId, wrong: 'a', right: 'b' }, ctx);
    expect(notPublished).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: 'articleId', message: 'not published' }] },
    });
    await publish(articleId);
    const blank = await dispatch('corrections:create', { articleId, wrong: '   ', right: 'b' }, ctx);
    expect(blank).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: 'wrong', message: 'must not be empty' }] },
    });
    const other = (await ok(dispatch('articles:create', { language: 'de', headline: 'Anderer Text' }, ctx)))
      .meta.id;
    await ok(
      dispatch(
        'claims:create',
        { articleId: other, id: 'c-other-1', text: 'x', context: { text: 'x', start: 0, end: 1 } },
        ctx,
      ),
    );
    const foreign = await dispatch(
      'corrections:create',
      { articleId, wrong: 'a', right: 'b', claimIds: [CLAIM, 'c-other-1'] },
      ctx,
    );
    expect(foreign).toMatchObject({
      ok: false,
      error: {
        message: 'claimIds.1: the claim c-other-1 is not in this article.',
        fields: [{ path: 'claimIds.1' }],
      },
    });
    const missing = await dispatch(
      'corrections:create',
      { articleId, wrong: 'a', right: 'b', facts: [{ type: 'deal', id: 'd-gibt-es-nicht' }] },
      ctx,
    );
    expect(missing).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'facts.0', message: 'not found' }] },
    });
    expect((await ok(dispatch('corrections:list', { articleId }, ctx))).corrections).toEqual([]);
  });

  it('freezes a correction once an export has carried it, and puts it into the exports', async () => {
    await publish(articleId);
    await ok(
      dispatch(
        'corrections:create',
        {
          articleId,
          id: 'k-0002',
          wrong: 'fünf Millionen Euro',
          right: '6,5 Millionen Euro',
          claimIds: [CLAIM],
        },
        ctx,
      ),
    );
    // An internal report does not freeze it; a reader's format does.
    await ok(
      dispatch(
        'export:article',
        { articleId, format: 'report', directory: ctx.dataDir, fileName: 'r.html' },
        ctx,
      ),
    );
    expect((await ok(dispatch('corrections:list', { articleId }, ctx))).corrections[0].exportedAt).toBeNull();
    await ok(
      dispatch('export:article', { articleId, format: 'md', directory: ctx.dataDir, fileName: 'a.md' }, ctx),
    );
    const [frozen] = (await ok(dispatch('corrections:list', { articleId }, ctx))).corrections;
    expect(frozen.exportedAt).not.toBeNull();
    expect(frozen.history.map((h) => h.action)).toEqual(['created', 'exported']);
    const refused = await dispatch('corrections:withdraw', { id: 'k-0002' }, ctx);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: [{ path: 'id', message: 'exported' }] },
    });
  });
});

describe('corrections on the desk', () => {
  it('reads records for the desk and takes records from it, refusing a malformed batch by its index and storing nothing', async () => {
    await publish(articleId);
    await ok(
      dispatch(
        'corrections:create',
        { articleId, id: 'k-desk', wrong: TEXT, right: 'sechs Millionen Euro', claimIds: [CLAIM] },
        ctx,
      ),
    );
    const [record] = await ok(dispatch('corrections:desk-read', { articleId }, ctx));
    expect(record).toMatchObject({ id: 'k-desk', claimIds: [CLAIM], withdrawnAt: null });

    const incoming = {
      ...record,
      id: 'k-remote',
      right: 'sieben Millionen Euro',
      createdBy: 'Lena Kowalczyk',
      history: [{ ...record.history[0], right: 'sieben Millionen Euro', by: 'Lena Kowalczyk' }],
    };
    const broken = { ...incoming, id: 'k-broken', history: [{ ...record.history[0], action: 'deleted' }] };
    const refused = await dispatch('corrections:desk-apply', { articleId, records: [incoming, broken] }, ctx);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.fields).toEqual([{ path: 'records.1', message: 'is not a correction' }]);
    expect((await ok(dispatch('corrections:list', { articleId }, ctx))).corrections).toHaveLength(1);

    expect(await ok(dispatch('corrections:desk-apply', { articleId, records: [incoming] }, ctx))).toEqual({
      changed: 1,
      waiting: 0,
    });
    const listed = await ok(dispatch('corrections:list', { articleId }, ctx));
    expect(listed.corrections.map((c) => [c.id, c.right, c.createdBy])).toEqual([
      ['k-desk', 'sechs Millionen Euro', 'Ruth Okafor'],
      ['k-remote', 'sieben Millionen Euro', 'Lena Kowalczyk'],
    ]);
  });
});
