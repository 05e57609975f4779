import fs from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '../../main/runtime';
import { restoreBackupFile } from '../../main/handlers/backups';
import {
  backupToFile,
  createBackup,
  DatabaseDamagedError,
  listBackups,
  missingFiles,
  newestGoodBackup,
  restoreOverDamaged,
} from '../../store/backups';
import { folderWritable } from '../../store/readOnlyCopy';
import { cliContext } from '../context';
import { EXIT, parseArgs, UsageError, type CliIO } from '../io';
import type { CliCommand } from './types';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Attached files are not in a backup (they stay once in files/), so a restore says which it could not bring back. */
function reportMissing(io: CliIO, missing: string[], dataDir: string): void {
  if (missing.length === 0) return;
  io.err(
    `${missing.length} attached source file${missing.length === 1 ? '' : 's'} the restored data refers to ` +
      `${missing.length === 1 ? 'is' : 'are'} not in ${path.join(dataDir, 'files')}; their sources stay, ` +
      `the files cannot be opened: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
  );
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Back up the database (into the data folder’s backups/ or to a file), or list the backups',
  usage: 'factdesk backup [--out <file>] [--list] [--data-dir <dir>]',
  async run(argv, io) {
    const { flags } = parseArgs(argv, { booleans: ['list'], values: ['out'] });
    if (flags.list) {
      const dataDir = resolveDataDir(
        typeof flags['data-dir'] === 'string' ? ['--data-dir', flags['data-dir']] : [],
      );
      const list = listBackups(dataDir);
      if (list.length === 0) io.out(`No backups yet in ${path.join(dataDir, 'backups')}.`);
      for (const b of list)
        io.out(`${b.createdAt}  ${b.reason.padEnd(16)} ${size(b.size).padStart(9)}  ${b.name}`);
      return EXIT.ok;
    }
    const ctx = cliContext(flags);
    try {
      if (typeof flags.out === 'string') {
        const out = path.resolve(flags.out);
        const folder = path.dirname(out);
        if (fs.existsSync(out))
          throw new UsageError(
            fs.statSync(out).isDirectory()
              ? `${out} is a folder; name a new file inside it.`
              : `${out} already exists; name a new file.`,
          );
        if (!fs.existsSync(folder)) throw new UsageError(`The folder ${folder} does not exist.`);
        if (!fs.statSync(folder).isDirectory()) throw new UsageError(`${folder} is a file, not a folder.`);
        // SQLite's own words for this are "unable to open database file".
        if (!folderWritable(folder))
          throw new UsageError(
            `The folder ${folder} cannot be written (read-only or not yours); name another.`,
          );
        await backupToFile(ctx.db, out);
        io.out(
          `Backed up to ${out} (${size(fs.statSync(out).size)}). Attached source files stay in ${ctx.dataDir}.`,
        );
        return EXIT.ok;
      }
      const b = await createBackup(ctx.db, ctx.dataDir, 'manual');
      io.out(`Backed up to ${b.file} (${size(b.size)}, refers to ${b.files.length} attached files).`);
      return EXIT.ok;
    } finally {
      ctx.db.close();
    }
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Restore the database from a backup; the current one is kept as a backup first',
  usage: 'factdesk restore <file> | --latest [--data-dir <dir>]',
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, { booleans: ['latest'] });
    const dataDir = resolveDataDir(
      typeof flags['data-dir'] === 'string' ? ['--data-dir', flags['data-dir']] : [],
    );
    let file: string;
    if (flags.latest) {
      const newest = newestGoodBackup(dataDir);
      if (!newest) {
        io.err(`There is no good backup in ${path.join(dataDir, 'backups')}.`);
        return EXIT.problem;
      }
      file = newest.file;
    } else if (positionals.length === 1) {
      file = path.resolve(positionals[0]);
    } else {
      throw new UsageError('Name one backup file, or --latest for the newest good backup.');
    }

    let ctx;
    try {
      ctx = cliContext(flags);
    } catch (err) {
      if (!(err instanceof DatabaseDamagedError)) throw err;
      // Nothing can read the damaged file, so it is moved aside whole rather than backed up page by page.
      const { damagedCopy } = restoreOverDamaged(dataDir, file);
      io.out(`The database was damaged; it is kept as ${damagedCopy}.`);
      ctx = cliContext(flags);
      try {
        io.out(`Restored ${file}.`);
        reportMissing(io, missingFiles(ctx.db, ctx.dataDir), ctx.dataDir);
      } finally {
        ctx.db.close();
      }
      return EXIT.ok;
    }
    try {
      const { safety, missingFiles: missing } = await restoreBackupFile(ctx, file);
      io.out(`Restored ${file}. The database as it was is kept as ${safety.file}.`);
      reportMissing(io, missing, ctx.dataDir);
      return EXIT.ok;
    } finally {
      ctx.db.close();
    }
  },
};
