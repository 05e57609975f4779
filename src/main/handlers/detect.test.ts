import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detect } from '../../shared/detect';
import { dismissalKey } from '../../shared/detect/dismissal-key';
import { importFactPack } from '../../store/factpacks';
import { dispatch, type HandlerContext } from './index';
import { tempContext } from './testing';

// Invented facts: a captain's statement (and its translation), a sporting director's statement,
// and broadcast deals of the same streamer.
const PACK = {
  format: 'factdesk-factpack',
  version: 1,
  entities: [
    { id: 'e-kowalczyk', kind: 'person', name: 'Jana Kowalczyk', aliases: ['Kowalczyk'] },
    { id: 'e-goetze', kind: 'person', name: 'Lutz Götze', aliases: ['Lutz Goetze'] },
    { id: 'e-rotheide', kind: 'club', name: 'SV Rotheide', aliases: ['Rotheide'] },
    { id: 'e-almental', kind: 'club', name: 'FC Almental', aliases: ['Almental'] },
    { id: 'e-strivo', kind: 'broadcaster', name: 'Strivo' },
  ],
  roles: [{ id: 'r-kowalczyk', personId: 'e-kowalczyk', title: 'Kapitänin', organisationId: 'e-rotheide' }],
  deals: [
    {
      id: 'd-rotheide',
      kind: 'broadcast_rights',
      payerId: 'e-strivo',
      payeeId: 'e-rotheide',
      subject: 'Heimspiele der Rotheider Frauen',
      amountMinor: 700000000,
      currency: 'EUR',
      precision: 'exact',
      status: 'confirmed',
    },
    {
      id: 'd-almental',
      kind: 'broadcast_rights',
      payerId: 'e-strivo',
      payeeId: 'e-almental',
      subject: 'Pokalspiele Almental',
      amountMinor: 1200000000,
      currency: 'EUR',
      precision: 'exact',
      status: 'confirmed',
    },
  ],
  quotes: [
    {
      id: 'q-k1',
      speakerId: 'e-kowalczyk',
      wording: 'Die Mannschaft bleibt zusammen, egal was im Sommer passiert.',
      language: 'de',
      date: '2026-05-02',
      occasion: 'interview',
      status: 'verified',
    },
    {
      id: 'q-k1-en',
      speakerId: 'e-kowalczyk',
      wording: 'The team stays together, whatever happens in the summer.',
      language: 'en',
      translationOfId: 'q-k1',
      occasion: 'interview',
      status: 'verified',
    },
    {
      id: 'q-g1',
      speakerId: 'e-goetze',
      wording: 'Wir verkaufen unsere besten Spielerinnen nicht unter Wert.',
      language: 'de',
      occasion: 'interview',
      status: 'verified',
    },
  ],
};

const ARTICLE =
  '„Die Mannschaft bleibt zusammen, egal was im Sommer pasiert“, sagte Kapitänin Jana Kowalczyk.\nStrivo soll dem SV Rotheide sieben Millionen Euro zahlen.';

let dir: string;
let ctx: HandlerContext;

beforeEach(() => {
  ctx = tempContext({ prefix: 'factdesk-detect-h-', userName: 'Erika Prüfer', locale: 'de-DE' });
  dir = ctx.dataDir;
  expect(importFactPack(ctx.db, PACK, { actor: { user: 'test', via: 'test' } }).problems).toEqual([]);
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

describe('detect:entities', () => {
  it('hands the detector every entity with its aliases', async () => {
    const entities = await ok(dispatch('detect:entities', {}, ctx));
    expect(entities).toHaveLength(5);
    expect(entities.find((e) => e.id === 'e-goetze')).toEqual({
      id: 'e-goetze',
      name: 'Lutz Götze',
      aliases: ['Lutz Goetze'],
      kind: 'person',
    });
  });
});

describe('detect:people', () => {
  it('hands the detector every person with aliases and roles, the organisation by name', async () => {
    const people = await ok(dispatch('detect:people', {}, ctx));
    expect(people.map((p) => p.id).sort()).toEqual(['e-goetze', 'e-kowalczyk']);
    expect(people.find((p) => p.id === 'e-kowalczyk')).toEqual({
      id: 'e-kowalczyk',
      name: 'Jana Kowalczyk',
      aliases: ['Kowalczyk'],
      roles: [{ title: 'Kapitänin', org: 'SV Rotheide' }],
    });
  });

  it('lets the detector resolve a role phrase and a surname to the stored person', async () => {
    const people = await ok(dispatch('detect:people', {}, ctx));
    const text =
      '„Wir bleiben zusammen“, sagte die Rotheider Kapitänin.\n„Das gilt für alle“, sagte Kowalczyk.';
    const quotes = detect(text, { lang: 'de', people, date: '2026-05-02' }).filter((s) => s.kind === 'quote');
    expect(quotes.map((q) => [q.speaker, q.speakerKind, q.speakerId])).toEqual([
      ['Jana Kowalczyk', 'role', 'e-kowalczyk'],
      ['Jana Kowalczyk', 'name', 'e-kowalczyk'],
    ]);
  });
});

describe('detect:candidates', () => {
  it('proposes the verified statement for a quote with a slip and the deal for a hedged amount', async () => {
    const entities = await ok(dispatch('detect:entities', {}, ctx));
    const suggestions = detect(ARTICLE, { lang: 'de', entities });
    const quote = suggestions.find((s) => s.kind === 'quote')!;
    const amount = suggestions.find((s) => s.kind === 'amount')!;
    expect(amount.hedge).toBe('soll');
    const [forQuote, forAmount] = await ok(
      dispatch('detect:candidates', { suggestions: [quote, amount], lang: 'de' }, ctx),
    );
    expect(forQuote[0]).toMatchObject({
      ref: { type: 'quote', id: 'q-k1' },
      reasons: ['speaker', 'wording'],
      label: 'Die Mannschaft bleibt zusammen, egal was im Sommer passiert.',
      detail: 'Jana Kowalczyk, 2026-05-02',
    });
    // The translation is the same speaker's statement, offered after the German original.
    expect(forQuote.map((c) => c.ref.id)).toContain('q-k1-en');
    expect(forQuote.map((c) => c.ref.id)).not.toContain('q-g1');
    expect(forAmount[0]).toMatchObject({
      ref: { type: 'deal', id: 'd-rotheide' },
      detail: 'Strivo → SV Rotheide, 7.000.000\u00a0€',
    });
  });

  it('answers one list per suggestion, empty where nothing fits', async () => {
    const result = await ok(
      dispatch(
        'detect:candidates',
        {
          suggestions: [
            { kind: 'date', text: 'am 3. März' },
            { kind: 'role', text: 'Kapitänin Jana Kowalczyk' },
          ],
        },
        ctx,
      ),
    );
    expect(result[0]).toEqual([]);
    expect(result[1][0].ref).toEqual({ type: 'role', id: 'r-kowalczyk' });
    expect(result[1][0].label).toBe('Jana Kowalczyk — Kapitänin');
  });

  it('keeps to the limit and refuses an empty batch or a bad currency by field', async () => {
    const limited = await ok(
      dispatch(
        'detect:candidates',
        { suggestions: [{ kind: 'quote', text: 'Mannschaft', speaker: 'Kowalczyk' }], limit: 1 },
        ctx,
      ),
    );
    expect(limited[0]).toHaveLength(1);
    const empty = await dispatch('detect:candidates', { suggestions: [] }, ctx);
    expect(empty.ok).toBe(false);
    const bad = await dispatch(
      'detect:candidates',
      { suggestions: [{ kind: 'amount', text: '7 Mio.', currency: 'euro' }] },
      ctx,
    );
    expect(!bad.ok && bad.error.fields?.[0].path).toBe('suggestions.0.currency');
  });
});

describe('dismissing suggestions', () => {
  it('remembers a dismissal per article by kind and normalised text, with who and when', async () => {
    const a = (await ok(dispatch('articles:create', { language: 'de' }, ctx))).meta.id;
    const b = (await ok(dispatch('articles:create', { language: 'de' }, ctx))).meta.id;
    const d = await ok(
      dispatch('detect:dismiss', { articleId: a, kind: 'amount', text: 'sieben Millionen Euro' }, ctx),
    );
    expect(d).toMatchObject({
      kind: 'amount',
      key: dismissalKey('sieben  Millionen Euro'),
      text: 'sieben Millionen Euro',
      by: 'Erika Prüfer',
    });
    // The same words typed differently are the same dismissal.
    await ok(
      dispatch('detect:dismiss', { articleId: a, kind: 'amount', text: 'Sieben Millionen Euro' }, ctx),
    );
    expect(await ok(dispatch('detect:dismissed-list', { articleId: a }, ctx))).toHaveLength(1);
    expect(await ok(dispatch('detect:dismissed-list', { articleId: b }, ctx))).toEqual([]);
  });

  it('shows a dismissed suggestion again after restore', async () => {
    const a = (await ok(dispatch('articles:create', { language: 'de' }, ctx))).meta.id;
    const d = await ok(
      dispatch('detect:dismiss', { articleId: a, kind: 'quote', text: '„Wir bleiben hier“' }, ctx),
    );
    expect(await ok(dispatch('detect:restore', { articleId: a, kind: 'quote', key: d.key }, ctx))).toEqual({
      restored: true,
    });
    expect(await ok(dispatch('detect:restore', { articleId: a, kind: 'quote', key: d.key }, ctx))).toEqual({
      restored: false,
    });
    expect(await ok(dispatch('detect:dismissed-list', { articleId: a }, ctx))).toEqual([]);
  });

  it('refuses to dismiss for an article that does not exist or text without words', async () => {
    const missing = await dispatch('detect:dismiss', { articleId: 'nope', kind: 'quote', text: 'x' }, ctx);
    expect(!missing.ok && missing.error.code).toBe('not_found');
    const a = (await ok(dispatch('articles:create', { language: 'de' }, ctx))).meta.id;
    const blank = await dispatch('detect:dismiss', { articleId: a, kind: 'quote', text: '„…“' }, ctx);
    expect(!blank.ok && blank.error.fields?.[0].path).toBe('text');
  });
});
