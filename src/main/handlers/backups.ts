import path from 'node:path';
import type { backupsContract, BackupSummary } from '../../shared/contract/backups';
import { UserError } from '../../shared/result';
import {
  BackupRefused,
  backupsDir,
  createBackup,
  listBackups,
  missingFiles,
  restoreIntoOpenDatabase,
  type BackupInfo,
} from '../../store/backups';
import { migrate, schemaVersion } from '../../store/db';
import type { HandlerContext } from './context';
import type { HandlerTable } from './table';

const summary = (b: BackupInfo): BackupSummary => ({
  name: b.name,
  createdAt: b.createdAt,
  reason: b.reason,
  schemaVersion: b.schemaVersion,
  size: b.size,
  files: b.files.length,
});

/** Restores a backup into the open store and brings an older one up to this app's schema. */
export async function restoreBackupFile(
  ctx: HandlerContext,
  file: string,
): Promise<{ restored: BackupInfo; safety: BackupInfo; missingFiles: string[] }> {
  const restoredFrom = listBackups(ctx.dataDir).find((b) => b.file === file);
  try {
    const { safety } = await restoreIntoOpenDatabase(ctx.db, ctx.dataDir, file);
    migrate(ctx.db);
    return {
      restored: restoredFrom ?? {
        name: path.basename(file),
        file,
        createdAt: '',
        reason: 'manual',
        schemaVersion: schemaVersion(ctx.db),
        size: 0,
        files: [],
      },
      safety,
      missingFiles: missingFiles(ctx.db, ctx.dataDir),
    };
  } catch (err) {
    if (err instanceof BackupRefused)
      throw new UserError('validation', { key: 'backupNotRestorable', params: { reason: err.reason } }, [
        { path: 'name', message: err.message },
      ]);
    throw err;
  }
}

export const backupsHandlers = {
  'backups:list': (_input, ctx) => ({
    folder: backupsDir(ctx.dataDir),
    backups: listBackups(ctx.dataDir).map(summary),
  }),
  'backups:create': async (_input, ctx) => summary(await createBackup(ctx.db, ctx.dataDir, 'manual')),
  'backups:restore': async ({ name }, ctx) => {
    const found = listBackups(ctx.dataDir).find((b) => b.name === name);
    if (!found)
      throw new UserError(
        'not_found',
        { key: 'noSuchBackup', params: { name, folder: backupsDir(ctx.dataDir) } },
        [{ path: 'name', message: 'no such backup' }],
      );
    const { restored, safety, missingFiles: missing } = await restoreBackupFile(ctx, found.file);
    return { restored: summary(restored), safety: summary(safety), missingFiles: missing.length };
  },
} satisfies HandlerTable<keyof typeof backupsContract>;
