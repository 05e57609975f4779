import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../shared/article/blocks';
import { dispatch } from '../../main/handlers';
import { createContext } from '../../main/runtime';
import { bodyOf, paragraph } from '../../store/articleBody.fixture';
import { importFactPack } from '../../store/factpacks';
import { runCli } from '../index';
import type { CliIO } from '../io';
import { guessLanguage } from './detect';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

// Invented copy and facts.
const P1 = '„Die Mannschaft bleibt zusammen, egal was im Sommer passiert“, sagte Kapitänin Jana Kowalczyk.';
const P2 = 'Der Streamingdienst Strivo soll dem SV Rotheide sieben Millionen Euro zahlen.';
const P3 = 'Am 3. März trifft Rotheide zum fünften Mal in dieser Saison auf den FC Almental.';

const PACK = {
  format: 'factdesk-factpack',
  version: 1,
  entities: [
    { id: 'e-kowalczyk', kind: 'person', name: 'Jana Kowalczyk' },
    { id: 'e-rotheide', kind: 'club', name: 'SV Rotheide', aliases: ['Rotheide'] },
    { id: 'e-almental', kind: 'club', name: 'FC Almental' },
    { id: 'e-strivo', kind: 'broadcaster', name: 'Strivo' },
  ],
  deals: [
    {
      id: 'd-rotheide',
      kind: 'broadcast_rights',
      payerId: 'e-strivo',
      payeeId: 'e-rotheide',
      subject: 'Heimspiele Rotheide',
      amountMinor: 700000000,
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
      occasion: 'interview',
      status: 'verified',
    },
  ],
};

let work: string;
let dataDir: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-cli-detect-'));
  dataDir = path.join(work, 'data');
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function writeFile(name: string, content: string): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, content);
  return file;
}

function makeStore(): ReturnType<typeof createContext> {
  const ctx = createContext({
    dataDir,
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
  });
  expect(importFactPack(ctx.db, PACK, { actor: { user: 'test', via: 'test' } }).problems).toEqual([]);
  return ctx;
}

type Item = {
  kind: string;
  text: string;
  start: number;
  end: number;
  speaker?: string;
  speakerKind?: string;
  speakerVia?: string;
  speakerId?: string;
  value?: number;
  min?: number;
  max?: number;
  currency?: string;
  payer?: string;
  payee?: string;
  payerResolved?: string;
  payeeResolved?: string;
  hedge?: string;
  source?: string;
  candidates?: string[];
};

async function detectJson(args: string[]): Promise<Item[]> {
  const io = capture();
  const code = await runCli(['detect', ...args, '--json', '--data-dir', dataDir], io);
  expect(io.stderr).toEqual([]);
  expect(code).toBe(0);
  expect(io.stdout).toHaveLength(1);
  return JSON.parse(io.stdout[0]) as Item[];
}

describe('factdesk detect on a file', () => {
  it('prints one JSON array whose offsets index the paragraphs joined by one newline', async () => {
    const file = writeFile('artikel.txt', `${P1}\n\n${P2}\n\n${P3}\n`);
    const items = await detectJson([file]);
    const plain = [P1, P2, P3].join('\n');
    for (const item of items) expect(plain.slice(item.start, item.end)).toBe(item.text);
    expect(items.find((i) => i.kind === 'quote')).toMatchObject({ speaker: 'Jana Kowalczyk' });
    expect(items.find((i) => i.kind === 'amount')).toMatchObject({
      text: 'sieben Millionen Euro',
      value: 7000000,
      currency: 'EUR',
      hedge: 'soll',
    });
    expect(items.map((i) => i.kind)).toEqual(expect.arrayContaining(['date', 'count']));
  });

  it('lists only the documented fields and no candidates when there is no fact store, creating none', async () => {
    const items = await detectJson([writeFile('a.txt', `${P1}\n\n${P2}`)]);
    for (const item of items) {
      const documented = [
        'kind',
        'text',
        'start',
        'end',
        'speaker',
        'speakerKind',
        'speakerVia',
        'speakerId',
        'value',
        'min',
        'max',
        'currency',
        'payer',
        'payee',
        'payerResolved',
        'payeeResolved',
        'hedge',
        'source',
      ];
      expect(Object.keys(item).filter((k) => !documented.includes(k))).toEqual([]);
    }
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('lists the ids of the best matching facts when a fact store is present', async () => {
    makeStore().db.close();
    const items = await detectJson([writeFile('a.txt', `${P1}\n\n${P2}`)]);
    expect(items.find((i) => i.kind === 'quote')?.candidates?.[0]).toBe('q-k1');
    expect(items.find((i) => i.kind === 'amount')?.candidates?.[0]).toBe('d-rotheide');
    for (const item of items) expect(item.candidates!.length).toBeLessThanOrEqual(5);
  });

  it('keeps a headline the importer took from the first line as the first line of the text', async () => {
    const file = writeFile('meldung.txt', `Strivo zahlt für die Heimspiele\n\n${P2}`);
    const items = await detectJson([file]);
    const plain = `Strivo zahlt für die Heimspiele\n${P2}`;
    const amount = items.find((i) => i.kind === 'amount')!;
    expect(plain.slice(amount.start, amount.end)).toBe('sieben Millionen Euro');
  });

  it('reads HTML and Markdown through the importers', async () => {
    const html = await detectJson([writeFile('a.html', `<html lang="de"><body><p>${P2}</p></body></html>`)]);
    expect(html.find((i) => i.kind === 'amount')?.value).toBe(7000000);
    const md = await detectJson([writeFile('a.md', `${P1}\n\n*${P2}*\n`)]);
    expect(md.find((i) => i.kind === 'quote')?.speaker).toBe('Jana Kowalczyk');
  });

  it('honours --lang over the guess from the text', async () => {
    const file = writeFile('en.txt', 'Strivo reportedly paid Rotheide €7m for the rights, the club said.');
    const auto = await detectJson([file]);
    expect(auto.find((i) => i.kind === 'amount')).toMatchObject({
      value: 7000000,
      currency: 'EUR',
      hedge: 'reportedly',
    });
    const forced = await detectJson([file, '--lang', 'de']);
    expect(forced.find((i) => i.kind === 'amount')?.hedge).toBeUndefined();
  });

  it('prints a readable list without --json', async () => {
    const io = capture();
    expect(await runCli(['detect', writeFile('a.txt', `${P1}\n\n${P2}`), '--data-dir', dataDir], io)).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toMatch(/^3 suggestions \(de\), no fact store/);
    expect(out).toContain('speaker: Jana Kowalczyk');
    expect(out).toContain('value: 7000000 EUR · Strivo → SV Rotheide · hedge: soll');
  });
});

describe('factdesk detect on an article', () => {
  it('reads the article body from the store and uses its plain text and language', async () => {
    const ctx = makeStore();
    const created = await dispatch('articles:create', { language: 'de', headline: 'Rotheide' }, ctx);
    if (!created.ok) throw new Error(created.error.message);
    const body = bodyOf([paragraph(P1), paragraph(P2)]);
    const saved = await dispatch(
      'articles:save',
      { id: created.value.meta.id, baseRev: created.value.rev, body },
      ctx,
    );
    expect(saved.ok).toBe(true);
    ctx.db.close();
    const items = await detectJson([created.value.meta.id]);
    const plain = plainText(body);
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) expect(plain.slice(item.start, item.end)).toBe(item.text);
    expect(items.find((i) => i.kind === 'quote')?.candidates).toEqual(['q-k1']);
  });
});

describe('factdesk detect --json fields of issue 15', () => {
  it('adds speakerKind, speakerVia, speakerId, source and min/max without changing the old fields', async () => {
    makeStore().db.close();
    const text = [
      P1,
      '„Wir bleiben ruhig“, sagte Kowalczyk.',
      'Strivo soll laut „Nordkurier“ zwischen 6 und 8 Millionen Euro an den SV Rotheide bezahlt haben.',
    ].join('\n\n');
    const items = await detectJson([writeFile('b.txt', text)]);
    const quotes = items.filter((i) => i.kind === 'quote');
    expect(quotes[0]).toMatchObject({
      speaker: 'Jana Kowalczyk',
      speakerKind: 'name',
      speakerId: 'e-kowalczyk',
      candidates: ['q-k1'],
    });
    expect(quotes[1]).toMatchObject({
      speaker: 'Jana Kowalczyk',
      speakerKind: 'name',
      speakerVia: 'Kowalczyk',
      speakerId: 'e-kowalczyk',
    });
    const amount = items.find((i) => i.kind === 'amount')!;
    expect(amount).toMatchObject({
      value: 6000000,
      min: 6000000,
      max: 8000000,
      currency: 'EUR',
      source: 'Nordkurier',
      payee: 'SV Rotheide',
    });
    expect(amount.hedge).toMatch(/^soll/);
  });
});

describe('factdesk detect: a generic party resolved to its club', () => {
  it('prints "der Klub" as written with the club it refers to, and looks the deal up by that club', async () => {
    makeStore().db.close();
    const text = [
      'Der SV Rotheide gibt Kowalczyk an den FC Almental ab.',
      'Für die Spielerin soll der Klub von Strivo sieben Millionen Euro erhalten haben.',
    ].join('\n\n');
    const file = writeFile('c.txt', text);
    const amount = (await detectJson([file])).find((i) => i.kind === 'amount')!;
    expect(amount).toMatchObject({ payer: 'Strivo', payee: 'der Klub', payeeResolved: 'SV Rotheide' });
    expect(amount.candidates?.[0]).toBe('d-rotheide');
    const io = capture();
    expect(await runCli(['detect', file, '--data-dir', dataDir], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Strivo → der Klub (= SV Rotheide)');
  });
});

describe('factdesk detect problems', () => {
  it('exits 2 without an input or with a wrong --lang', async () => {
    expect(await runCli(['detect', '--data-dir', dataDir], capture())).toBe(2);
    expect(
      await runCli(['detect', writeFile('a.txt', P2), '--lang', 'fr', '--data-dir', dataDir], capture()),
    ).toBe(2);
  });

  it('exits 1 naming the input for a missing file, an unknown article or an unsupported file', async () => {
    let io = capture();
    expect(await runCli(['detect', path.join(work, 'fehlt.txt'), '--data-dir', dataDir], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('fehlt.txt');
    makeStore().db.close();
    io = capture();
    expect(await runCli(['detect', 'art-unknown', '--data-dir', dataDir], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('art-unknown');
    io = capture();
    expect(await runCli(['detect', writeFile('a.pdf', '%PDF-1.4'), '--data-dir', dataDir], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/PDF/);
  });
});

describe('guessLanguage', () => {
  it('tells German from English by function words and gives up on a tie', () => {
    expect(guessLanguage('Der Verein sagte, dass die Einigung nicht mehr weit sei.')).toBe('de');
    expect(guessLanguage('The club said that the agreement was not far off.')).toBe('en');
    expect(guessLanguage('Strivo, Rotheide, 7:0')).toBeNull();
  });
});
