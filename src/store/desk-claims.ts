import {
  claimRecord,
  mergeClaimRecords,
  mergeGatePasses,
  recordKey,
  type DeskClaimRecord,
  type DeskGatePass,
} from '../shared/desk/claimRecords';
import { listClaims } from './claims';
import type { Db } from './db';

/**
 * The SQL side of the claims that travel in a desk document: reading an article's claims and
 * gate passes as desk records, and writing records that came from the desk into the claims
 * tables, so the panel, the checks, the CLI and the ready gate read them like local ones.
 */

interface PassRow {
  passed_by: string;
  at: string;
  override_reason: string | null;
  open_claims: string;
}

function gatePasses(db: Db, articleId: string): DeskGatePass[] {
  const rows = db
    .prepare(
      'SELECT passed_by, at, override_reason, open_claims FROM ready_gate_passes WHERE article_id = ? ORDER BY seq',
    )
    .all(articleId) as PassRow[];
  return rows.map((r) => ({
    by: r.passed_by,
    at: r.at,
    overrideReason: r.override_reason,
    openClaims: JSON.parse(r.open_claims) as string[],
  }));
}

export function deskClaimState(
  db: Db,
  articleId: string,
): { records: DeskClaimRecord[]; passes: DeskGatePass[] } {
  return { records: listClaims(db, articleId).map(claimRecord), passes: gatePasses(db, articleId) };
}

/** Writes desk records into the local tables; returns how many claims changed. Claims of other articles are never touched. */
export function applyDeskClaims(
  db: Db,
  articleId: string,
  records: readonly DeskClaimRecord[],
  passes: readonly DeskGatePass[],
  now: string,
): number {
  return db.transaction(() => {
    const local = new Map(listClaims(db, articleId).map((c) => [c.id, claimRecord(c)]));
    const owner = db.prepare('SELECT article_id FROM claims WHERE id = ?').pluck();
    const insert = db.prepare(
      `INSERT INTO claims (id, article_id, kind, status, text, note, in_text, created_by, created_at, updated_at)
       VALUES (@id, @articleId, @kind, @status, @text, @note, @inText, @createdBy, @createdAt, @now)`,
    );
    const update = db.prepare(
      `UPDATE claims SET kind = @kind, status = @status, text = @text, note = @note, in_text = @inText, created_at = @createdAt,
         updated_at = @now WHERE id = @id`,
    );
    const clearLinks = db.prepare('DELETE FROM claim_links WHERE claim_id = ?');
    const link = db.prepare(
      'INSERT OR IGNORE INTO claim_links (claim_id, article_id, fact_type, fact_id, locator, excerpt) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const clearHistory = db.prepare('DELETE FROM claim_status_history WHERE claim_id = ?');
    const addHistory = db.prepare(
      'INSERT INTO claim_status_history (claim_id, status, checker, at) VALUES (?, ?, ?, ?)',
    );
    const dismiss = db.prepare(
      'INSERT INTO claim_dismissed_warnings (claim_id, code, reason, checker, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (claim_id, code) DO NOTHING',
    );
    let changed = 0;
    for (const record of records) {
      const before = local.get(record.id) ?? null;
      if (!before && owner.get(record.id) !== undefined) continue;
      const next = mergeClaimRecords(before, record);
      if (before && recordKey(before) === recordKey(next)) continue;
      const values = {
        ...next,
        articleId,
        inText: next.inText ? 1 : 0,
        now,
        createdBy: next.history[0]?.checker ?? 'desk',
      };
      if (before) update.run(values);
      else insert.run(values);
      clearLinks.run(next.id);
      for (const ref of next.links)
        link.run(
          next.id,
          articleId,
          ref.type,
          ref.id,
          ref.locator || null,
          ref.locator ? (ref.excerpt ?? null) : null,
        );
      clearHistory.run(next.id);
      for (const h of next.history) addHistory.run(next.id, h.status, h.checker, h.at);
      for (const d of next.dismissedWarnings) dismiss.run(next.id, d.code, d.reason, d.checker, d.at);
      changed++;
    }
    const knownPasses = gatePasses(db, articleId);
    const allPasses = mergeGatePasses(knownPasses, passes);
    if (allPasses.length > knownPasses.length) {
      const known = new Set(knownPasses.map((p) => `${p.at}\u0000${p.by}`));
      const addPass = db.prepare(
        'INSERT INTO ready_gate_passes (article_id, passed_by, at, override_reason, open_claims) VALUES (?, ?, ?, ?, ?)',
      );
      for (const p of allPasses)
        if (!known.has(`${p.at}\u0000${p.by}`))
          addPass.run(articleId, p.by, p.at, p.overrideReason, JSON.stringify(p.openClaims));
    }
    return changed;
  })();
}
