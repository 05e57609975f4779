import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { createContext } from '../../main/runtime';
import { runCli } from '../index';
import type { CliIO } from '../io';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

let dir: string;
let articleId: string;

async function ok<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-cli-corrections-'));
  const ctx = createContext({
    dataDir: dir,
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
  });
  await ok(dispatch('settings:update', { userName: 'Ruth Okafor', language: 'de' }, ctx));
  articleId = (
    await ok(dispatch('articles:create', { headline: 'Rotheide gewinnt das Derby', language: 'de' }, ctx))
  ).meta.id;
  const text = 'drei Tore';
  await ok(
    dispatch(
      'claims:create',
      { articleId, id: 'c-tore-01', text, context: { text, start: 0, end: text.length } },
      ctx,
    ),
  );
  await ok(dispatch('claims:set-status', { id: 'c-tore-01', status: 'verified' }, ctx));
  await ok(dispatch('articles:save', { id: articleId, baseRev: 1, meta: { status: 'published' } }, ctx));
  await ok(
    dispatch(
      'claims:sync',
      {
        articleId,
        marks: [{ id: 'c-tore-01', text: 'vier Tore', context: { text: 'vier Tore', start: 0, end: 9 } }],
      },
      ctx,
    ),
  );
  ctx.db.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('factdesk articles corrections', () => {
  it('lists the open offer, then the correction in the settings language, and as JSON', async () => {
    let io = capture();
    expect(await runCli(['articles', 'corrections', articleId, '--data-dir', dir], io)).toBe(0);
    expect(io.stdout).toEqual([
      'Keine Korrekturen.',
      'Angebot: Behauptung c-tore-01 geändert von „drei Tore“ zu „vier Tore“ – Korrektur hinzufügen?',
    ]);

    const ctx = createContext({
      dataDir: dir,
      platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
    });
    await ok(
      dispatch(
        'corrections:create',
        {
          articleId,
          id: 'k-tore',
          wrong: 'Rotheide schoss drei Tore.',
          right: 'Es waren vier Tore.',
          claimIds: ['c-tore-01'],
        },
        ctx,
      ),
    );
    const created = ctx.db
      .prepare("SELECT created_at FROM corrections WHERE id = 'k-tore'")
      .pluck()
      .get() as string;
    ctx.db.close();

    io = capture();
    expect(await runCli(['articles', 'corrections', articleId, '--lang', 'en', '--data-dir', dir], io)).toBe(
      0,
    );
    expect(io.stdout[0]).toMatch(
      /^1\. Correction, \d+ \w+ \d{4}: We wrote: Rotheide schoss drei Tore\. Correct is: Es waren vier Tore\. {2}\(k-tore\)$/,
    );
    expect(io.stdout[1]).toBe('   concerns: claim:c-tore-01');
    expect(io.stdout[2]).toBe(`   written by Ruth Okafor, ${created} · not exported yet`);
    expect(io.stdout).toHaveLength(3);

    io = capture();
    expect(await runCli(['articles', 'corrections', articleId, '--json', '--data-dir', dir], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json).toMatchObject({
      articleId,
      published: true,
      prompts: [],
      corrections: [{ id: 'k-tore', claimIds: ['c-tore-01'], exportedAt: null }],
    });
  });

  it('exits 1 for an unknown article and 2 without an id', async () => {
    let io = capture();
    expect(await runCli(['articles', 'corrections', 'art-gibt-es-nicht', '--data-dir', dir], io)).toBe(1);
    expect(io.stderr[0]).toBe('There is no article with id art-gibt-es-nicht.');
    io = capture();
    expect(await runCli(['articles', 'corrections', '--data-dir', dir], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('articles corrections needs exactly one article id');
  });
});
