import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import {
  disposeContext,
  HEADLINE,
  QUOTE,
  seedArticle,
  tempContext,
  value,
} from '../../main/handlers/transfer.fixture';
import { suggestExportFileName } from '../../shared/contract/transfer';
import { runCli } from '../index';
import type { CliIO } from '../io';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

let dir: string;
let id: string;
let out: string;

beforeEach(async () => {
  const ctx = tempContext('factdesk-cli-transfer-');
  dir = ctx.dataDir;
  id = await seedArticle(ctx);
  await value(dispatch('articles:create', { headline: 'Almental verliert knapp', language: 'de' }, ctx));
  ctx.db.close();
  out = path.join(dir, 'out');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('factdesk articles export', () => {
  it('writes a DOCX to the given file that Word readers open', async () => {
    const io = capture();
    const target = path.join(out, 'artikel.docx');
    expect(
      await runCli(['articles', 'export', id, '--format', 'docx', '--out', target, '--data-dir', dir], io),
    ).toBe(0);
    expect(io.stdout).toEqual([target]);
    const raw = await mammoth.extractRawText({ path: target });
    expect(raw.value).toContain(HEADLINE);
    expect(raw.value).toContain(QUOTE);
  });

  it('names the file after the date and the headline when --out is a folder, and refuses to overwrite', async () => {
    const io = capture();
    fs.mkdirSync(out);
    expect(
      await runCli(['articles', 'export', id, '--format', 'md', '--out', out, '--data-dir', dir], io),
    ).toBe(0);
    const name = suggestExportFileName({ headline: HEADLINE, language: 'de' }, 'md');
    expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-strivo-zahlt-rotheide-7-millionen-ein-grosser-schritt\.md$/);
    expect(io.stdout).toEqual([path.join(out, name)]);

    const again = capture();
    expect(
      await runCli(['articles', 'export', id, '--format', 'md', '--out', out, '--data-dir', dir], again),
    ).toBe(1);
    expect(again.stderr.join('\n')).toContain('already exists; not replaced (use --overwrite to replace it)');
    expect(
      await runCli(
        ['articles', 'export', id, '--format', 'md', '--out', out, '--overwrite', '--data-dir', dir],
        capture(),
      ),
    ).toBe(0);
  });

  it('exports every article into a folder with --all', async () => {
    const io = capture();
    expect(
      await runCli(['articles', 'export', '--all', '--format', 'json', '--out', out, '--data-dir', dir], io),
    ).toBe(0);
    expect(io.stdout).toHaveLength(2);
    expect(fs.readdirSync(out).every((f) => f.endsWith('.factdesk.json'))).toBe(true);
  });

  it('says clearly when no Chromium is found for a PDF', async () => {
    const previous = process.env.FACTDESK_CHROMIUM;
    process.env.FACTDESK_CHROMIUM = path.join(dir, 'no-such-chromium');
    try {
      const io = capture();
      expect(
        await runCli(['articles', 'export', id, '--format', 'pdf', '--out', out, '--data-dir', dir], io),
      ).toBe(1);
      expect(io.stderr[0]).toMatch(/^No Chromium found — install chromium or set FACTDESK_CHROMIUM/);
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      if (previous === undefined) delete process.env.FACTDESK_CHROMIUM;
      else process.env.FACTDESK_CHROMIUM = previous;
    }
  });

  it('exits 2 for a missing or unknown format', async () => {
    const io = capture();
    expect(await runCli(['articles', 'export', id, '--data-dir', dir], io)).toBe(2);
    expect(await runCli(['articles', 'export', id, '--format', 'rtf', '--data-dir', dir], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('Unknown format "rtf"');
  });
});

describe('factdesk articles import', () => {
  it('imports a Factdesk JSON export into an empty data folder with its claims and facts', async () => {
    const file = path.join(out, 'a.factdesk.json');
    expect(
      await runCli(
        ['articles', 'export', id, '--format', 'json', '--out', file, '--data-dir', dir],
        capture(),
      ),
    ).toBe(0);
    const target = tempContext('factdesk-cli-target-');
    try {
      target.db.close();
      const io = capture();
      expect(await runCli(['articles', 'import', file, '--data-dir', target.dataDir], io)).toBe(0);
      expect(io.stdout[0]).toMatch(
        new RegExp(
          `^${id}  Strivo zahlt Rotheide .* ← a\\.factdesk\\.json \\(factdesk-json\\) with 3 claim\\(s\\), \\d+ new fact\\(s\\)$`,
        ),
      );
    } finally {
      disposeContext(target);
    }
  });

  it('imports the good files, names the bad one and exits 1', async () => {
    fs.mkdirSync(out);
    fs.writeFileSync(
      path.join(out, 'gut.md'),
      '# Rotheide siegt\n\nEin Tor in der Nachspielzeit entscheidet das Derby.',
    );
    fs.writeFileSync(path.join(out, 'kaputt.docx'), 'kein Word');
    const io = capture();
    expect(
      await runCli(
        ['articles', 'import', path.join(out, 'gut.md'), path.join(out, 'kaputt.docx'), '--data-dir', dir],
        io,
      ),
    ).toBe(1);
    expect(io.stdout[0]).toMatch(/Rotheide siegt {2}← gut\.md \(markdown\)$/);
    expect(io.stderr[0]).toMatch(/^Cannot import "kaputt\.docx": /);
    const list = capture();
    await runCli(['articles', 'list', '--json', '--data-dir', dir], list);
    expect(JSON.parse(list.stdout.join('\n'))).toHaveLength(3);
  });
});
