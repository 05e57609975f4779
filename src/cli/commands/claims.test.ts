import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { createContext } from '../../main/runtime';
import { importFactPack } from '../../store/factpacks';
import { runCli } from '../index';
import type { CliIO } from '../io';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const PARAGRAPH = 'Strivo zahlt dem SV Rotheide sieben Millionen Euro, berichtet der Almentaler Kurier.';
const AMOUNT = 'sieben Millionen Euro';

let dir: string;
let articleId: string;

async function setUp(verified: boolean) {
  const ctx = createContext({
    dataDir: dir,
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
  });
  try {
    importFactPack(
      ctx.db,
      {
        format: 'factdesk-factpack',
        version: 1,
        entities: [
          { id: 'e-strivo', kind: 'broadcaster', name: 'Strivo' },
          { id: 'e-rotheide', kind: 'club', name: 'SV Rotheide' },
        ],
        deals: [
          {
            id: 'd-12m',
            kind: 'broadcast_rights',
            payerId: 'e-strivo',
            payeeId: 'e-rotheide',
            subject: 'Rechte',
            amountMinor: 1200000000,
            currency: 'EUR',
            precision: 'exact',
            status: 'confirmed',
          },
        ],
      },
      { actor: { user: 'test' } },
    );
    const created = await dispatch('articles:create', { language: 'de', headline: 'Strivo zahlt' }, ctx);
    if (!created.ok) throw new Error(created.error.message);
    articleId = created.value.meta.id;
    const start = PARAGRAPH.indexOf(AMOUNT);
    await dispatch(
      'claims:create',
      {
        articleId,
        id: 'c-amount-01',
        text: AMOUNT,
        context: { text: PARAGRAPH, start, end: start + AMOUNT.length },
      },
      ctx,
    );
    await dispatch('claims:link', { id: 'c-amount-01', refs: [{ type: 'deal', id: 'd-12m' }] }, ctx);
    if (verified) await dispatch('claims:set-status', { id: 'c-amount-01', status: 'verified' }, ctx);
  } finally {
    ctx.db.close();
  }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-cli-claims-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('factdesk claims', () => {
  it('lists claims with kind, status, text, linked facts and warnings', async () => {
    await setUp(false);
    const io = capture();
    expect(await runCli(['claims', articleId, '--lang', 'en', '--data-dir', dir], io)).toBe(0);
    expect(io.stdout[0]).toBe('1. Unchecked · Deal / amount: “sieben Millionen Euro”  (c-amount-01)');
    expect(io.stdout[1]).toBe('   facts: deal:d-12m');
    expect(io.stdout[2]).toMatch(
      /^ {3}Problem: The text says .* but the record has .*12,000,000.* \[amount\.mismatch\/deal:d-12m\]$/,
    );
  });

  it('prints the claims as JSON for scripts', async () => {
    await setUp(false);
    const io = capture();
    expect(await runCli(['claims', articleId, '--json', '--lang', 'de', '--data-dir', dir], io)).toBe(0);
    const out = JSON.parse(io.stdout.join('\n'));
    expect(out.claims).toHaveLength(1);
    expect(out.claims[0]).toMatchObject({
      id: 'c-amount-01',
      kind: 'amount',
      status: 'unchecked',
      links: [{ type: 'deal', id: 'd-12m' }],
    });
    // "berichtet der Almentaler Kurier" attributes a confirmed deal to a report: the detector reads that as a hedge.
    expect(out.claims[0].warnings.map((w: { code: string }) => w.code)).toEqual([
      'amount.mismatch',
      'hedging.unneeded_hedge',
    ]);
    expect(out.claims[0].warnings[0].message).toMatch(/^Der Text nennt/);
  });

  it('check exits 1 with the blocking claims while a claim is unchecked', async () => {
    await setUp(false);
    const io = capture();
    expect(await runCli(['claims', 'check', articleId, '--lang', 'en', '--data-dir', dir], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(
      /One claim is not verified yet: “sieben Millionen Euro” \(Unchecked\)/,
    );
  });

  it('speaks German throughout when asked, status words included', async () => {
    await setUp(false);
    const list = capture();
    expect(await runCli(['claims', articleId, '--lang', 'de', '--data-dir', dir], list)).toBe(0);
    expect(list.stdout[0]).toBe('1. Ungeprüft · Deal / Betrag: „sieben Millionen Euro“  (c-amount-01)');
    expect(list.stdout[1]).toBe('   Fakten: deal:d-12m');
    expect(list.stdout[2]).toMatch(/^ {3}Problem: Der Text nennt/);
    const check = capture();
    expect(await runCli(['claims', 'check', articleId, '--lang', 'de', '--data-dir', dir], check)).toBe(1);
    expect(check.stderr.join('\n')).toBe(
      'Eine Behauptung ist noch nicht verifiziert: „sieben Millionen Euro“ (Ungeprüft). Verifizieren Sie sie oder geben Sie eine Begründung für die Freigabe an.',
    );
    await setUp(true);
    const passes = capture();
    expect(await runCli(['claims', 'check', articleId, '--lang', 'de', '--data-dir', dir], passes)).toBe(0);
    expect(passes.stdout).toEqual(['Freigabe möglich: Jede Behauptung im Text ist verifiziert.']);
  });

  it('tells the marker apart from the checker in the JSON', async () => {
    await setUp(true);
    const io = capture();
    expect(await runCli(['claims', articleId, '--json', '--data-dir', dir], io)).toBe(0);
    const [claim] = JSON.parse(io.stdout.join('\n')).claims;
    expect(claim.markedBy).toEqual(expect.any(String));
    expect(claim.checkedBy).toEqual(expect.any(String));
    expect(claim.checkedAt >= claim.markedAt).toBe(true);
  });

  it('check exits 0 once every claim is verified', async () => {
    await setUp(true);
    const io = capture();
    expect(await runCli(['claims', 'check', articleId, '--lang', 'en', '--data-dir', dir], io)).toBe(0);
    expect(io.stdout).toEqual(['Passes: every claim in the text is verified.']);
  });

  it('exits 1 for an unknown article and 2 without an article id', async () => {
    await setUp(false);
    const missing = capture();
    expect(await runCli(['claims', 'no-such-article', '--data-dir', dir], missing)).toBe(1);
    expect(missing.stderr[0]).toMatch(/no article with id no-such-article/);
    expect(await runCli(['claims', 'check', '--data-dir', dir], capture())).toBe(2);
  });

  it('says a refusal from the handlers in the language it speaks', async () => {
    await setUp(false);
    const missing = capture();
    expect(await runCli(['claims', 'no-such-article', '--lang', 'de', '--data-dir', dir], missing)).toBe(1);
    expect(missing.stderr[0]).toMatch(/^Es gibt keinen Artikel mit der ID no-such-article/);
  });

  it('lists claims whose linked facts changed across articles, and clears one with recheck', async () => {
    await setUp(true);
    const ctx = createContext({
      dataDir: dir,
      platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
    });
    try {
      await dispatch('articles:save', { id: articleId, baseRev: 1, meta: { status: 'ready' } }, ctx);
      const deal = await dispatch('facts:deal-get', { id: 'd-12m' }, ctx);
      if (!deal.ok) throw new Error(deal.error.message);
      const updated = await dispatch(
        'facts:deal-update',
        { ...deal.value.deal, amountMinor: 700000000 },
        ctx,
      );
      if (!updated.ok) throw new Error(updated.error.message);
    } finally {
      ctx.db.close();
    }

    const io = capture();
    expect(await runCli(['claims', 'stale', '--lang', 'en', '--data-dir', dir], io)).toBe(0);
    expect(io.stdout).toEqual([
      `"Strivo zahlt" [ready] (${articleId})  — needs a correction?`,
      '  verified  "sieben Millionen Euro"  (c-amount-01)',
      expect.stringMatching(
        /^ {4}The amount of the deal “Rechte” changed from €12,000,000 to €7,000,000\. \(.+, .+\)$/,
      ),
    ]);
    const json = capture();
    expect(await runCli(['claims', 'stale', '--json', '--lang', 'de', '--data-dir', dir], json)).toBe(0);
    const out = JSON.parse(json.stdout.join('\n'));
    expect(out).toEqual([
      expect.objectContaining({ claimId: 'c-amount-01', articleStatus: 'ready', needsCorrection: true }),
    ]);
    expect(out[0].notices[0]).toMatchObject({
      reason: 'amount',
      factId: 'd-12m',
      message: expect.stringMatching(/^Der Betrag des Deals „Rechte“/),
    });

    const listed = capture();
    await runCli(['claims', articleId, '--lang', 'en', '--data-dir', dir], listed);
    expect(listed.stdout[2]).toMatch(/^ {3}needs re-check: The amount of the deal/);
    expect(await runCli(['claims', 'check', articleId, '--lang', 'en', '--data-dir', dir], capture())).toBe(
      1,
    );

    expect(await runCli(['claims', 'recheck', 'c-amount-01', '--data-dir', dir], capture())).toBe(0);
    const after = capture();
    expect(await runCli(['claims', 'stale', '--data-dir', dir], after)).toBe(0);
    expect(after.stdout).toEqual(['No claims need a re-check.']);
    expect(await runCli(['claims', 'recheck', '--data-dir', dir], capture())).toBe(2);
  });
});
