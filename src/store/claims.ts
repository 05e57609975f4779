import type { Db } from './db';
import type {
  Claim,
  ClaimKind,
  ClaimStatus,
  ClaimStatusChange,
  DismissedWarning,
} from '../shared/domain/articles';
import type { FactRef, FactType } from '../shared/domain/facts';
import type { ClaimContext } from '../shared/claims/context';

export interface StoredClaim extends Claim {
  context: ClaimContext;
}

interface ClaimRow {
  id: string;
  article_id: string;
  kind: ClaimKind;
  status: ClaimStatus;
  text: string;
  note: string;
  in_text: number;
  context: string;
  context_start: number;
  context_end: number;
  created_at: string;
  updated_at: string;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

// Fixed names, never from input: the table each fact type lives in.
const FACT_TABLES: Record<FactType, string> = {
  entity: 'entities',
  role: 'roles',
  deal: 'deals',
  quote: 'quotes',
  source: 'sources',
};

function prepare(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO claims (id, article_id, kind, status, text, note, in_text, context, context_start, context_end,
         created_by, created_at, updated_at)
       VALUES (@id, @articleId, @kind, 'unchecked', @text, '', 1, @context, @contextStart, @contextEnd,
         @createdBy, @now, @now)`,
    ),
    one: db.prepare('SELECT * FROM claims WHERE id = ?'),
    byArticle: db.prepare('SELECT * FROM claims WHERE article_id = ? ORDER BY seq'),
    history: db.prepare(
      'SELECT status, checker, at FROM claim_status_history WHERE claim_id = ? ORDER BY seq',
    ),
    historyByArticle: db.prepare(
      `SELECT h.claim_id, h.status, h.checker, h.at FROM claim_status_history h
       JOIN claims c ON c.id = h.claim_id WHERE c.article_id = ? ORDER BY h.seq`,
    ),
    addHistory: db.prepare(
      'INSERT INTO claim_status_history (claim_id, status, checker, at) VALUES (?, ?, ?, ?)',
    ),
    dismissed: db.prepare(
      'SELECT code, reason, checker, at FROM claim_dismissed_warnings WHERE claim_id = ? ORDER BY seq',
    ),
    dismissedByArticle: db.prepare(
      `SELECT d.claim_id, d.code, d.reason, d.checker, d.at FROM claim_dismissed_warnings d
       JOIN claims c ON c.id = d.claim_id WHERE c.article_id = ? ORDER BY d.seq`,
    ),
    dismiss: db.prepare(
      `INSERT INTO claim_dismissed_warnings (claim_id, code, reason, checker, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (claim_id, code) DO NOTHING`,
    ),
    links: db.prepare(
      'SELECT fact_type, fact_id, locator, excerpt FROM claim_links WHERE claim_id = ? ORDER BY rowid',
    ),
    linksByArticle: db.prepare(
      'SELECT claim_id, fact_type, fact_id, locator, excerpt FROM claim_links WHERE article_id = ? ORDER BY rowid',
    ),
    // Linking a fact again keeps the link; a passage given now replaces the earlier one.
    link: db.prepare(
      `INSERT INTO claim_links (claim_id, article_id, fact_type, fact_id, locator, excerpt) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (claim_id, fact_type, fact_id) DO UPDATE SET locator = coalesce(excluded.locator, locator),
         excerpt = CASE WHEN excluded.locator IS NULL THEN excerpt ELSE excluded.excerpt END`,
    ),
    unlink: db.prepare('DELETE FROM claim_links WHERE claim_id = ? AND fact_type = ? AND fact_id = ?'),
    setStatus: db.prepare('UPDATE claims SET status = ?, updated_at = ? WHERE id = ?'),
    setKind: db.prepare('UPDATE claims SET kind = ?, updated_at = ? WHERE id = ?'),
    setNote: db.prepare('UPDATE claims SET note = ?, updated_at = ? WHERE id = ?'),
    touch: db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?'),
    setPresence: db.prepare(
      `UPDATE claims SET in_text = @inText, text = @text, context = @context, context_start = @contextStart,
         context_end = @contextEnd, updated_at = @now WHERE id = @id`,
    ),
    setAbsent: db.prepare('UPDATE claims SET in_text = 0, updated_at = ? WHERE id = ?'),
    factExists: Object.fromEntries(
      Object.entries(FACT_TABLES).map(([type, table]) => [
        type,
        db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck(),
      ]),
    ) as Record<FactType, ReturnType<Db['prepare']>>,
  };
}

function stmts(db: Db) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

interface LinkRow {
  fact_type: FactType;
  fact_id: string;
  locator: string | null;
  excerpt: string | null;
}

/** A link carries a locator only when it has one, so plain links compare as { type, id }. */
function toRef(l: LinkRow): FactRef {
  return l.locator === null
    ? { type: l.fact_type, id: l.fact_id }
    : { type: l.fact_type, id: l.fact_id, locator: l.locator, excerpt: l.excerpt };
}

function toClaim(
  row: ClaimRow,
  history: ClaimStatusChange[],
  dismissed: DismissedWarning[],
  links: FactRef[],
): StoredClaim {
  return {
    id: row.id,
    articleId: row.article_id,
    kind: row.kind,
    status: row.status,
    text: row.text,
    note: row.note,
    links,
    inText: row.in_text === 1,
    history,
    dismissedWarnings: dismissed,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    context: { text: row.context, start: row.context_start, end: row.context_end },
  };
}

export function getClaim(db: Db, id: string): StoredClaim | null {
  const s = stmts(db);
  const row = s.one.get(id) as ClaimRow | undefined;
  if (!row) return null;
  const links = (s.links.all(id) as LinkRow[]).map(toRef);
  return toClaim(
    row,
    s.history.all(id) as ClaimStatusChange[],
    s.dismissed.all(id) as DismissedWarning[],
    links,
  );
}

/** Every claim of an article, marked or not, in the order they were created. */
export function listClaims(db: Db, articleId: string): StoredClaim[] {
  const s = stmts(db);
  const rows = s.byArticle.all(articleId) as ClaimRow[];
  const group = <T>(items: (T & { claim_id: string })[]) => {
    const map = new Map<string, T[]>();
    for (const { claim_id, ...rest } of items) {
      const list = map.get(claim_id) ?? [];
      list.push(rest as unknown as T);
      map.set(claim_id, list);
    }
    return map;
  };
  const history = group<ClaimStatusChange>(
    s.historyByArticle.all(articleId) as (ClaimStatusChange & { claim_id: string })[],
  );
  const dismissed = group<DismissedWarning>(
    s.dismissedByArticle.all(articleId) as (DismissedWarning & { claim_id: string })[],
  );
  const links = new Map<string, FactRef[]>();
  for (const l of s.linksByArticle.all(articleId) as (LinkRow & { claim_id: string })[]) {
    const list = links.get(l.claim_id) ?? [];
    list.push(toRef(l));
    links.set(l.claim_id, list);
  }
  return rows.map((row) =>
    toClaim(row, history.get(row.id) ?? [], dismissed.get(row.id) ?? [], links.get(row.id) ?? []),
  );
}

export interface NewClaim {
  id: string;
  articleId: string;
  kind: ClaimKind;
  text: string;
  context: ClaimContext;
}

/** Stores a new claim as "unchecked" and records who marked it as the first history entry. */
export function insertClaim(db: Db, claim: NewClaim, user: string, now: string): StoredClaim {
  const s = stmts(db);
  db.transaction(() => {
    s.insert.run({
      id: claim.id,
      articleId: claim.articleId,
      kind: claim.kind,
      text: claim.text,
      context: claim.context.text,
      contextStart: claim.context.start,
      contextEnd: claim.context.end,
      createdBy: user,
      now,
    });
    s.addHistory.run(claim.id, 'unchecked', user, now);
  })();
  return getClaim(db, claim.id)!;
}

export function claimIdTaken(db: Db, id: string): boolean {
  return stmts(db).one.get(id) !== undefined;
}

export function factExists(db: Db, ref: FactRef): boolean {
  return stmts(db).factExists[ref.type].get(ref.id) !== undefined;
}

/** Records a status change with the checker and time; setting the same status again is still recorded (a re-check). */
export function setClaimStatus(db: Db, id: string, status: ClaimStatus, checker: string, now: string): void {
  const s = stmts(db);
  db.transaction(() => {
    s.setStatus.run(status, now, id);
    s.addHistory.run(id, status, checker, now);
  })();
}

export function updateClaimFields(
  db: Db,
  id: string,
  patch: { kind?: ClaimKind; note?: string },
  now: string,
): void {
  const s = stmts(db);
  db.transaction(() => {
    const before = s.one.get(id) as ClaimRow;
    if (patch.kind !== undefined && patch.kind !== before.kind) s.setKind.run(patch.kind, now, id);
    if (patch.note !== undefined && patch.note !== before.note) s.setNote.run(patch.note, now, id);
  })();
}

export function linkFacts(db: Db, claimId: string, articleId: string, refs: FactRef[], now: string): void {
  const s = stmts(db);
  db.transaction(() => {
    for (const ref of refs)
      s.link.run(
        claimId,
        articleId,
        ref.type,
        ref.id,
        ref.locator || null,
        ref.locator ? (ref.excerpt ?? null) : null,
      );
    s.touch.run(now, claimId);
  })();
}

export function unlinkFact(db: Db, claimId: string, ref: FactRef, now: string): boolean {
  const s = stmts(db);
  return db.transaction(() => {
    const removed = s.unlink.run(claimId, ref.type, ref.id).changes > 0;
    if (removed) s.touch.run(now, claimId);
    return removed;
  })();
}

/** Keeps the first reason given for a warning: a dismissal is part of the record and is never rewritten. */
export function dismissWarning(
  db: Db,
  claimId: string,
  code: string,
  reason: string,
  checker: string,
  now: string,
): boolean {
  const s = stmts(db);
  return db.transaction(() => {
    const added = s.dismiss.run(claimId, code, reason, checker, now).changes > 0;
    if (added) s.touch.run(now, claimId);
    return added;
  })();
}

export interface MarkPresence {
  id: string;
  text: string;
  context: ClaimContext;
}

export interface PresenceChange {
  /** Claims whose marks are in the text now but were not before (e.g. brought back by undo). */
  returned: string[];
  /** Claims whose marks left the text. */
  removed: string[];
  /** Mark ids that are no claim of this article (pasted from elsewhere). */
  unknown: string[];
}

/**
 * Brings `in_text`, text and context in line with the marks the editor holds now. Claims missing
 * from `present` are kept and only flagged as removed from the text, so undo can bring them back
 * with everything recorded on them.
 */
export function syncPresence(
  db: Db,
  articleId: string,
  present: MarkPresence[],
  now: string,
): PresenceChange {
  const s = stmts(db);
  return db.transaction((): PresenceChange => {
    const rows = new Map((s.byArticle.all(articleId) as ClaimRow[]).map((r) => [r.id, r]));
    const change: PresenceChange = { returned: [], removed: [], unknown: [] };
    const seen = new Set<string>();
    for (const mark of present) {
      const row = rows.get(mark.id);
      if (!row) {
        change.unknown.push(mark.id);
        continue;
      }
      seen.add(mark.id);
      const same =
        row.in_text === 1 &&
        row.text === mark.text &&
        row.context === mark.context.text &&
        row.context_start === mark.context.start &&
        row.context_end === mark.context.end;
      if (same) continue;
      if (row.in_text === 0) change.returned.push(mark.id);
      s.setPresence.run({
        id: mark.id,
        inText: 1,
        text: mark.text,
        context: mark.context.text,
        contextStart: mark.context.start,
        contextEnd: mark.context.end,
        now,
      });
    }
    for (const row of rows.values()) {
      if (row.in_text === 1 && !seen.has(row.id)) {
        s.setAbsent.run(now, row.id);
        change.removed.push(row.id);
      }
    }
    return change;
  })();
}
