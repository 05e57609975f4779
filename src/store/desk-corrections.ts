import {
  correctionRecord,
  correctionRecordKey,
  mergeCorrectionRecords,
  type DeskCorrectionRecord,
} from '../shared/desk/correctionRecords';
import { getCorrection } from './corrections';
import type { Db } from './db';
import { prepared } from './prepared';

/**
 * The SQL side of the corrections that travel in a desk document: an article's corrections
 * (withdrawn ones included) as desk records, and records from the desk written into the
 * correction tables, so the corrections list, the exports and the report read them like local ones.
 */
function localRecord(db: Db, id: string): { articleId: string; record: DeskCorrectionRecord } | null {
  const c = getCorrection(db, id);
  if (!c) return null;
  const withdrawnAt = prepared(db, 'SELECT withdrawn_at FROM corrections WHERE id = ?').pluck().get(id) as
    string | null;
  return { articleId: c.articleId, record: correctionRecord(c, withdrawnAt) };
}

export function deskCorrectionState(db: Db, articleId: string): DeskCorrectionRecord[] {
  const ids = prepared(db, 'SELECT id FROM corrections WHERE article_id = ? ORDER BY created_at, rowid')
    .pluck()
    .all(articleId) as string[];
  return ids.map((id) => localRecord(db, id)!.record);
}

/**
 * Writes desk records into the local tables; returns how many corrections changed. Corrections of
 * other articles are never touched, and a correction naming a claim this machine does not have in
 * this article yet waits (the claim arrives through the claims map; the next pull brings it).
 * Offers for the claims a new correction names are settled by it, as when it is written here.
 */
export function applyDeskCorrections(
  db: Db,
  articleId: string,
  records: readonly DeskCorrectionRecord[],
): { changed: number; waiting: number } {
  return db.transaction(() => {
    let changed = 0;
    let waiting = 0;
    const claimOf = prepared(db, 'SELECT article_id FROM claims WHERE id = ?').pluck();
    for (const record of records) {
      const local = localRecord(db, record.id);
      if (local && local.articleId !== articleId) continue;
      const before = local?.record ?? null;
      const next = mergeCorrectionRecords(before, record);
      if (next.claimIds.some((claimId) => claimOf.get(claimId) !== articleId)) {
        waiting++;
        continue;
      }
      if (before && correctionRecordKey(before) === correctionRecordKey(next)) continue;
      prepared(
        db,
        `INSERT INTO corrections (id, article_id, wrong_text, right_text, created_by, created_at, updated_at, exported_at, withdrawn_at)
         VALUES (@id, @articleId, @wrong, @right, @createdBy, @createdAt, @updatedAt, @exportedAt, @withdrawnAt)
         ON CONFLICT (id) DO UPDATE SET wrong_text = @wrong, right_text = @right, created_by = @createdBy,
           created_at = @createdAt, updated_at = @updatedAt, exported_at = @exportedAt, withdrawn_at = @withdrawnAt`,
      ).run({
        id: next.id,
        articleId,
        wrong: next.wrong,
        right: next.right,
        createdBy: next.createdBy,
        createdAt: next.createdAt,
        updatedAt: next.updatedAt,
        exportedAt: next.exportedAt,
        withdrawnAt: next.withdrawnAt,
      });
      prepared(db, 'DELETE FROM correction_links WHERE correction_id = ?').run(next.id);
      const link = prepared(
        db,
        'INSERT OR IGNORE INTO correction_links (correction_id, ref_type, ref_id) VALUES (?, ?, ?)',
      );
      for (const claimId of next.claimIds) link.run(next.id, 'claim', claimId);
      for (const f of next.facts) link.run(next.id, f.type, f.id);
      // History rows are rewritten in the merged order, so both machines list the same steps.
      prepared(db, 'DELETE FROM correction_history WHERE correction_id = ?').run(next.id);
      const step = prepared(
        db,
        'INSERT INTO correction_history (correction_id, action, wrong_text, right_text, by, at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const e of next.history) step.run(next.id, e.action, e.wrong, e.right, e.by, e.at);
      if (!before && next.withdrawnAt === null) {
        const settle = prepared(
          db,
          `UPDATE correction_prompts SET settled_by = ?, settled_at = ?, correction_id = ?
           WHERE article_id = ? AND claim_id = ? AND settled_at IS NULL`,
        );
        for (const claimId of next.claimIds)
          settle.run(next.createdBy, next.createdAt, next.id, articleId, claimId);
      }
      changed++;
    }
    return { changed, waiting };
  })();
}
