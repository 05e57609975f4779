import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../index';
import type { CliIO } from '../io';
import { createContext } from '../../main/runtime';
import { dispatch } from '../../main/handlers';
import { bodyOf, heading, paragraph } from '../../store/articleBody.fixture';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

let dir: string;
let ids: { derby: string; rights: string };

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-cli-articles-'));
  const ctx = createContext({
    dataDir: dir,
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
  });
  const make = async (headline: string, language: 'de' | 'en') => {
    const r = await dispatch('articles:create', { headline, language }, ctx);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const derby = await make('Rotheide gewinnt das Derby', 'de');
  const rights = await make('Strivo buys the rights', 'en');
  await dispatch(
    'articles:save',
    {
      id: derby.meta.id,
      baseRev: 1,
      meta: {
        kicker: 'Regionalliga',
        lead: 'Ein spätes Tor entscheidet.',
        byline: 'Jana Kowalczyk',
        dateline: 'Rotheide',
        status: 'ready',
      },
      body: bodyOf([
        paragraph('Almental kam nie ins Spiel.'),
        heading('Stimmen'),
        paragraph('„Verdient“, sagte der Trainer.'),
      ]),
    },
    ctx,
  );
  ids = { derby: derby.meta.id, rights: rights.meta.id };
  ctx.db.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('factdesk articles', () => {
  it('lists articles with id, status, language and headline', async () => {
    const io = capture();
    expect(await runCli(['articles', 'list', '--data-dir', dir], io)).toBe(0);
    expect(io.stdout).toHaveLength(2);
    expect(io.stdout.find((l) => l.startsWith(ids.derby))).toMatch(
      /ready\s+de .* Rotheide gewinnt das Derby$/,
    );
  });

  it('filters the list by status and prints JSON', async () => {
    const io = capture();
    expect(await runCli(['articles', 'list', '--status', 'draft', '--json', '--data-dir', dir], io)).toBe(0);
    const list = JSON.parse(io.stdout.join('\n'));
    expect(list.map((a: { headline: string }) => a.headline)).toEqual(['Strivo buys the rights']);
  });

  it('exits 1 naming the field for an unknown status', async () => {
    const io = capture();
    expect(await runCli(['articles', 'list', '--status', 'lost', '--data-dir', dir], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/status/);
  });

  it('shows an article as plain text with its news structure first', async () => {
    const io = capture();
    expect(await runCli(['articles', 'show', ids.derby, '--text', '--data-dir', dir], io)).toBe(0);
    expect(io.stdout.join('\n')).toBe(
      'Regionalliga\n\nRotheide gewinnt das Derby\n\nEin spätes Tor entscheidet.\n\nJana Kowalczyk, Rotheide\n\n' +
        'Almental kam nie ins Spiel.\nStimmen\n„Verdient“, sagte der Trainer.',
    );
  });

  it('shows an article’s fields by default', async () => {
    const io = capture();
    expect(await runCli(['articles', 'show', ids.derby, '--data-dir', dir], io)).toBe(0);
    expect(io.stdout).toContain('Status:   ready');
    expect(io.stdout).toContain(`Id:       ${ids.derby}`);
  });

  it('exits 1 for an unknown id and 2 for a missing id or subcommand', async () => {
    let io = capture();
    expect(await runCli(['articles', 'show', 'nope', '--data-dir', dir], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/no article with id nope/);
    io = capture();
    expect(await runCli(['articles', 'show', '--data-dir', dir], io)).toBe(2);
    io = capture();
    expect(await runCli(['articles', 'toString'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/Unknown articles command "toString"/);
  });
});
