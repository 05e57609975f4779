import type {
  Correction,
  CorrectionAction,
  CorrectionEvent,
  CorrectionPrompt,
  CorrectionPromptReason,
} from '../shared/domain/corrections';
import type { FactRef, FactType } from '../shared/domain/facts';
import type { Db } from './db';
import { prepared } from './prepared';

// Corrections of published articles and the offers to write one. A correction that an export
// has carried is frozen: the store refuses to change it, whatever the caller checked before.

interface CorrectionRow {
  id: string;
  article_id: string;
  wrong_text: string;
  right_text: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  exported_at: string | null;
  withdrawn_at: string | null;
}

interface PromptRow {
  seq: number;
  article_id: string;
  claim_id: string;
  reason: CorrectionPromptReason;
  before: string;
  after: string;
  changes: string;
  facts: string;
  noted_by: string;
  noted_at: string;
}

export class CorrectionFrozenError extends Error {
  constructor(readonly state: 'exported' | 'withdrawn') {
    super(
      state === 'exported'
        ? 'The correction has been exported and can no longer be changed.'
        : 'The correction was withdrawn.',
    );
  }
}

function links(db: Db, id: string): { claimIds: string[]; facts: FactRef[] } {
  const rows = prepared(
    db,
    'SELECT ref_type, ref_id FROM correction_links WHERE correction_id = ? ORDER BY rowid',
  ).all(id) as {
    ref_type: 'claim' | FactType;
    ref_id: string;
  }[];
  return {
    claimIds: rows.filter((r) => r.ref_type === 'claim').map((r) => r.ref_id),
    facts: rows
      .filter((r) => r.ref_type !== 'claim')
      .map((r) => ({ type: r.ref_type as FactType, id: r.ref_id })),
  };
}

function history(db: Db, id: string): CorrectionEvent[] {
  const rows = prepared(
    db,
    'SELECT action, wrong_text, right_text, by, at FROM correction_history WHERE correction_id = ? ORDER BY seq',
  ).all(id) as {
    action: CorrectionAction;
    wrong_text: string;
    right_text: string;
    by: string;
    at: string;
  }[];
  return rows.map((r) => ({
    action: r.action,
    wrong: r.wrong_text,
    right: r.right_text,
    by: r.by,
    at: r.at,
  }));
}

function toCorrection(db: Db, r: CorrectionRow): Correction {
  return {
    id: r.id,
    articleId: r.article_id,
    wrong: r.wrong_text,
    right: r.right_text,
    ...links(db, r.id),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    exportedAt: r.exported_at,
    history: history(db, r.id),
  };
}

/** The corrections of an article in the order they were written; withdrawn ones are left out. */
export function listCorrections(db: Db, articleId: string): Correction[] {
  const rows = prepared(
    db,
    'SELECT * FROM corrections WHERE article_id = ? AND withdrawn_at IS NULL ORDER BY created_at, rowid',
  ).all(articleId) as CorrectionRow[];
  return rows.map((r) => toCorrection(db, r));
}

/** One correction, withdrawn or not (`withdrawn` says which). */
export function getCorrection(db: Db, id: string): (Correction & { withdrawn: boolean }) | null {
  const row = prepared(db, 'SELECT * FROM corrections WHERE id = ?').get(id) as CorrectionRow | undefined;
  return row ? { ...toCorrection(db, row), withdrawn: row.withdrawn_at !== null } : null;
}

export function correctionIdTaken(db: Db, id: string): boolean {
  return prepared(db, 'SELECT 1 FROM corrections WHERE id = ?').get(id) !== undefined;
}

function record(
  db: Db,
  id: string,
  action: CorrectionAction,
  wrong: string,
  right: string,
  by: string,
  at: string,
): void {
  prepared(
    db,
    'INSERT INTO correction_history (correction_id, action, wrong_text, right_text, by, at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, action, wrong, right, by, at);
}

function writeLinks(db: Db, id: string, claimIds: readonly string[], facts: readonly FactRef[]): void {
  prepared(db, 'DELETE FROM correction_links WHERE correction_id = ?').run(id);
  const insert = prepared(
    db,
    'INSERT OR IGNORE INTO correction_links (correction_id, ref_type, ref_id) VALUES (?, ?, ?)',
  );
  for (const claimId of claimIds) insert.run(id, 'claim', claimId);
  for (const f of facts) insert.run(id, f.type, f.id);
}

export interface NewCorrection {
  id: string;
  articleId: string;
  wrong: string;
  right: string;
  claimIds: readonly string[];
  facts: readonly FactRef[];
}

/**
 * Writes a correction with its links and first history entry, and settles the open offers for
 * the claims it names, all in one transaction.
 */
export function insertCorrection(db: Db, c: NewCorrection, by: string, now: string): Correction {
  db.transaction(() => {
    prepared(
      db,
      `INSERT INTO corrections (id, article_id, wrong_text, right_text, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(c.id, c.articleId, c.wrong, c.right, by, now, now);
    writeLinks(db, c.id, c.claimIds, c.facts);
    record(db, c.id, 'created', c.wrong, c.right, by, now);
    const settle = prepared(
      db,
      `UPDATE correction_prompts SET settled_by = ?, settled_at = ?, correction_id = ?
       WHERE article_id = ? AND claim_id = ? AND settled_at IS NULL`,
    );
    for (const claimId of c.claimIds) settle.run(by, now, c.id, c.articleId, claimId);
  })();
  return getCorrection(db, c.id)!;
}

function requireEditable(db: Db, id: string): CorrectionRow {
  const row = prepared(db, 'SELECT * FROM corrections WHERE id = ?').get(id) as CorrectionRow | undefined;
  if (!row) throw new Error(`No correction ${id}`);
  if (row.withdrawn_at !== null) throw new CorrectionFrozenError('withdrawn');
  if (row.exported_at !== null) throw new CorrectionFrozenError('exported');
  return row;
}

export function updateCorrection(
  db: Db,
  id: string,
  patch: { wrong: string; right: string; claimIds: readonly string[]; facts: readonly FactRef[] },
  by: string,
  now: string,
): Correction {
  db.transaction(() => {
    requireEditable(db, id);
    prepared(db, 'UPDATE corrections SET wrong_text = ?, right_text = ?, updated_at = ? WHERE id = ?').run(
      patch.wrong,
      patch.right,
      now,
      id,
    );
    writeLinks(db, id, patch.claimIds, patch.facts);
    record(db, id, 'edited', patch.wrong, patch.right, by, now);
  })();
  return getCorrection(db, id)!;
}

/** Withdraws a correction no export has carried; the offers it settled are open again. */
export function withdrawCorrection(db: Db, id: string, by: string, now: string): void {
  db.transaction(() => {
    const row = requireEditable(db, id);
    prepared(db, 'UPDATE corrections SET withdrawn_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
    record(db, id, 'withdrawn', row.wrong_text, row.right_text, by, now);
    prepared(
      db,
      'UPDATE correction_prompts SET settled_by = NULL, settled_at = NULL, correction_id = NULL WHERE correction_id = ?',
    ).run(id);
  })();
}

/** Freezes the article's corrections that an export has just carried; returns how many were new to it. */
export function markCorrectionsExported(db: Db, articleId: string, by: string, now: string): number {
  return db.transaction(() => {
    const rows = prepared(
      db,
      'SELECT * FROM corrections WHERE article_id = ? AND withdrawn_at IS NULL AND exported_at IS NULL',
    ).all(articleId) as CorrectionRow[];
    for (const r of rows) {
      prepared(db, 'UPDATE corrections SET exported_at = ? WHERE id = ?').run(now, r.id);
      record(db, r.id, 'exported', r.wrong_text, r.right_text, by, now);
    }
    return rows.length;
  })();
}

function toPrompt(r: PromptRow): CorrectionPrompt {
  return {
    seq: r.seq,
    articleId: r.article_id,
    claimId: r.claim_id,
    reason: r.reason,
    before: r.before,
    after: r.after,
    changes: JSON.parse(r.changes),
    facts: JSON.parse(r.facts),
    notedBy: r.noted_by,
    notedAt: r.noted_at,
  };
}

/** The offers nobody has acted on yet, oldest first. */
export function openPrompts(db: Db, articleId: string): CorrectionPrompt[] {
  const rows = prepared(
    db,
    'SELECT * FROM correction_prompts WHERE article_id = ? AND settled_at IS NULL ORDER BY seq',
  ).all(articleId) as PromptRow[];
  return rows.map(toPrompt);
}

export function getPrompt(db: Db, seq: number): (CorrectionPrompt & { settled: boolean }) | null {
  const row = prepared(db, 'SELECT * FROM correction_prompts WHERE seq = ?').get(seq) as
    (PromptRow & { settled_at: string | null }) | undefined;
  return row ? { ...toPrompt(row), settled: row.settled_at !== null } : null;
}

/**
 * A claim's words changed in a published article. While they keep changing (someone is typing)
 * there is one open offer whose "before" is the published wording; typing it back withdraws it.
 */
export function noteClaimTextChange(
  db: Db,
  p: { articleId: string; claimId: string; before: string; after: string; facts: readonly FactRef[] },
  by: string,
  now: string,
): void {
  db.transaction(() => {
    const open = prepared(
      db,
      "SELECT seq, before FROM correction_prompts WHERE claim_id = ? AND reason = 'text' AND settled_at IS NULL",
    ).get(p.claimId) as { seq: number; before: string } | undefined;
    if (!open) {
      if (p.before === p.after) return;
      prepared(
        db,
        `INSERT INTO correction_prompts (article_id, claim_id, reason, before, after, facts, noted_by, noted_at) VALUES (?, ?, 'text', ?, ?, ?, ?, ?)`,
      ).run(p.articleId, p.claimId, p.before, p.after, JSON.stringify(p.facts), by, now);
      return;
    }
    if (open.before === p.after) prepared(db, 'DELETE FROM correction_prompts WHERE seq = ?').run(open.seq);
    else
      prepared(
        db,
        'UPDATE correction_prompts SET after = ?, facts = ?, noted_by = ?, noted_at = ? WHERE seq = ?',
      ).run(p.after, JSON.stringify(p.facts), by, now, open.seq);
  })();
}

/** A stale claim of a published article was re-checked: offer a correction with what changed. */
export function noteRecheck(
  db: Db,
  p: {
    articleId: string;
    claimId: string;
    claimText: string;
    changes: readonly { de: string; en: string }[];
    facts: readonly FactRef[];
  },
  by: string,
  now: string,
): void {
  prepared(
    db,
    `INSERT INTO correction_prompts (article_id, claim_id, reason, before, after, changes, facts, noted_by, noted_at)
     VALUES (?, ?, 'recheck', ?, ?, ?, ?, ?, ?)`,
  ).run(
    p.articleId,
    p.claimId,
    p.claimText,
    p.claimText,
    JSON.stringify(p.changes),
    JSON.stringify(p.facts),
    by,
    now,
  );
}

/** Someone decided the offer needs no correction; it is kept, settled without one. */
export function dismissPrompt(db: Db, seq: number, by: string, now: string): void {
  prepared(
    db,
    'UPDATE correction_prompts SET settled_by = ?, settled_at = ? WHERE seq = ? AND settled_at IS NULL',
  ).run(by, now, seq);
}

/** How many offers are open per article, for the library. */
export function openPromptCounts(db: Db): Map<string, number> {
  const rows = prepared(
    db,
    'SELECT article_id, count(*) AS n FROM correction_prompts WHERE settled_at IS NULL GROUP BY article_id',
  ).all() as {
    article_id: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.article_id, r.n]));
}
