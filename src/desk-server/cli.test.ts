import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/index';
import { runDeskCommand } from './cli';
import type { CliIO } from '../cli/io';
import { DESK_REFUSAL } from '../shared/desk/names';
import { userForToken } from './auth';
import { DESK_SCHEMA_VERSION } from './storage/migrations';
import { openDeskStorage } from './storage/open';
import { eventually } from './testing/client';
import { startThrowawayPostgres, type ThrowawayPostgres } from './testing/postgres';
import { DESK_SERVER_DATABASE_FILE } from './usage';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

async function desk(args: string[]) {
  const io = capture();
  const code = await runCli(['desk', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

let dir = '';
let cluster: ThrowawayPostgres | null = null;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-desk-cli-'));
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('factdesk desk (users and doctor)', () => {
  it('adds a user, prints the token once, stores only its hash, lists and revokes', async () => {
    const dataDir = join(dir, 'users');
    const added = await desk(['add-user', 'Lena Kowalczyk', '--role', 'checker', '--data-dir', dataDir]);
    expect(added.code).toBe(0);
    const token = added.out.split('\n')[1];
    expect(token).toMatch(/^fdk_[A-Za-z0-9_-]{43}$/);

    const raw = new Database(join(dataDir, DESK_SERVER_DATABASE_FILE), { readonly: true });
    const dump = JSON.stringify(raw.prepare('SELECT * FROM desk_users').all());
    raw.close();
    expect(dump).not.toContain(token);

    const storage = await openDeskStorage({ kind: 'sqlite', file: join(dataDir, DESK_SERVER_DATABASE_FILE) });
    expect(await userForToken(storage, token)).toEqual({
      name: 'Lena Kowalczyk',
      role: 'checker',
      storedAs: 'Lena Kowalczyk',
    });

    const twice = await desk(['add-user', 'Lena Kowalczyk', '--data-dir', dataDir]);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/already exists/);
    // The same name typed with a doubled space is the same user.
    const spaced = await desk(['add-user', ' Lena  Kowalczyk', '--data-dir', dataDir]);
    expect(spaced.code).toBe(1);
    expect(spaced.err).toMatch(/a user named "Lena Kowalczyk" already exists/);

    const listed = await desk(['list-users', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(listed.out)).toMatchObject([
      { name: 'Lena Kowalczyk', role: 'checker', revokedAt: null },
    ]);

    expect((await desk(['revoke', 'Lena Kowalczyk', '--data-dir', dataDir])).code).toBe(0);
    await expect(userForToken(storage, token)).rejects.toMatchObject({ reason: DESK_REFUSAL.badToken });
    expect((await desk(['list-users', '--data-dir', dataDir])).out).toMatch(
      /Lena Kowalczyk\s+checker.*revoked/,
    );
    expect((await desk(['revoke', 'Lena Kowalczyk', '--data-dir', dataDir])).err).toMatch(
      /no active user named "Lena Kowalczyk"/,
    );

    // A revoked name can be given a new token.
    const again = await desk(['add-user', 'Lena Kowalczyk', '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(await userForToken(storage, again.out.split('\n')[1])).toEqual({
      name: 'Lena Kowalczyk',
      role: 'editor',
      storedAs: 'Lena Kowalczyk',
    });
    await expect(userForToken(storage, token)).rejects.toMatchObject({ reason: DESK_REFUSAL.badToken });
    await storage.close();
  });

  it('names the bad field and uses the README exit codes', async () => {
    const dataDir = join(dir, 'bad');
    const role = await desk(['add-user', 'Tim Okafor', '--role', 'admin', '--data-dir', dataDir]);
    expect(role.code).toBe(1);
    expect(role.err).toMatch(/role must be one of editor, checker, viewer \(got "admin"\)/);
    expect((await desk(['add-user', '   ', '--data-dir', dataDir])).err).toMatch(/name must not be empty/);
    const noName = await desk(['add-user', '--data-dir', dataDir]);
    expect(noName.code).toBe(2);
    expect(noName.err).toMatch(/needs exactly one name/);
    expect((await desk(['serve', '--port', 'http', '--data-dir', dataDir])).err).toMatch(
      /--port must be a whole number from 0 to 65535 \(got "http"\)/,
    );
    expect((await desk(['serve', '--postgres', 'mysql://x', '--data-dir', dataDir])).code).toBe(2);
    expect((await desk(['frobnicate'])).code).toBe(2);
    expect((await desk([])).code).toBe(2);
  });

  it('doctor says there is no desk database yet, and does not create one', async () => {
    const dataDir = join(dir, 'none');
    const none = await desk(['doctor', '--data-dir', dataDir]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/No desk database yet/);
    expect(existsSync(join(dataDir, DESK_SERVER_DATABASE_FILE))).toBe(false);
  });

  it('doctor reports the storage, schema version, users and documents', async () => {
    const dataDir = join(dir, 'doctor');
    await desk(['add-user', 'Mara Engel', '--role', 'viewer', '--data-dir', dataDir]);
    const storage = await openDeskStorage({ kind: 'sqlite', file: join(dataDir, DESK_SERVER_DATABASE_FILE) });
    await storage.storeDocument('article/a1', new Uint8Array([0, 0]));
    await storage.close();
    const text = await desk(['doctor', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Storage:\s+sqlite .*desk-server\.sqlite — reachable/);
    expect(text.out).toMatch(new RegExp(`Schema version:\\s+${DESK_SCHEMA_VERSION} \\(current\\)`));
    expect(text.out).toContain('Mara Engel (viewer)');
    expect(text.out).toMatch(/article\/a1\s+2 bytes/);
    expect(text.out).toMatch(/Change log:\s+not pruned yet/);
    const json = JSON.parse((await desk(['doctor', '--json', '--data-dir', dataDir])).out);
    expect(json).toMatchObject({
      schemaVersion: DESK_SCHEMA_VERSION,
      documents: [{ name: 'article/a1', bytes: 2 }],
      changeLog: { lastRun: null, members: [] },
    });
  });

  it('serve checks the change-log options and names the one that is wrong', async () => {
    const dataDir = join(dir, 'prune-flags');
    const cases: [string[], RegExp][] = [
      [
        ['--keep-changes', '30'],
        /--keep-changes must be a duration like 30d, 12h or 90m, from 0 to 3650 days/,
      ],
      [['--keep-changes', '3651d'], /--keep-changes must be a duration/],
      [
        ['--member-horizon', '30m'],
        /--member-horizon must be a duration like 30d, 12h or 90m, from 1 hour to 3650 days/,
      ],
      [
        ['--prune-every', '30d'],
        /--prune-every must be off or a duration like 30d, 12h or 90m, from 1 minute to 7 days \(got "30d"\)/,
      ],
      [['--prune-every', 'never'], /--prune-every must be off or a duration/],
      [['--max-changes', '0'], /--max-changes must be a whole number from 1 to 1000000/],
      [['--max-changes', 'many'], /--max-changes must be a whole number/],
    ];
    for (const [flags, message] of cases) {
      const result = await desk(['serve', ...flags, '--data-dir', dataDir]);
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
    }
  });

  it('serve prunes the change log with the given settings at start, and doctor shows the run', async () => {
    const dataDir = join(dir, 'prune-serve');
    const io = capture();
    const stop = new AbortController();
    const serving = runDeskCommand(
      [
        'serve',
        '--port',
        '0',
        '--keep-changes',
        '7d',
        '--max-changes',
        '200',
        '--member-horizon',
        '14d',
        '--prune-every',
        '90m',
        '--data-dir',
        dataDir,
      ],
      io,
      { signal: stop.signal },
    );
    const started = Date.now();
    while (!io.stdout.some((l) => /change log pruned/.test(l))) {
      if (Date.now() - started > 30_000) throw new Error(`no pruning run: ${io.stdout.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    stop.abort();
    expect(await serving).toBe(0);
    expect(io.stdout).toContain(
      'Facts change log: every 90 minutes (and now) entries older than 7 days, or beyond the newest 200 of a document, are pruned once every member seen within 14 days has them.',
    );
    const doctor = await desk(['doctor', '--data-dir', dataDir]);
    expect(doctor.out).toMatch(
      /Change log:\s+last pruned .*: 0 entries removed from 0 of 0 facts documents, 0 left/,
    );
    expect(doctor.out).toContain('keeping 7 days, at most 200 per document, members waited for 14 days');
    expect(doctor.out).toMatch(/Members:\s+0 local stores/);

    const off = capture();
    const offStop = new AbortController();
    const offServing = runDeskCommand(
      ['serve', '--port', '0', '--prune-every', 'off', '--data-dir', dataDir],
      off,
      {
        signal: offStop.signal,
      },
    );
    while (!off.stdout.some((l) => /Facts change log/.test(l))) await new Promise((r) => setTimeout(r, 50));
    offStop.abort();
    expect(await offServing).toBe(0);
    expect(off.stdout).toContain('Facts change log: not pruned (--prune-every off).');
  });

  it('forget-store stops waiting for a local store, found by the id doctor shows', async () => {
    const dataDir = join(dir, 'forget');
    await desk(['add-user', 'Tom Weber', '--data-dir', dataDir]);
    const storage = await openDeskStorage({ kind: 'sqlite', file: join(dataDir, DESK_SERVER_DATABASE_FILE) });
    const old = '3f2a9c1e-0000-4000-8000-000000000001';
    const now = '3f2a9c1e-0000-4000-8000-000000000002';
    for (const member of [old, now])
      await storage.saveMirrorReports([
        {
          member,
          user: 'Tom Weber',
          document: 'facts/deal/1',
          stateVector: new Uint8Array([0]),
          at: '2026-12-01T00:00:00.000Z',
        },
      ]);
    await storage.close();

    const doctor = await desk(['doctor', '--data-dir', dataDir]);
    expect(doctor.out).toContain('Tom Weber (store 3f2a9c1e) last seen 2026-12-01T00:00:00.000Z');
    const ambiguous = await desk(['forget-store', '3f2a9c1e', '--data-dir', dataDir]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toMatch(/"3f2a9c1e" matches 2 stores .*; give more of the id/);
    expect((await desk(['forget-store', 'abc', '--data-dir', dataDir])).code).toBe(2);
    expect((await desk(['forget-store', 'ffffffff', '--data-dir', dataDir])).err).toMatch(
      /No local store ffffffff reports to this desk/,
    );

    const forgot = await desk(['forget-store', old, '--data-dir', dataDir]);
    expect(forgot.code).toBe(0);
    expect(forgot.out).toMatch(/^Forgot Tom Weber's store 3f2a9c1e-0000-4000-8000-000000000001/);
    const after = await openDeskStorage({ kind: 'sqlite', file: join(dataDir, DESK_SERVER_DATABASE_FILE) });
    expect((await after.listMembers()).map((m) => m.member)).toEqual([now]);
    expect((await after.listMemberDocuments()).map((d) => d.member)).toEqual([now]);
    await after.close();
  });

  it('serve says why it cannot start: a taken port, an unreachable PostgreSQL', async () => {
    const dataDir = join(dir, 'serve');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const busy = await desk(['serve', '--port', String(port), '--data-dir', dataDir]);
    taken.close();
    expect(busy.code).toBe(1);
    expect(busy.err).toBe(`port ${port} on 127.0.0.1 is already in use; choose another with --port`);

    const down = await desk(['serve', '--postgres', 'postgres://desk:secret@127.0.0.1:1/factdesk']);
    expect(down.code).toBe(1);
    expect(down.err).toMatch(
      /could not start: .*ECONNREFUSED.*\(is PostgreSQL running and listening there\?\)/,
    );
    expect(down.err).not.toContain('secret');
  });

  it('serve refuses a --host that is empty or not of this machine, naming --host', async () => {
    const dataDir = join(dir, 'host');
    // Node reads an empty host as every interface, and the URL printed was ws://:1234.
    for (const host of ['', ' 127.0.0.1', 'a/b']) {
      const bad = await desk(['serve', '--host', host, '--port', '0', '--data-dir', dataDir]);
      expect(bad.code, JSON.stringify(host)).toBe(2);
      expect(bad.err).toContain(
        `--host must be an address of this machine such as 127.0.0.1 or a host name (got ${JSON.stringify(host)})`,
      );
    }
    const elsewhere = await desk(['serve', '--host', '192.0.2.1', '--port', '0', '--data-dir', dataDir]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.err).toMatch(/^--host 192\.0\.2\.1 is not an address of this machine/);
  });

  it('serve refuses to start a second server on the data folder a running one serves', async () => {
    const dataDir = join(dir, 'twice');
    const stop = new AbortController();
    const first = capture();
    const running = runDeskCommand(
      ['serve', '--port', '0', '--prune-every', 'off', '--data-dir', dataDir],
      first,
      {
        signal: stop.signal,
      },
    );
    await eventually(
      () => first.stdout.some((l) => l.startsWith('Factdesk desk server listening')),
      'first server',
    );
    const second = await desk(['serve', '--port', '0', '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.err).toBe(
      `the desk server could not start: another desk server is already serving the SQLite file ${join(dataDir, DESK_SERVER_DATABASE_FILE)}; stop that one first (one desk, one server), or give this one its own storage`,
    );
    stop.abort();
    expect(await running).toBe(0);
  });

  it('says a data folder that is a file, or a database that is a folder, in those words', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'not a folder');
    const users = await desk(['list-users', '--data-dir', file]);
    expect(users.code).toBe(1);
    expect(users.err).toContain(`the data folder ${file} is a file, not a folder`);
    const folder = join(dir, 'folder-db');
    mkdirSync(join(folder, DESK_SERVER_DATABASE_FILE), { recursive: true });
    const doctor = await desk(['doctor', '--data-dir', folder]);
    expect(doctor.code).toBe(1);
    expect(doctor.err).toContain(`${join(folder, DESK_SERVER_DATABASE_FILE)} is a folder, not a SQLite file`);
  });

  it('doctor fails with the reason when PostgreSQL cannot be reached, and works once it can', async () => {
    const down = await desk(['doctor', '--postgres', 'postgres://desk:secret@127.0.0.1:1/factdesk']);
    expect(down.code).toBe(1);
    expect(down.err).toMatch(
      /NOT reachable.*PostgreSQL at postgres:\/\/desk:\*\*\*@127\.0\.0\.1:1\/factdesk/,
    );
    expect(down.err).not.toContain('secret');

    cluster = await startThrowawayPostgres();
    // An empty database is reported, not set up: the doctor never creates or migrates.
    const empty = await desk(['doctor', '--postgres', cluster.url]);
    expect(empty.code).toBe(1);
    expect(empty.err).toBe(
      'No desk tables in this database yet: "factdesk desk add-user <name>" or "factdesk desk serve" creates them.',
    );
    const emptyJson = JSON.parse((await desk(['doctor', '--json', '--postgres', cluster.url])).out);
    expect(emptyJson.storage).toEqual({ kind: 'postgres', location: cluster.url, exists: true });

    expect((await desk(['add-user', 'Jonas Brehm', '--postgres', cluster.url])).code).toBe(0);
    const up = await desk(['doctor', '--postgres', cluster.url]);
    expect(up.code).toBe(0);
    expect(up.out).toMatch(/Storage:\s+postgres .* — reachable/);
    expect(up.out).toMatch(new RegExp(`Schema version:\\s+${DESK_SCHEMA_VERSION} \\(current\\)`));
    expect(up.out).toContain('Jonas Brehm (editor)');
  });
});
