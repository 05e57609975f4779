import { z } from 'zod';
import { channel } from './define';

export const BACKUP_REASONS = [
  'manual',
  'daily',
  'before-migration',
  'before-import',
  'before-restore',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupSummary {
  /** File name inside the data folder's backups/; names the backup in calls. */
  name: string;
  createdAt: string;
  reason: BackupReason;
  schemaVersion: number;
  size: number;
  /** Attached source files the backup refers to (kept once in the data folder, not copied). */
  files: number;
}

/** Only names the app itself gives, so a call cannot point outside backups/. */
const backupName = z
  .string()
  .max(120)
  .regex(/^factdesk-[0-9T-]+Z-[a-z-]+\.sqlite$/, 'must name a backup in the backups folder');

export const backupsContract = {
  'backups:list': channel<{ folder: string; backups: BackupSummary[] }>()(z.object({}).strict()),
  /** Takes a backup now (the online backup: work goes on meanwhile). */
  'backups:create': channel<BackupSummary>()(z.object({}).strict()),
  /**
   * Replaces the store's contents with a backup that passes the integrity check and is not from
   * a newer schema; the current state is backed up first. The renderer reloads afterwards.
   * `missingFiles` counts attached source files the restored data refers to that are not in
   * the data folder (their sources stay; the files cannot be opened).
   */
  'backups:restore': channel<{ restored: BackupSummary; safety: BackupSummary; missingFiles: number }>()(
    z.object({ name: backupName }).strict(),
  ),
};
