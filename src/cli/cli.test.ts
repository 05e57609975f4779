import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from './commands';
import { runCli } from './index';
import type { CliIO } from './io';
import { parseArgs, UsageError } from './io';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('factdesk CLI', () => {
  it('prints help listing the commands', async () => {
    const io = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/doctor/);
  });

  it('exits 2 with a message for an unknown command', async () => {
    const io = capture();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/Unknown command "frobnicate"/);
  });

  it('doctor reports the data folder, schema, SQLite and FTS5', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-cli-'));
    dirs.push(dir);
    const io = capture();
    expect(await runCli(['doctor', '--json', '--data-dir', dir], io)).toBe(0);
    const facts = JSON.parse(io.stdout.join('\n'));
    expect(facts.dataDir).toBe(dir);
    expect(facts.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(facts.sqliteVersion).toMatch(/^3\./);
    expect(facts.fts5).toBe(true);
    expect(fs.existsSync(path.join(dir, 'factdesk.sqlite'))).toBe(true);
  });

  it('doctor exits 2 on an unknown option', async () => {
    const io = capture();
    expect(await runCli(['doctor', '--colour'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/Unknown option --colour/);
  });
});

describe('parseArgs', () => {
  it('reads values, booleans and positionals', () => {
    expect(
      parseArgs(['a', '--json', '--out=x.json', '--kind', 'deal', 'b'], {
        booleans: ['json'],
        values: ['out', 'kind'],
      }),
    ).toEqual({
      flags: { json: true, out: 'x.json', kind: 'deal' },
      positionals: ['a', 'b'],
    });
  });
  it('complains about a missing value', () => {
    expect(() => parseArgs(['--out'], { values: ['out'] })).toThrow(UsageError);
  });
});

describe('command table', () => {
  it('lists each command with the summary its module gives, so help needs no command module', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(entry.summary).toBe(command.summary);
    }
  });
});
