import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleBody, SerializedNodeJSON } from '../../shared/domain/articles';
import { importFactPack } from '../../store/factpacks';
import { dispatch, type HandlerContext } from './index';
import { tempContext } from './testing';

// Invented facts: a managing director's quote and two broadcast deals.
const PACK = {
  format: 'factdesk-factpack',
  version: 1,
  entities: [
    { id: 'e-brandauer', kind: 'person', name: 'Till Brandauer' },
    { id: 'e-almental', kind: 'club', name: 'FC Almental' },
    { id: 'e-rotheide', kind: 'club', name: 'SV Rotheide' },
    { id: 'e-strivo', kind: 'broadcaster', name: 'Strivo' },
  ],
  roles: [
    {
      id: 'r-brandauer',
      personId: 'e-brandauer',
      title: 'Geschäftsführer',
      organisationId: 'e-almental',
      from: '2020-01-01',
    },
  ],
  deals: [
    {
      id: 'd-7m',
      kind: 'broadcast_rights',
      payerId: 'e-strivo',
      payeeId: 'e-rotheide',
      subject: 'Liga-Rechte',
      amountMinor: 700000000,
      currency: 'EUR',
      precision: 'exact',
      status: 'confirmed',
    },
    {
      id: 'd-12m',
      kind: 'broadcast_rights',
      payerId: 'e-strivo',
      payeeId: 'e-almental',
      subject: 'Pokal-Rechte',
      amountMinor: 1200000000,
      currency: 'EUR',
      precision: 'exact',
      status: 'confirmed',
    },
  ],
  quotes: [
    {
      id: 'q-de',
      speakerId: 'e-brandauer',
      wording: 'Wir haben lange verhandelt, aber am Ende hat alles gepasst.',
      language: 'de',
      date: '2026-03-10',
      occasion: 'press_conference',
      status: 'verified',
    },
  ],
  sources: [
    {
      id: 's-pk',
      kind: 'broadcast',
      title: 'Pressekonferenz FC Almental',
      publisher: 'FC Almental TV',
      publishedAt: '2026-03-10',
    },
  ],
  citations: [{ id: 'cit-1', factType: 'quote', factId: 'q-de', sourceId: 's-pk', locator: 'ab 12:40' }],
};

const QUOTE_TEXT = '„Wir haben lange verhandelt, aber am Ende hat alles gepast“';
const P1 = `${QUOTE_TEXT}, sagte Geschäftsführer Till Brandauer.`;
const P2 = 'Strivo zahlt dem SV Rotheide sieben Millionen Euro.';

let dir: string;
let ctx: HandlerContext;

beforeEach(() => {
  ctx = tempContext({ prefix: 'factdesk-claims-h-', userName: 'Erika Prüfer', locale: 'de-DE' });
  dir = ctx.dataDir;
  const report = importFactPack(ctx.db, PACK, { actor: { user: 'test', via: 'test' } });
  expect(report.problems).toEqual([]);
});
afterEach(() => {
  ctx.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function newArticle(): Promise<string> {
  return (await ok(dispatch('articles:create', { language: 'de', headline: 'Rotheide und Almental' }, ctx)))
    .meta.id;
}

const ctxOf = (paragraph: string, marked: string) => {
  const start = paragraph.indexOf(marked);
  return { text: paragraph, start, end: start + marked.length };
};

function text(t: string): SerializedNodeJSON {
  return { type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' };
}
function para(...children: SerializedNodeJSON[]): SerializedNodeJSON {
  return {
    type: 'paragraph',
    version: 1,
    children,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
  };
}
function mark(id: string, t: string): SerializedNodeJSON {
  return { type: 'mark', version: 1, ids: [id], children: [text(t)], direction: null, format: '', indent: 0 };
}
function body(...paragraphs: SerializedNodeJSON[]): ArticleBody {
  return {
    schemaVersion: 1,
    editorState: {
      root: { type: 'root', version: 1, children: paragraphs, direction: null, format: '', indent: 0 },
    },
  };
}

async function markBoth(articleId: string) {
  await ok(
    dispatch(
      'claims:create',
      { articleId, id: 'c-quote-01', text: QUOTE_TEXT, context: ctxOf(P1, QUOTE_TEXT) },
      ctx,
    ),
  );
  await ok(
    dispatch(
      'claims:create',
      {
        articleId,
        id: 'c-amount-01',
        text: 'sieben Millionen Euro',
        context: ctxOf(P2, 'sieben Millionen Euro'),
      },
      ctx,
    ),
  );
}

describe('claims channels', () => {
  it('creates claims with a guessed kind, the checker from settings, and lists them in document order', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    const doc = await ok(dispatch('articles:get', { id: articleId }, ctx));
    // The body puts the amount first, so it leads the list although it was marked second.
    await ok(
      dispatch(
        'articles:save',
        {
          id: articleId,
          baseRev: doc.rev,
          body: body(
            para(
              text('Strivo zahlt dem SV Rotheide '),
              mark('c-amount-01', 'sieben Millionen Euro'),
              text('.'),
            ),
            para(mark('c-quote-01', QUOTE_TEXT), text(', sagte Geschäftsführer Till Brandauer.')),
          ),
        },
        ctx,
      ),
    );
    const list = await ok(dispatch('claims:list', { articleId }, ctx));
    expect(list.claims.map((c) => [c.id, c.kind, c.status])).toEqual([
      ['c-amount-01', 'amount', 'unchecked'],
      ['c-quote-01', 'quote', 'unchecked'],
    ]);
    expect(list.claims[0].history).toEqual([
      { status: 'unchecked', checker: 'Erika Prüfer', at: expect.any(String) },
    ]);
    expect(list.gate.passes).toBe(false);
    // The gate alone (what `factdesk claims check` asks for) names the open claims in the same reading order.
    expect(list.gate.open.map((c) => c.id)).toEqual(['c-amount-01', 'c-quote-01']);
    expect(await ok(dispatch('claims:gate', { articleId }, ctx))).toEqual(list.gate);
  });

  it('shows the one-letter deviation of a linked quote with its diff', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    const view = await ok(
      dispatch('claims:link', { id: 'c-quote-01', refs: [{ type: 'quote', id: 'q-de' }] }, ctx),
    );
    expect(view.links).toEqual([{ type: 'quote', id: 'q-de' }]);
    expect(view.checks[0]).toMatchObject({ type: 'quote', verdict: 'minor_deviation' });
    expect(view.warnings.map((w) => w.code)).toEqual(['quote.minor_deviation']);
    const list = await ok(dispatch('claims:list', { articleId }, ctx));
    expect(list.facts.quotes.map((q) => q.id)).toEqual(['q-de']);
    expect(list.facts.entities.map((e) => e.id)).toContain('e-brandauer');
  });

  it('matches a €7,000,000 deal and flags a €12,000,000 one', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    const view = await ok(
      dispatch(
        'claims:link',
        {
          id: 'c-amount-01',
          refs: [
            { type: 'deal', id: 'd-7m' },
            { type: 'deal', id: 'd-12m' },
          ],
        },
        ctx,
      ),
    );
    expect(view.checks).toEqual([
      { type: 'amount', factId: 'd-7m', verdict: 'match', inText: 'sieben Millionen Euro' },
      { type: 'amount', factId: 'd-12m', verdict: 'mismatch', inText: 'sieben Millionen Euro' },
    ]);
    expect(view.warnings.map((w) => w.key)).toEqual(['amount.mismatch/deal:d-12m']);
  });

  it('refuses to link facts that are not in the store, naming them', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    const result = await dispatch(
      'claims:link',
      {
        id: 'c-amount-01',
        refs: [
          { type: 'deal', id: 'd-7m' },
          { type: 'deal', id: 'd-none' },
        ],
      },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/deal d-none/);
      expect(result.error.fields).toEqual([{ path: 'refs.1', message: 'deal d-none not found' }]);
    }
  });

  it('refuses a second claim with the same id', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    const again = await dispatch(
      'claims:create',
      { articleId, id: 'c-quote-01', text: 'x', context: { text: 'x', start: 0, end: 1 } },
      ctx,
    );
    expect(again.ok ? null : again.error.code).toBe('conflict');
  });

  it('keeps a dismissed warning with its reason and checker and stops listing it as open', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    await ok(dispatch('claims:link', { id: 'c-amount-01', refs: [{ type: 'deal', id: 'd-12m' }] }, ctx));
    const view = await ok(
      dispatch(
        'claims:dismiss-warning',
        { id: 'c-amount-01', code: 'amount.mismatch/deal:d-12m', reason: 'Verlinkt nur zum Vergleich' },
        ctx,
      ),
    );
    expect(view.warnings).toEqual([]);
    expect(view.dismissedWarnings).toEqual([
      {
        code: 'amount.mismatch/deal:d-12m',
        reason: 'Verlinkt nur zum Vergleich',
        checker: 'Erika Prüfer',
        at: expect.any(String),
      },
    ]);
    const empty = await dispatch(
      'claims:dismiss-warning',
      { id: 'c-amount-01', code: 'amount.mismatch', reason: '  ' },
      ctx,
    );
    expect(empty.ok ? null : empty.error.fields).toEqual([{ path: 'reason', message: 'must give a reason' }]);
  });

  it('keeps a claim whose text was deleted and brings it back with its status', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    await ok(dispatch('claims:set-status', { id: 'c-amount-01', status: 'verified' }, ctx));
    const quoteMark = { id: 'c-quote-01', text: QUOTE_TEXT, context: ctxOf(P1, QUOTE_TEXT) };
    const amountMark = {
      id: 'c-amount-01',
      text: 'sieben Millionen Euro',
      context: ctxOf(P2, 'sieben Millionen Euro'),
    };
    expect(await ok(dispatch('claims:sync', { articleId, marks: [quoteMark] }, ctx))).toEqual({
      returned: [],
      removed: ['c-amount-01'],
      unknown: [],
    });
    let list = await ok(dispatch('claims:list', { articleId }, ctx));
    expect(list.claims.map((c) => [c.id, c.inText])).toEqual([
      ['c-quote-01', true],
      ['c-amount-01', false],
    ]);
    expect(
      await ok(dispatch('claims:sync', { articleId, marks: [quoteMark, amountMark, amountMark] }, ctx)),
    ).toEqual({
      returned: ['c-amount-01'],
      removed: [],
      unknown: [],
    });
    list = await ok(dispatch('claims:list', { articleId }, ctx));
    expect(list.claims.find((c) => c.id === 'c-amount-01')).toMatchObject({
      inText: true,
      status: 'verified',
    });
  });

  it('refuses a context whose offsets lie outside its text', async () => {
    const articleId = await newArticle();
    const result = await dispatch(
      'claims:create',
      { articleId, id: 'c-bad-001', text: 'x', context: { text: 'abc', start: 2, end: 9 } },
      ctx,
    );
    expect(result.ok ? null : result.error.fields?.[0].path).toBe('context.end');
  });
});

describe('the ready gate on the article status', () => {
  it('blocks "ready" while a claim is unchecked, naming it, and lets an override with a reason through', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    await ok(dispatch('claims:set-status', { id: 'c-quote-01', status: 'verified' }, ctx));
    const doc = await ok(dispatch('articles:get', { id: articleId }, ctx));
    const blocked = await dispatch(
      'articles:save',
      { id: articleId, baseRev: doc.rev, meta: { status: 'ready' } },
      ctx,
    );
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) {
      expect(blocked.error.message).toMatch(
        /Eine Behauptung ist noch nicht verifiziert: „sieben Millionen Euro“/,
      );
      expect(blocked.error.fields).toContainEqual({ path: 'claims.c-amount-01', message: 'unchecked' });
    }
    expect((await ok(dispatch('articles:get', { id: articleId }, ctx))).meta.status).toBe('draft');

    const gate = await ok(
      dispatch('claims:override-gate', { articleId, reason: 'Betrag vom Sender schriftlich bestätigt' }, ctx),
    );
    expect(gate).toMatchObject({
      passes: true,
      override: { reason: 'Betrag vom Sender schriftlich bestätigt', by: 'Erika Prüfer' },
    });
    const saved = await ok(
      dispatch('articles:save', { id: articleId, baseRev: doc.rev, meta: { status: 'ready' } }, ctx),
    );
    expect(saved.meta.status).toBe('ready');

    const report = await ok(dispatch('claims:report', { articleId, uiLanguage: 'de' }, ctx));
    expect(report.html).toContain('Betrag vom Sender schriftlich bestätigt');
    expect(report.fileName).toMatch(/^\d{4}-\d{2}-\d{2}-rotheide-und-almental-faktencheck\.html$/);
  });

  it('lets a fully verified article through without an override', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    for (const id of ['c-quote-01', 'c-amount-01'])
      await ok(dispatch('claims:set-status', { id, status: 'verified' }, ctx));
    const doc = await ok(dispatch('articles:get', { id: articleId }, ctx));
    const saved = await ok(
      dispatch('articles:save', { id: articleId, baseRev: doc.rev, meta: { status: 'ready' } }, ctx),
    );
    expect(saved.meta.status).toBe('ready');
    expect((await ok(dispatch('claims:gate', { articleId }, ctx))).override).toBeNull();
  });

  it('does not let an old override cover a claim marked after it', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    await ok(dispatch('claims:override-gate', { articleId, reason: 'Redaktionsschluss' }, ctx));
    await ok(
      dispatch(
        'claims:create',
        { articleId, id: 'c-late-001', text: 'Brandauer', context: ctxOf(P1, 'Brandauer') },
        ctx,
      ),
    );
    const gate = await ok(dispatch('claims:gate', { articleId }, ctx));
    expect(gate.passes).toBe(false);
    expect(gate.open.map((c) => c.id)).toEqual(['c-quote-01', 'c-amount-01', 'c-late-001']);
  });

  it('lists a "ready" or "published" article with a claim marked or reopened since as needing a re-check, until the gate is confirmed again', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    for (const id of ['c-quote-01', 'c-amount-01'])
      await ok(dispatch('claims:set-status', { id, status: 'verified' }, ctx));
    const doc = await ok(dispatch('articles:get', { id: articleId }, ctx));
    await ok(dispatch('articles:save', { id: articleId, baseRev: doc.rev, meta: { status: 'ready' } }, ctx));
    const listed = async () =>
      (await ok(dispatch('articles:list', {}, ctx))).find((a) => a.id === articleId)!;
    expect(await listed()).toMatchObject({ status: 'ready', unverifiedSinceReady: 0 });

    await ok(
      dispatch(
        'claims:create',
        { articleId, id: 'c-late-001', text: 'Brandauer', context: ctxOf(P1, 'Brandauer') },
        ctx,
      ),
    );
    await ok(dispatch('claims:set-status', { id: 'c-amount-01', status: 'disputed' }, ctx));
    expect(await listed()).toMatchObject({ status: 'ready', unverifiedSinceReady: 2 });

    await ok(dispatch('claims:override-gate', { articleId, reason: 'Nachtrag vom Sender bestätigt' }, ctx));
    expect(await listed()).toMatchObject({ status: 'ready', unverifiedSinceReady: 0 });
    // A draft is never flagged: it has not passed the gate.
    const draft = await newArticle();
    await ok(
      dispatch(
        'claims:create',
        { articleId: draft, id: 'c-draft-001', text: 'Brandauer', context: ctxOf(P1, 'Brandauer') },
        ctx,
      ),
    );
    expect((await ok(dispatch('articles:list', {}, ctx))).find((a) => a.id === draft)).toMatchObject({
      unverifiedSinceReady: 0,
    });
  });

  it('writes the report with each claim, its linked facts with locators, warnings and checker', async () => {
    const articleId = await newArticle();
    await markBoth(articleId);
    await ok(dispatch('claims:link', { id: 'c-quote-01', refs: [{ type: 'quote', id: 'q-de' }] }, ctx));
    await ok(dispatch('claims:set-status', { id: 'c-quote-01', status: 'disputed' }, ctx));
    const report = await ok(dispatch('claims:report', { articleId, uiLanguage: 'en' }, ctx));
    expect(report.html).toContain('Pressekonferenz FC Almental');
    expect(report.html).toContain('ab 12:40');
    expect(report.html).toContain('quote.minor_deviation/quote:q-de');
    expect(report.html).toContain('Erika Prüfer');
  });
});
