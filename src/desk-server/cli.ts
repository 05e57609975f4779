import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { resolveDataDir } from '../main/runtime';
import { EXIT, parseArgs, UsageError, type CliIO } from '../cli/io';
import { DESK_DEFAULT_PORT } from '../shared/desk/names';
import { DESK_SCHEMA_VERSION } from './storage/migrations';
import { openDeskStorage, peekDeskSchemaVersion } from './storage/open';
import {
  type DeskMemberRecord,
  type DeskPruneRun,
  type DeskStorage,
  type DeskStorageOptions,
} from './storage/storage';
import { DESK_SERVER_DATABASE_FILE } from './usage';
import { formatDuration, parseDuration } from './durations';
import { DAY_MS, DEFAULT_CHANGE_LOG_SETTINGS, HOUR_MS, MINUTE_MS, type ChangeLogSettings } from './prune-job';
import { addDeskUser, DeskUserInputError, revokeDeskUser } from './users';

const STORAGE_FLAGS = ['postgres'];

export interface DeskCommandOptions {
  /** Stops `desk serve` (tests); the CLI itself stops on SIGINT/SIGTERM. */
  signal?: AbortSignal;
}

export async function runDeskCommand(
  argv: readonly string[],
  io: CliIO,
  options: DeskCommandOptions = {},
): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'serve':
      return serve(rest, io, options.signal);
    case 'add-user':
      return addUser(rest, io);
    case 'list-users':
      return listUsers(rest, io);
    case 'revoke':
      return revoke(rest, io);
    case 'doctor':
      return doctor(rest, io);
    case 'forget-store':
      return forgetStore(rest, io);
    case undefined:
      throw new UsageError(
        'Which desk subcommand? serve, add-user, list-users, revoke, doctor or forget-store.',
      );
    default:
      throw new UsageError(`Unknown desk subcommand "${sub}".`);
  }
}

function storageFrom(
  flags: Record<string, string | boolean>,
  env: NodeJS.ProcessEnv = process.env,
): DeskStorageOptions {
  const url = typeof flags.postgres === 'string' ? flags.postgres : env.FACTDESK_DESK_POSTGRES;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url) || !parsesAsUrl(url))
      throw new UsageError('--postgres must be a URL like postgres://user:password@host:5432/database');
    return { kind: 'postgres', url };
  }
  const argv = typeof flags['data-dir'] === 'string' ? ['--data-dir', flags['data-dir']] : [];
  return { kind: 'sqlite', file: path.join(resolveDataDir(argv, env), DESK_SERVER_DATABASE_FILE) };
}

function parsesAsUrl(url: string): boolean {
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

/** `--host`: an IP address or a host name, nothing that Node would read as "every interface". */
function hostFlag(flags: Record<string, string | boolean>): string {
  const host = flags.host;
  if (host === undefined) return '127.0.0.1';
  if (typeof host !== 'string' || !(isIP(host) || /^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/.test(host)))
    throw new UsageError(
      `--host must be an address of this machine such as 127.0.0.1 or a host name (got ${JSON.stringify(host)})`,
    );
  return host;
}

/** The reason a storage could not be opened, with what to check when the driver's words do not say. */
export function explainStorageError(options: DeskStorageOptions, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  if (options.kind === 'postgres') {
    if (code === 'ECONNREFUSED') return `${message} (is PostgreSQL running and listening there?)`;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${message} (check the host in --postgres)`;
    if (code === '28P01' || code === '28000') return `${message} (check the user and password in --postgres)`;
    if (code === '3D000') return `${message} (create it first, see docs/desk.md "Storage")`;
    return message;
  }
  const folder = path.dirname(options.file);
  const stat = (p: string) => {
    try {
      return fs.statSync(p);
    } catch {
      return null;
    }
  };
  if (stat(folder) && !stat(folder)!.isDirectory())
    return `the data folder ${folder} is a file, not a folder`;
  if (stat(options.file)?.isDirectory()) return `${options.file} is a folder, not a SQLite file`;
  if (
    code === 'EACCES' ||
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_CANTOPEN' ||
    /readonly/.test(message)
  )
    return `${message} (the data folder or the file is read-only for this user; the desk needs to write there)`;
  return message;
}

async function withStorage<T>(
  flags: Record<string, string | boolean>,
  use: (storage: DeskStorage) => Promise<T>,
): Promise<T> {
  const storage = await openStorageExplained(storageFrom(flags));
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}

async function describeStorage(options: DeskStorageOptions): Promise<string> {
  return options.kind === 'sqlite'
    ? `the SQLite file ${options.file}`
    : `PostgreSQL at ${(await import('./storage/postgres-storage')).redactedUrl(options.url)}`;
}

/** Opens the storage with an error that says which storage could not be reached. */
async function openStorageExplained(options: DeskStorageOptions): Promise<DeskStorage> {
  try {
    return await openDeskStorage(options);
  } catch (error) {
    throw new Error(
      `cannot open the desk storage (${await describeStorage(options)}): ${explainStorageError(options, error)}`,
    );
  }
}

function intFlag(
  flags: Record<string, string | boolean>,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(
      `--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`,
    );
  return n;
}

function durationFlag(
  flags: Record<string, string | boolean>,
  name: string,
  min: number,
  max: number,
  alternative = '',
): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? parseDuration(value) : null;
  if (ms === null || ms < min || ms > max)
    throw new UsageError(
      `--${name} must be ${alternative}a duration like 30d, 12h or 90m, from ${min === 0 ? '0' : formatDuration(min)} to ${formatDuration(max)} (got ${JSON.stringify(value)})`,
    );
  return ms;
}

/** The change-log pruning options of `desk serve` (docs/desk.md, "The facts change log"). */
export function changeLogFlags(flags: Record<string, string | boolean>): ChangeLogSettings {
  const defaults = DEFAULT_CHANGE_LOG_SETTINGS;
  return {
    keepMs: durationFlag(flags, 'keep-changes', 0, 3650 * DAY_MS) ?? defaults.keepMs,
    maxEntries: intFlag(flags, 'max-changes', 1, 1_000_000) ?? defaults.maxEntries,
    memberHorizonMs:
      durationFlag(flags, 'member-horizon', HOUR_MS, 3650 * DAY_MS) ?? defaults.memberHorizonMs,
    // Node's timers hold at most 24.8 days; a week is plenty for a job that waits for reports anyway.
    everyMs:
      flags['prune-every'] === 'off'
        ? 0
        : (durationFlag(flags, 'prune-every', MINUTE_MS, 7 * DAY_MS, 'off or ') ?? defaults.everyMs),
  };
}

export function describeChangeLog(settings: ChangeLogSettings): string {
  if (settings.everyMs === 0) return 'Facts change log: not pruned (--prune-every off).';
  return (
    `Facts change log: every ${formatDuration(settings.everyMs)} (and now) entries older than ${formatDuration(settings.keepMs)}, ` +
    `or beyond the newest ${settings.maxEntries} of a document, are pruned once every member seen within ` +
    `${formatDuration(settings.memberHorizonMs)} has them.`
  );
}

async function serve(argv: readonly string[], io: CliIO, signal?: AbortSignal): Promise<number> {
  const { flags, positionals } = parseArgs(argv, {
    values: [
      'port',
      'host',
      'debounce',
      'max-debounce',
      'keep-changes',
      'max-changes',
      'member-horizon',
      'prune-every',
      ...STORAGE_FLAGS,
    ],
  });
  if (positionals.length) throw new UsageError(`desk serve takes no arguments (got "${positionals[0]}")`);
  const port = intFlag(flags, 'port', 0, 65535) ?? DESK_DEFAULT_PORT;
  const host = hostFlag(flags);
  const debounceMs = intFlag(flags, 'debounce', 0, 60_000);
  const maxDebounceMs = intFlag(flags, 'max-debounce', 0, 600_000);
  const changeLog = changeLogFlags(flags);
  const storage = storageFrom(flags);

  const { startDeskServer } = await import('./server');
  let server;
  try {
    server = await startDeskServer({
      host,
      port,
      storage,
      debounceMs,
      maxDebounceMs,
      changeLog,
      log: (line) => io.out(`${new Date().toISOString()} ${line}`),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string } | null)?.code;
    io.err(
      code === 'EADDRINUSE'
        ? `port ${port} on ${host} is already in use; choose another with --port`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? `--host ${host} is not an address of this machine (${message})`
          : code === 'EACCES' && port < 1024
            ? `port ${port} needs administrator rights; choose one from 1024 with --port`
            : `the desk server could not start: ${explainStorageError(storage, error)}`,
    );
    return EXIT.problem;
  }
  io.out(
    `Factdesk desk server listening on ${server.url} (storage: ${server.storage.kind} ${server.storage.location})`,
  );
  io.out(describeChangeLog(changeLog));
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    io.out(
      `Listening beyond loopback without TLS: put a reverse proxy with TLS in front (see docs/desk.md).`,
    );
  }
  if ((await server.storage.listUsers()).every((u) => u.revokedAt)) {
    io.out('No users yet: add one with "factdesk desk add-user <name>" — nobody can connect until then.');
  }

  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done);
  });
  io.out('Storing open documents and stopping…');
  await server.stop();
  io.out('Desk server stopped.');
  return EXIT.ok;
}

async function addUser(argv: readonly string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { values: ['role', ...STORAGE_FLAGS] });
  if (positionals.length !== 1)
    throw new UsageError('desk add-user needs exactly one name (quote names with spaces)');
  return withStorage(flags, async (storage) => {
    try {
      const user = await addDeskUser(
        storage,
        positionals[0],
        typeof flags.role === 'string' ? flags.role : 'editor',
      );
      io.out(
        `Added ${user.name} as ${user.role}. Their desk token (shown only now; give it to them privately):`,
      );
      io.out(user.token);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof DeskUserInputError) {
        io.err(error.message);
        return EXIT.problem;
      }
      throw error;
    }
  });
}

async function listUsers(argv: readonly string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { booleans: ['json'], values: STORAGE_FLAGS });
  if (positionals.length) throw new UsageError('desk list-users takes no arguments');
  return withStorage(flags, async (storage) => {
    const users = await storage.listUsers();
    if (flags.json) io.out(JSON.stringify(users, null, 2));
    else if (!users.length) io.out('No users yet. Add one with "factdesk desk add-user <name>".');
    else {
      const width = Math.max(4, ...users.map((u) => u.name.length));
      io.out(`${'Name'.padEnd(width)}  Role     Added                     Status`);
      for (const u of users)
        io.out(
          `${u.name.padEnd(width)}  ${u.role.padEnd(7)}  ${u.createdAt.padEnd(24)}  ${u.revokedAt ? `revoked ${u.revokedAt}` : 'active'}`,
        );
    }
    return EXIT.ok;
  });
}

async function revoke(argv: readonly string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { values: STORAGE_FLAGS });
  if (positionals.length !== 1) throw new UsageError('desk revoke needs exactly one name');
  return withStorage(flags, async (storage) => {
    try {
      await revokeDeskUser(storage, positionals[0]);
      io.out(
        `Revoked ${positionals[0].trim()}: their token no longer opens any desk document (open connections are closed).`,
      );
      return EXIT.ok;
    } catch (error) {
      if (error instanceof DeskUserInputError) {
        io.err(error.message);
        return EXIT.problem;
      }
      throw error;
    }
  });
}

async function doctor(argv: readonly string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { booleans: ['json'], values: STORAGE_FLAGS });
  if (positionals.length) throw new UsageError('desk doctor takes no arguments');
  const options = storageFrom(flags);
  const where = await describeStorage(options);
  // Look before opening: the doctor reports a database as it is and never creates or migrates one.
  let found: number | null;
  try {
    found = await peekDeskSchemaVersion(options);
  } catch (error) {
    io.err(`Storage: NOT reachable — ${where}: ${explainStorageError(options, error)}`);
    return EXIT.problem;
  }
  if (found === null || found !== DESK_SCHEMA_VERSION) {
    const report = {
      storage: {
        kind: options.kind,
        location:
          options.kind === 'sqlite'
            ? options.file
            : (await import('./storage/postgres-storage')).redactedUrl(options.url),
        exists: found !== null,
      },
      schemaVersion: found ?? 0,
      expectedSchemaVersion: DESK_SCHEMA_VERSION,
    };
    if (flags.json) io.out(JSON.stringify(report, null, 2));
    else io.out(`Storage:         ${where} — ${found === null ? 'no database yet' : 'reachable'}`);
    if (found === null)
      io.err(`No desk database yet: "factdesk desk add-user <name>" or "factdesk desk serve" creates it.`);
    else if (found === 0)
      io.err(
        `No desk tables in this database yet: "factdesk desk add-user <name>" or "factdesk desk serve" creates them.`,
      );
    else if (found < DESK_SCHEMA_VERSION)
      io.err(
        `Schema version ${found}, this Factdesk expects ${DESK_SCHEMA_VERSION}: "factdesk desk serve" brings it up to date.`,
      );
    else
      io.err(
        `Schema version ${found} is newer than this Factdesk knows (${DESK_SCHEMA_VERSION}): update Factdesk before serving this desk.`,
      );
    return EXIT.problem;
  }
  let storage: DeskStorage;
  try {
    storage = await openStorageExplained(options);
  } catch (error) {
    io.err(`Storage: NOT reachable — ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.problem;
  }
  try {
    const schemaVersion = await storage.schemaVersion();
    const users = await storage.listUsers();
    const documents = await storage.listDocuments();
    const files = await storage.listFiles();
    const [lastRun] = await storage.listPruneRuns(1);
    const members = await storage.listMembers();
    const schemaOk = schemaVersion === DESK_SCHEMA_VERSION;
    const report = {
      storage: { kind: storage.kind, location: storage.location, reachable: true },
      schemaVersion,
      expectedSchemaVersion: DESK_SCHEMA_VERSION,
      users,
      documents,
      files: { count: files.length, bytes: files.reduce((n, f) => n + f.size, 0) },
      changeLog: { lastRun: lastRun ?? null, members },
    };
    if (flags.json) io.out(JSON.stringify(report, null, 2));
    else {
      io.out(`Storage:         ${storage.kind} ${storage.location} — reachable`);
      io.out(
        `Schema version:  ${schemaVersion}${schemaOk ? ' (current)' : ` (this server expects ${DESK_SCHEMA_VERSION})`}`,
      );
      const active = users.filter((u) => !u.revokedAt);
      io.out(`Users:           ${active.length} active, ${users.length - active.length} revoked`);
      for (const u of users) io.out(`  ${u.name} (${u.role})${u.revokedAt ? ' — revoked' : ''}`);
      io.out(`Documents:       ${documents.length}`);
      for (const d of documents) io.out(`  ${d.name}  ${d.bytes} bytes  stored ${d.updatedAt}`);
      io.out(`Source files:    ${report.files.count} (${report.files.bytes} bytes)`);
      for (const line of changeLogLines(lastRun, members)) io.out(line);
    }
    return schemaOk ? EXIT.ok : EXIT.problem;
  } finally {
    await storage.close();
  }
}

/**
 * A local store that will not come back (a reinstalled machine) holds the change log back until the
 * member horizon has passed; forgetting it lets the next run prune without it.
 */
async function forgetStore(argv: readonly string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { values: STORAGE_FLAGS });
  const prefix = positionals[0]?.toLowerCase() ?? '';
  if (positionals.length !== 1 || !/^[0-9a-f-]{8,36}$/.test(prefix))
    throw new UsageError(
      'desk forget-store needs a store id as "desk doctor" shows it (at least its first 8 characters)',
    );
  return withStorage(flags, async (storage) => {
    const matches = (await storage.listMembers()).filter((m) => m.member.startsWith(prefix));
    if (matches.length !== 1) {
      io.err(
        matches.length === 0
          ? `No local store ${prefix} reports to this desk ("factdesk desk doctor" lists them).`
          : `"${prefix}" matches ${matches.length} stores (${matches.map((m) => m.member).join(', ')}); give more of the id.`,
      );
      return EXIT.problem;
    }
    const [store] = matches;
    await storage.forgetMembers([store.member]);
    io.out(
      `Forgot ${store.user}'s store ${store.member} (last seen ${store.lastSeen}): the change log is no longer kept for it. Should it connect again, it is waited for from its next report.`,
    );
    return EXIT.ok;
  });
}

/** What `desk doctor` says about the facts change log: the last pruning run and who reports. */
function changeLogLines(run: DeskPruneRun | undefined, members: readonly DeskMemberRecord[]): string[] {
  const lines: string[] = [];
  if (!run) lines.push('Change log:      not pruned yet');
  else {
    lines.push(
      `Change log:      last pruned ${run.finishedAt}: ${run.removed} entries removed from ${run.prunedDocuments} of ${run.documents} facts documents, ${run.left} left`,
    );
    lines.push(
      `  keeping ${formatDuration(run.settings.keepMs)}, at most ${run.settings.maxEntries} per document, members waited for ${formatDuration(run.settings.memberHorizonMs)}`,
    );
    for (const w of run.waitingFor)
      lines.push(
        `  ${w.lacking} held back for ${w.user} (store ${w.member.slice(0, 8)}, last seen ${w.lastSeen})`,
      );
    for (const f of run.forgotten)
      lines.push(
        `  no longer waiting for ${f.user} (store ${f.member.slice(0, 8)}, last seen ${f.lastSeen})`,
      );
    for (const p of run.problems) lines.push(`  problem: ${p}`);
  }
  lines.push(`Members:         ${members.length} local stores report what they have mirrored`);
  for (const m of members)
    lines.push(
      `  ${m.user} (store ${m.member.slice(0, 8)}) last seen ${m.lastSeen}${m.revoked ? ' — revoked' : ''}`,
    );
  return lines;
}
