import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAVED_PAGE } from '../../main/sources/pressRelease.fixture';
import { runCli } from '../index';
import type { CliIO } from '../io';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-cli-sources-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIO = { out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
  const code = await runCli([...args, '--data-dir', dir], io);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('factdesk sources', () => {
  it('adds a saved page with a title given, and finds a phrase of it as JSON with its locator', async () => {
    const file = path.join(dir, 'transfer.html');
    fs.writeFileSync(file, SAVED_PAGE);
    const added = await cli('sources', 'add', file, '--title', 'Wintertransfer FC Nordhafen', '--json');
    expect(added.code).toBe(0);
    const { source, status } = JSON.parse(added.stdout) as {
      source: { id: string; title: string; url: string };
      status: { state: string };
    };
    expect(source).toMatchObject({
      title: 'Wintertransfer FC Nordhafen',
      url: 'https://www.fc-nordhafen.example/news/wintertransfer',
    });
    expect(status.state).toBe('done');
    const found = await cli('sources', 'search', 'Ablösesumme', '1,8', '--json');
    expect(found.code).toBe(0);
    const { hits } = JSON.parse(found.stdout) as {
      hits: { sourceId: string; locator: string; excerpt: string }[];
    };
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ sourceId: source.id, locator: '§ Die Ablöse, ¶ 2' });
    expect(hits[0].excerpt).toContain('1,8 Millionen Euro');
    expect((await cli('facts', 'search', '"Millionen Euro"', '--json')).stdout).toContain(source.id);
  });

  it('keeps a file it cannot read and says why with exit 1; usage mistakes exit 2', async () => {
    const file = path.join(dir, 'kaputt.pdf');
    fs.writeFileSync(file, '%PDF-1.4 nothing');
    const r = await cli('sources', 'add', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The file is stored, but its text could not be read: .*PDF/);
    expect((await cli('sources', 'add', path.join(dir, 'fehlt.pdf'))).stderr).toMatch(
      /fehlt\.pdf: no such file/,
    );
    expect((await cli('sources', 'add')).code).toBe(2);
    expect((await cli('sources', 'add', file, '--kind', 'zeitung')).code).toBe(2);
    expect((await cli('sources', 'search')).code).toBe(2);
  }, 30_000);
});
