import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDeal } from '../../store/deals';
import { importFactPack } from '../../store/factpacks';
import { getQuote } from '../../store/quotes';
import { getRole } from '../../store/roles';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

// Invented facts: a reported broadcast deal, a coach's quote with its source and her role.
const PACK = {
  format: 'factdesk-factpack',
  version: 1,
  entities: [
    { id: 'e-kowalczyk', kind: 'person', name: 'Lena Kowalczyk' },
    { id: 'e-brandt', kind: 'person', name: 'Jonas Brandt' },
    { id: 'e-nordhafen', kind: 'club', name: 'FC Nordhafen' },
    { id: 'e-rotheide', kind: 'club', name: 'SV Rotheide' },
    { id: 'e-strivo', kind: 'broadcaster', name: 'Strivo' },
  ],
  roles: [
    {
      id: 'r-kowalczyk',
      personId: 'e-kowalczyk',
      title: 'Trainerin',
      organisationId: 'e-nordhafen',
      from: '2024-07-01',
    },
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
  quotes: [
    {
      id: 'q-bleiben',
      speakerId: 'e-kowalczyk',
      wording: 'Wir bleiben in Nordhafen.',
      language: 'de',
      date: '2026-05-02',
      occasion: 'interview',
      status: 'verified',
    },
  ],
  sources: [
    {
      id: 's-int',
      kind: 'interview_recording',
      title: 'Interview Nordhafener Rundschau',
      publisher: 'Nordhafener Rundschau',
    },
  ],
  citations: [
    { id: 'cit-q', factType: 'quote', factId: 'q-bleiben', sourceId: 's-int' },
    { id: 'cit-d', factType: 'deal', factId: 'd-liga', sourceId: 's-int' },
  ],
};

let ctx: HandlerContext;

beforeEach(() => {
  ctx = tempContext({ prefix: 'factdesk-stale-h-', userName: 'Erika Prüfer', locale: 'en-GB' });
  expect(importFactPack(ctx.db, PACK, { actor: { user: 'test', via: 'test' } }).problems).toEqual([]);
});
afterEach(() => disposeContext(ctx));

async function ok<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** An article with one verified claim linked to the given fact. */
async function articleWithClaim(
  claimId: string,
  text: string,
  ref: { type: 'deal' | 'quote' | 'entity'; id: string },
  headline = 'Rotheide',
) {
  const articleId = (await ok(dispatch('articles:create', { language: 'de', headline }, ctx))).meta.id;
  await ok(
    dispatch(
      'claims:create',
      { articleId, id: claimId, text, context: { text, start: 0, end: text.length } },
      ctx,
    ),
  );
  await ok(dispatch('claims:link', { id: claimId, refs: [ref] }, ctx));
  await ok(dispatch('claims:set-status', { id: claimId, status: 'verified' }, ctx));
  return articleId;
}

const recheckOf = async (id: string) => (await ok(dispatch('claims:get', { id }, ctx))).recheck;

describe('stale-claim alerts', () => {
  it('flags a claim when its deal’s amount changes, blocks the gate until re-checked, and leaves other claims alone', async () => {
    const articleId = await articleWithClaim('c-amount-1', 'fünf Millionen Euro', {
      type: 'deal',
      id: 'd-liga',
    });
    await articleWithClaim(
      'c-quote-1',
      'Wir bleiben in Nordhafen.',
      { type: 'quote', id: 'q-bleiben' },
      'Nordhafen',
    );
    expect((await ok(dispatch('claims:gate', { articleId }, ctx))).passes).toBe(true);

    await ok(dispatch('facts:deal-update', { ...getDeal(ctx.db, 'd-liga')!, amountMinor: 650000000 }, ctx));

    const [notice] = await recheckOf('c-amount-1');
    expect(notice).toMatchObject({
      reason: 'amount',
      factType: 'deal',
      factId: 'd-liga',
      by: 'Erika Prüfer',
    });
    expect(notice.message.en).toBe(
      'The amount of the deal “Liga-Rechte SV Rotheide” changed from €5,000,000 to €6,500,000.',
    );
    expect(notice.message.de).toMatch(/von 5\.000\.000\s€ auf 6\.500\.000\s€/);
    expect(await recheckOf('c-quote-1')).toEqual([]);

    const gate = await ok(dispatch('claims:gate', { articleId }, ctx));
    expect(gate.passes).toBe(false);
    expect(gate.open).toEqual([
      expect.objectContaining({ id: 'c-amount-1', status: 'verified', needsRecheck: true }),
    ]);
    const refused = await dispatch(
      'articles:save',
      { id: articleId, baseRev: 1, meta: { status: 'ready' } },
      ctx,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/needs re-check|erneut prüfen/);

    const resolved = await ok(dispatch('claims:resolve-recheck', { id: 'c-amount-1' }, ctx));
    expect(resolved.recheck).toEqual([]);
    expect((await ok(dispatch('claims:gate', { articleId }, ctx))).passes).toBe(true);
    const row = ctx.db
      .prepare('SELECT resolved_by FROM claim_rechecks WHERE claim_id = ?')
      .get('c-amount-1') as { resolved_by: string };
    expect(row.resolved_by).toBe('Erika Prüfer');
  });

  it('flags a currency change and a status change reported → confirmed, one notice each', async () => {
    await articleWithClaim('c-amount-2', 'fünf Millionen Euro', { type: 'deal', id: 'd-liga' });
    await ok(
      dispatch(
        'facts:deal-update',
        { ...getDeal(ctx.db, 'd-liga')!, currency: 'CHF', status: 'confirmed' },
        ctx,
      ),
    );
    const notices = await recheckOf('c-amount-2');
    expect(notices.map((n) => n.reason)).toEqual(['currency', 'status']);
    expect(notices[1].message.en).toBe(
      'The status of the deal “Liga-Rechte SV Rotheide” changed from “reported” to “confirmed”.',
    );
  });

  it('flags quote wording, speaker and retraction', async () => {
    await articleWithClaim('c-quote-2', 'Wir bleiben in Nordhafen.', { type: 'quote', id: 'q-bleiben' });
    const quote = getQuote(ctx.db, 'q-bleiben')!;
    await ok(dispatch('facts:quote-update', { ...quote, wording: 'Wir bleiben sicher in Nordhafen.' }, ctx));
    await ok(
      dispatch('facts:quote-update', { ...getQuote(ctx.db, 'q-bleiben')!, speakerId: 'e-brandt' }, ctx),
    );
    await ok(dispatch('facts:quote-update', { ...getQuote(ctx.db, 'q-bleiben')!, status: 'retracted' }, ctx));
    const notices = await recheckOf('c-quote-2');
    expect(notices.map((n) => n.reason)).toEqual(['wording', 'speaker', 'retracted']);
    expect(notices[1].message.en).toMatch(/from Lena Kowalczyk to Jonas Brandt\.$/);
  });

  it('flags a role claim linked to the person when the role’s dates change', async () => {
    await articleWithClaim('c-role-1', 'Trainerin Lena Kowalczyk', { type: 'entity', id: 'e-kowalczyk' });
    await ok(dispatch('facts:role-update', { ...getRole(ctx.db, 'r-kowalczyk')!, to: '2026-11-30' }, ctx));
    const [notice] = await recheckOf('c-role-1');
    expect(notice.reason).toBe('role-dates');
    expect(notice.message.en).toBe(
      'The role of “Lena Kowalczyk” changed from Trainerin (2024-07-01 – open) to Trainerin (2024-07-01 – 2026-11-30).',
    );
  });

  it('flags the claims of a fact whose source is removed', async () => {
    await articleWithClaim('c-quote-3', 'Wir bleiben in Nordhafen.', { type: 'quote', id: 'q-bleiben' });
    await ok(dispatch('facts:citation-delete', { id: 'cit-q' }, ctx));
    const [notice] = await recheckOf('c-quote-3');
    expect(notice.reason).toBe('source-removed');
    expect(notice.message.en).toBe(
      'The source “Interview Nordhafener Rundschau” was removed from the quote “Wir bleiben in Nordhafen.”.',
    );
  });

  it('flags claims when a fact pack import changes a linked record, naming the pack’s user', async () => {
    await articleWithClaim('c-amount-3', 'fünf Millionen Euro', { type: 'deal', id: 'd-liga' });
    const changed = { ...PACK, deals: [{ ...PACK.deals[0], status: 'denied' }] };
    const preview = await ok(dispatch('facts:import-pack', { pack: changed }, ctx));
    expect(await recheckOf('c-amount-3')).toEqual([]);
    expect(preview.problems).toEqual([]);
    await ok(dispatch('facts:import-pack', { pack: changed, update: true }, ctx));
    const [notice] = await recheckOf('c-amount-3');
    expect(notice).toMatchObject({ reason: 'status', before: 'reported', after: 'denied' });
  });

  it('lists stale claims across articles and counts them in the library', async () => {
    const a = await articleWithClaim(
      'c-amount-4',
      'fünf Millionen Euro',
      { type: 'deal', id: 'd-liga' },
      'Liga-Rechte',
    );
    const b = await articleWithClaim(
      'c-quote-4',
      'Wir bleiben in Nordhafen.',
      { type: 'quote', id: 'q-bleiben' },
      'Nordhafen',
    );
    await ok(dispatch('articles:save', { id: a, baseRev: 1, meta: { status: 'ready' } }, ctx));
    await ok(dispatch('facts:deal-update', { ...getDeal(ctx.db, 'd-liga')!, amountMinor: 450000000 }, ctx));

    const stale = await ok(dispatch('claims:stale', {}, ctx));
    expect(stale).toEqual([
      expect.objectContaining({
        articleId: a,
        headline: 'Liga-Rechte',
        articleStatus: 'ready',
        claimId: 'c-amount-4',
        claimStatus: 'verified',
      }),
    ]);
    const list = await ok(dispatch('articles:list', {}, ctx));
    expect(Object.fromEntries(list.map((x) => [x.id, x.staleClaims]))).toEqual({ [a]: 1, [b]: 0 });
  });

  it('does not flag anything when a fact is saved unchanged', async () => {
    await articleWithClaim('c-amount-5', 'fünf Millionen Euro', { type: 'deal', id: 'd-liga' });
    await ok(
      dispatch('facts:deal-update', { ...getDeal(ctx.db, 'd-liga')!, notes: 'laut Vereinsbericht' }, ctx),
    );
    expect(await recheckOf('c-amount-5')).toEqual([]);
  });
});
