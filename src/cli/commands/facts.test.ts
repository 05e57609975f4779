import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../index';
import type { CliIO } from '../io';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-cli-facts-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIO = { out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
  const code = await runCli([...args, '--data-dir', dir], io);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('factdesk facts', () => {
  it('loads the sample and finds a name typed without its umlaut', async () => {
    expect((await cli('sample')).code).toBe(0);
    const r = await cli('facts', 'search', 'Goetze', '--kind', 'entity');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^entity ent-goetze {2}Lutz Götze — person/m);
    const json = JSON.parse((await cli('facts', 'search', 'Muenchen', '--json')).stdout) as {
      hits: { id: string }[];
    };
    expect(json.hits.map((h) => h.id)).toContain('q-aydin-2');
  });

  it('adds a deal with a German amount, and refuses one whose amount is not a number with exit 1', async () => {
    await cli('sample');
    const ok = await cli(
      'facts',
      'add-deal',
      '--kind',
      'sponsorship',
      '--subject',
      'Bandenwerbung',
      '--payer',
      'Voltra',
      '--payee',
      'SV Rotheide',
      '--amount',
      '1,5 Mio.',
      '--currency',
      'EUR',
      '--precision',
      'exact',
      '--status',
      'reported',
      '--lang',
      'de',
      '--json',
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      payerId: 'ent-voltra',
      payeeId: 'ent-sv-rotheide',
      amountMinor: 150_000_000,
    });
    const bad = await cli(
      'facts',
      'add-deal',
      '--kind',
      'sponsorship',
      '--subject',
      'X',
      '--amount',
      'viel',
      '--currency',
      'EUR',
      '--precision',
      'exact',
      '--status',
      'reported',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('amount: must be a number');
    const same = await cli(
      'facts',
      'add-deal',
      '--kind',
      'transfer',
      '--subject',
      'X',
      '--payer',
      'Strivo',
      '--payee',
      'Strivo',
      '--amount',
      '5',
      '--currency',
      'EUR',
      '--precision',
      'exact',
      '--status',
      'reported',
    );
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('payeeId: must differ from the payer');
  });

  it('adds a quote by a new speaker, and fills the role at the time for a known one', async () => {
    await cli('sample');
    const created = await cli(
      'facts',
      'add-quote',
      '--speaker',
      'Ida Sørensen',
      '--new-speaker',
      '--text',
      'Wir greifen an.',
      '--language',
      'de',
      '--json',
    );
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/Created person ent-/);
    const known = await cli(
      'facts',
      'add-quote',
      '--speaker',
      'lutz goetze',
      '--text',
      'Kein Kommentar.',
      '--language',
      'de',
      '--date',
      '2023-01-05',
      '--json',
    );
    expect(JSON.parse(known.stdout)).toMatchObject({
      speakerId: 'ent-goetze',
      roleAtTime: 'Sportdirektor, FC Almental',
    });
    const unknown = await cli(
      'facts',
      'add-quote',
      '--speaker',
      'Niemand',
      '--text',
      'x',
      '--language',
      'de',
    );
    expect(unknown).toMatchObject({ code: 1, stderr: 'speaker: no entity is called "Niemand".' });
  });

  it('exports and re-imports a pack without changes, and needs --update for a changed one', async () => {
    await cli('sample');
    const file = path.join(dir, 'out', 'pack.json');
    expect((await cli('facts', 'export', '--out', file)).code).toBe(0);
    const again = await cli('facts', 'import', file);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /^Created nothing; updated 0; unchanged \d+ people and organisations, \d+ roles, \d+ deals, \d+ quotes, \d+ sources, \d+ citations\.$/,
    );
    const pack = JSON.parse(fs.readFileSync(file, 'utf8')) as { deals: { id: string; status: string }[] };
    pack.deals[0].status = 'denied';
    fs.writeFileSync(file, JSON.stringify(pack));
    const asked = await cli('facts', 'import', file);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('status: "confirmed" → "denied"');
    expect(asked.stderr).toContain('Run again with --update');
    expect((await cli('facts', 'import', file, '--update')).code).toBe(0);
  });

  it('counts one record in the singular: "1 deal", never "1 deals"', async () => {
    const file = path.join(dir, 'one.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'factdesk-factpack',
        version: 1,
        entities: [
          { id: 'ent-nordhafen', kind: 'club', name: 'FC Nordhafen' },
          { id: 'ent-kowalczyk', kind: 'person', name: 'Lena Kowalczyk' },
        ],
        deals: [
          {
            id: 'deal-kowalczyk',
            kind: 'transfer',
            payerId: 'ent-nordhafen',
            subject: 'Wechsel Kowalczyk',
            precision: 'undisclosed',
            status: 'reported',
          },
        ],
      }),
    );
    const r = await cli('facts', 'import', file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Created 2 people and organisations, 1 deal; updated 0; unchanged nothing.');
    const out = path.join(dir, 'back.json');
    expect((await cli('facts', 'export', '--out', out)).stderr).toBe(
      `Wrote ${out}: 2 people and organisations, 1 deal.`,
    );
  });

  it('reports every problem of a bad pack with its JSON path and exits 1', async () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'factdesk-factpack',
        version: 1,
        deals: [{ id: 'd', kind: 'loan', subject: '' }],
      }),
    );
    const r = await cli('facts', 'import', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('$.deals[0].kind: must be one of: transfer');
    expect(r.stderr).toContain('$.deals[0].subject: must not be empty');
    expect(r.stderr).toContain('$.deals[0].precision: is missing');
    fs.writeFileSync(file, '{ not json');
    expect((await cli('facts', 'import', file)).stderr).toMatch(/is not valid JSON/);
  });

  it('exits 2 for usage mistakes', async () => {
    expect((await cli('facts')).code).toBe(2);
    expect((await cli('facts', 'frobnicate')).code).toBe(2);
    expect((await cli('facts', 'search')).code).toBe(2);
    expect((await cli('facts', 'search', 'x', '--kind', 'planet')).code).toBe(2);
    expect((await cli('facts', 'add-deal', '--kind', 'transfer')).code).toBe(2);
    expect((await cli('facts', 'export', '--refs', 'deal')).code).toBe(2);
  });

  it('prints the JSON Schema of fact packs, the same as the published file', async () => {
    const r = await cli('facts', 'schema');
    expect(JSON.parse(r.stdout)).toMatchObject({ title: 'Factdesk fact pack, version 1', type: 'object' });
    // The file is generated from the importer's schema; regenerate with `factdesk facts schema` when this fails.
    const file = path.resolve(__dirname, '../../../resources/schemas/factpack.schema.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(r.stdout));
  });
});
