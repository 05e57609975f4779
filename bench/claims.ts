/**
 * Claims benchmark: a 10,000-word German article with 300 claims (100 quotes linked to a
 * verified quote, 100 amounts linked to a deal, 100 others), stored through the handlers.
 * Prints the median of repeated runs for:
 *   - claims:list (every check on every claim, the panel's read after each change),
 *   - claims:sync with 300 marks (sent after each pause in typing),
 *   - claims:report (the fact-check report HTML).
 * (The editor-side scan of the marks is renderer code and is measured in the browser.)
 *
 * Run: node scripts/run-ts.mjs bench/claims.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { blocksToBody, type Block, type Inline } from '../src/shared/article/blocks';
import { dispatch, type HandlerContext } from '../src/main/handlers';
import { openDatabase } from '../src/store/db';
import { importFactPack } from '../src/store/factpacks';

const PARAGRAPHS = 300;
const RUNS = 7;

const FILLER =
  'Der Verein aus Rotheide hat in den vergangenen Wochen viel Zeit mit Gesprächen verbracht und dabei nach eigenen Angaben neue Partner gefunden für die kommende Saison in der Liga';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(label: string, run: () => unknown | Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  console.log(
    `${label.padEnd(44)} median ${median(samples).toFixed(1).padStart(8)} ms   (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)})`,
  );
}

async function value<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-claims-'));
  const ctx: HandlerContext = {
    db: openDatabase(path.join(dir, 'factdesk.sqlite')),
    dataDir: dir,
    appVersion: 'bench',
    os: { userName: 'Bench', locale: 'de-DE', platform: process.platform },
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
  };
  importFactPack(
    ctx.db,
    {
      format: 'factdesk-factpack',
      version: 1,
      entities: [
        { id: 'e-kowalczyk', kind: 'person', name: 'Jana Kowalczyk' },
        { id: 'e-rotheide', kind: 'club', name: 'SV Rotheide' },
        { id: 'e-strivo', kind: 'broadcaster', name: 'Strivo' },
      ],
      roles: [
        {
          id: 'r-1',
          personId: 'e-kowalczyk',
          title: 'Kapitänin',
          organisationId: 'e-rotheide',
          from: '2022-07-01',
        },
      ],
      deals: [
        {
          id: 'd-7m',
          kind: 'broadcast_rights',
          payerId: 'e-strivo',
          payeeId: 'e-rotheide',
          subject: 'Rechte',
          amountMinor: 700000000,
          currency: 'EUR',
          precision: 'exact',
          status: 'confirmed',
        },
      ],
      quotes: [
        {
          id: 'q-1',
          speakerId: 'e-kowalczyk',
          wording: 'Wir bleiben zusammen, egal was passiert.',
          language: 'de',
          date: '2025-05-12',
          occasion: 'interview',
          status: 'verified',
        },
      ],
    },
    { actor: { user: 'bench' } },
  );

  const article = await value(dispatch('articles:create', { language: 'de', headline: 'Benchmark' }, ctx));
  const blocks: Block[] = [];
  const claims: { id: string; kind: 'quote' | 'amount' | 'other'; paragraph: number; text: string }[] = [];
  for (let p = 0; p < PARAGRAPHS; p++) {
    const kind = (['quote', 'amount', 'other'] as const)[p % 3];
    const id = `c-bench-${String(p).padStart(4, '0')}`;
    const marked =
      kind === 'quote'
        ? '„Wir bleiben zusammen, egal was passiert.“'
        : kind === 'amount'
          ? 'sieben Millionen Euro'
          : 'neue Partner';
    const after =
      kind === 'quote'
        ? ', sagte Kapitänin Jana Kowalczyk.'
        : kind === 'amount'
          ? ' zahlt Strivo dem Verein.'
          : ' gefunden.';
    const content: Inline[] = [
      { type: 'text', text: `${FILLER}. `, format: {} },
      { type: 'claim', ids: [id], children: [{ type: 'text', text: marked, format: {} }] },
      { type: 'text', text: after, format: {} },
    ];
    blocks.push({ type: 'paragraph', content });
    claims.push({ id, kind, paragraph: p, text: marked });
  }
  const body = blocksToBody(blocks);
  await value(dispatch('articles:save', { id: article.meta.id, baseRev: article.rev, body }, ctx));
  for (const c of claims) {
    const text = `${FILLER}. ${c.text}`;
    const context = { text, start: FILLER.length + 2, end: text.length };
    await value(
      dispatch('claims:create', { articleId: article.meta.id, id: c.id, text: c.text, context }, ctx),
    );
    if (c.kind === 'quote')
      await value(dispatch('claims:link', { id: c.id, refs: [{ type: 'quote', id: 'q-1' }] }, ctx));
    if (c.kind === 'amount')
      await value(dispatch('claims:link', { id: c.id, refs: [{ type: 'deal', id: 'd-7m' }] }, ctx));
  }
  const words = blocks.length * (FILLER.split(' ').length + 5);
  console.log(`Article: ${PARAGRAPHS} paragraphs, about ${words} words, ${claims.length} claims`);

  await time('claims:list (checks on every claim)', () =>
    value(dispatch('claims:list', { articleId: article.meta.id }, ctx)),
  );

  const payload = claims.map((c) => {
    const text = `${FILLER}. ${c.text}`;
    return { id: c.id, text: c.text, context: { text, start: FILLER.length + 2, end: text.length } };
  });
  await time('claims:sync with every mark', () =>
    value(dispatch('claims:sync', { articleId: article.meta.id, marks: payload }, ctx)),
  );
  await time('claims:report', () =>
    value(dispatch('claims:report', { articleId: article.meta.id, uiLanguage: 'de' }, ctx)),
  );

  ctx.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
