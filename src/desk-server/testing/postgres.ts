import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for tests and benches: initdb in a temp folder, a free
 * 127.0.0.1 port, its unix socket inside the same folder, one database. `stop()` shuts it down
 * and removes the folder. Needs Debian's `postgresql` package (or any initdb/pg_ctl found via
 * FACTDESK_PG_BINDIR, `pg_config --bindir`, /usr/lib/postgresql/<n>/bin or PATH); without them
 * it throws with the install command, so a CI machine missing them fails instead of skipping.
 */
export interface ThrowawayPostgres {
  /** URL of the database created at start. */
  url: string;
  port: number;
  /** Creates another empty database in the same cluster (one per test keeps tests apart); returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const DATABASE = 'factdesk_desk';

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBinDir();
  // Under root the cluster runs as "nobody", which must be able to reach the folder: /tmp always
  // is, a TMPDIR under /root may not be.
  const runAs = process.getuid?.() === 0 ? unprivilegedUser() : null;
  const root = mkdtempSync(join(runAs && existsSync('/tmp') ? '/tmp' : tmpdir(), 'factdesk-pg-'));
  const data = join(root, 'data');
  const socketDir = join(root, 'sock');
  mkdirSync(socketDir);
  // initdb refuses to run as root (CI runs as root): the cluster then belongs to "nobody".
  if (runAs) {
    chownSync(root, runAs.uid, runAs.gid);
    chownSync(socketDir, runAs.uid, runAs.gid);
  }
  const pgRun = (tool: string, args: string[]) => run(join(bin, tool), args, runAs?.name ?? null);

  let started = false;
  let port = 0;
  const stopNow = () => {
    if (started) {
      started = false;
      try {
        execFileSync(
          ...commandFor(
            join(bin, 'pg_ctl'),
            ['-D', data, '-m', 'immediate', '-w', 'stop'],
            runAs?.name ?? null,
          ),
          { stdio: 'ignore' },
        );
      } catch {
        // Already gone; the folder is removed below either way.
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  // A test run that dies must not leave a postgres behind.
  process.once('exit', stopNow);

  try {
    await pgRun('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    // Another process may take the free port between our probe and postgres' bind: retry.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        `-k ${socketDir}`,
        '-c listen_addresses=127.0.0.1',
        // Tests kill the desk server, never this cluster: durability of postgres itself is not under test.
        '-c fsync=off',
        '-c full_page_writes=off',
        '-c max_connections=40',
        '-c shared_buffers=16MB',
      ].join(' ');
      try {
        await pgRun('pg_ctl', [
          '-D',
          data,
          '-l',
          join(root, 'postgres.log'),
          '-w',
          '-t',
          '60',
          '-o',
          options,
          'start',
        ]);
        started = true;
        break;
      } catch (error) {
        if (attempt >= 3)
          throw new Error(`${(error as Error).message}\n${readLog(join(root, 'postgres.log'))}`);
      }
    }
    await createDatabase(port, DATABASE);
  } catch (error) {
    stopNow();
    process.removeListener('exit', stopNow);
    throw error;
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`,
    port,
    async createDatabase(name) {
      await createDatabase(port, name);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      process.removeListener('exit', stopNow);
      if (started) {
        started = false;
        await pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function createDatabase(port: number, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`database name "${name}" must be lowercase letters, digits and _`);
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    // Identifiers cannot be parameters; the name was checked above.
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/** The folder holding initdb and pg_ctl. */
export function findPostgresBinDir(
  env: NodeJS.ProcessEnv = process.env,
  debianRoot = '/usr/lib/postgresql',
): string {
  const candidates: string[] = [];
  if (env.FACTDESK_PG_BINDIR) candidates.push(env.FACTDESK_PG_BINDIR);
  try {
    candidates.push(
      execFileSync('pg_config', ['--bindir'], {
        encoding: 'utf8',
        env,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim(),
    );
  } catch {
    // pg_config comes with libpq-dev or postgresql-common; its absence is fine.
  }
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debianRoot, v, 'bin')));
  }
  candidates.push(...(env.PATH ?? '').split(delimiter).filter(Boolean));
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with ' +
        '"apt-get install -y postgresql" (Debian/Ubuntu) or set FACTDESK_PG_BINDIR to the folder holding initdb.',
    );
  }
  return found;
}

function unprivilegedUser(): { name: string; uid: number; gid: number } {
  const name = 'nobody';
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { name, uid, gid };
}

function commandFor(file: string, args: string[], user: string | null): [string, string[]] {
  if (!user) return [file, args];
  if (existsSync('/usr/sbin/runuser') || existsSync('/sbin/runuser'))
    return ['runuser', ['-u', user, '--', file, ...args]];
  const quoted = [file, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return ['su', ['-s', '/bin/sh', user, '-c', quoted]];
}

function run(file: string, args: string[], user: string | null): Promise<void> {
  const [command, argv] = commandFor(file, args, user);
  return new Promise((resolve, reject) => {
    // pg_ctl's postmaster keeps inherited pipes open; 'ignore' stdin and read only until exit.
    execFile(
      command,
      argv,
      { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, timeout: 120_000 },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`${file.split('/').pop()} failed: ${stderr.trim() || error.message}`));
        else resolve();
      },
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}
