import type { Db } from './db';
import { prepared } from './prepared';

// Which attached source files the desk server already has from this app (see the sync's upload).

/** Files of shared sources not given to the desk yet, oldest first. */
export function filesToUpload(db: Db, limit = 50): string[] {
  return prepared(
    db,
    `SELECT DISTINCT s.file_hash FROM sources s
       JOIN desk_fact_shared d ON d.record_type = 'source' AND d.record_id = s.id
      WHERE s.file_hash IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM desk_file_uploads u WHERE u.sha256 = s.file_hash)
      ORDER BY s.updated_at, s.file_hash
      LIMIT ?`,
  )
    .pluck()
    .all(limit) as string[];
}

export function markFileUploaded(db: Db, sha256: string, at: string): void {
  prepared(db, 'INSERT OR IGNORE INTO desk_file_uploads (sha256, uploaded_at) VALUES (?, ?)').run(sha256, at);
}
