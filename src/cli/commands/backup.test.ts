import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../index';
import type { CliIO } from '../io';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-cli-backup-'));
  dirs.push(dir);
  return dir;
}

async function cli(args: string[]) {
  const io = capture();
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** Overwrites every other page after the first, as a failing disk would. */
function damage(file: string): void {
  const fd = fs.openSync(file, 'r+');
  const size = fs.fstatSync(fd).size;
  for (let page = 2; page * 4096 < size; page += 2)
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
  fs.closeSync(fd);
}

describe('factdesk backup and restore', () => {
  it('backs up to a file and into backups/, lists them, and restores one', async () => {
    const dir = dataDir();
    expect((await cli(['sample', '--data-dir', dir])).code).toBe(0);
    const out = path.join(dir, 'copy.sqlite');
    const toFile = await cli(['backup', '--out', out, '--data-dir', dir]);
    expect(toFile.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect((await cli(['backup', '--out', out, '--data-dir', dir])).err).toMatch(/already exists/);
    expect((await cli(['backup', '--out', dir, '--data-dir', dir])).err).toMatch(
      /is a folder; name a new file/,
    );
    expect((await cli(['backup', '--out', path.join(out, 'x.sqlite'), '--data-dir', dir])).err).toMatch(
      /copy\.sqlite is a file, not a folder/,
    );

    const manual = await cli(['backup', '--data-dir', dir]);
    expect(manual.out).toMatch(/Backed up to .*backups.*-manual\.sqlite/);
    expect((await cli(['backup', '--list', '--data-dir', dir])).out).toMatch(
      /manual .*factdesk-.*-manual\.sqlite/,
    );

    const found = async () =>
      (await cli(['facts', 'search', 'Wiesengrund', '--json', '--data-dir', dir])).out;
    expect(
      (await cli(['facts', 'add-entity', '--kind', 'club', '--name', 'TSV Wiesengrund', '--data-dir', dir]))
        .code,
    ).toBe(0);
    expect(await found()).toContain('"type": "entity"');
    const restored = await cli(['restore', out, '--data-dir', dir]);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/kept as .*before-restore\.sqlite/);
    expect(await found()).not.toContain('"type": "entity"');
  });

  it('refuses a file that is no sound Factdesk database, changing nothing', async () => {
    const dir = dataDir();
    const bogus = path.join(dir, 'aufstellung.sqlite');
    fs.writeFileSync(bogus, 'SV Rotheide: Kowalczyk, Feld, Brandt');
    const result = await cli(['restore', bogus, '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cannot be restored: The file cannot be read as a Factdesk database/);
    expect((await cli(['backup', '--list', '--data-dir', dir])).out).toMatch(/No backups yet/);
  });

  it('will not work on a damaged store and restores the newest good backup with --latest', async () => {
    const dir = dataDir();
    expect((await cli(['sample', '--data-dir', dir])).code).toBe(0);
    expect((await cli(['backup', '--data-dir', dir])).code).toBe(0);
    damage(path.join(dir, 'factdesk.sqlite'));

    const refused = await cli(['articles', 'list', '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is damaged .*factdesk restore --latest/s);

    const restored = await cli(['restore', '--latest', '--data-dir', dir]);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/was damaged; it is kept as /);
    expect((await cli(['articles', 'list', '--data-dir', dir])).code).toBe(0);
    expect((await cli(['facts', 'search', 'Rotheide', '--json', '--data-dir', dir])).out).toContain(
      'Rotheide',
    );
  });

  it('says which attached files a restore could not bring back, and copies none into backups/', async () => {
    const dir = dataDir();
    const a = path.join(dir, 'Pressemitteilung Nordhafen.txt');
    const b = path.join(dir, 'Spielbericht Rotheide.txt');
    fs.writeFileSync(a, 'Pressemitteilung (erfunden)');
    fs.writeFileSync(b, 'Spielbericht (erfunden)');
    expect((await cli(['sources', 'add', a, '--data-dir', dir])).code).toBe(0);
    expect((await cli(['sources', 'add', b, '--data-dir', dir])).code).toBe(0);
    const out = path.join(dir, 'vor dem Umzug.sqlite');
    expect((await cli(['backup', '--out', out, '--data-dir', dir])).code).toBe(0);
    expect((await cli(['backup', '--data-dir', dir])).out).toMatch(/refers to 2 attached files/);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => !/\.(sqlite|json)$/.test(n))).toEqual([]);

    const filesDir = path.join(dir, 'files');
    const stored = fs
      .readdirSync(filesDir, { recursive: true, encoding: 'utf8' })
      .filter((n) => /[0-9a-f]{64}$/.test(n));
    expect(stored).toHaveLength(2);
    fs.rmSync(path.join(filesDir, stored[0]));

    const restored = await cli(['restore', out, '--data-dir', dir]);
    expect(restored.code).toBe(0);
    expect(restored.err).toMatch(/1 attached source file the restored data refers to is not in .*files/);
    expect(restored.err).toContain(path.basename(stored[0]));
  });
});
