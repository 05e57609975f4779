import {
  dealChanges,
  quoteChanges,
  roleChanges,
  sourceRemoved,
  withMessage,
  type StaleChange,
  type StaleNotice,
  type StaleNoticeView,
} from '../shared/claims/stale';
import type { StaleClaim } from '../shared/contract/claims';
import type { AuditRecordType } from '../shared/contract/facts-types';
import type { ArticleStatus, ClaimStatus } from '../shared/domain/articles';
import type { Citation, Deal, FactType, Quote, Role } from '../shared/domain/facts';
import type { Actor } from './audit';
import type { Db } from './db';
import { prepared } from './prepared';

// Stale-claim alerts in the store: written in the same transaction as the fact change that
// causes them (records.ts calls noteFactChange), so a fact edit, a fact-pack import or a change
// arriving from the desk all flag the same claims, and no change is recorded without its alert.

interface RecheckRow {
  claim_id: string;
  fact_type: FactType;
  fact_id: string;
  fact_label: string;
  reason: StaleChange['reason'];
  before: string;
  after: string;
  changed_by: string;
  changed_at: string;
}

const label = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function entityName(db: Db, id: string): string {
  const row = prepared(db, 'SELECT name FROM entities WHERE id = ?').get(id) as { name: string } | undefined;
  return row?.name ?? id;
}

/** The words that name a fact in a sentence: a deal's subject, a quote's wording, a person's name. */
function factLabel(db: Db, type: FactType, id: string): string {
  const sql: Record<FactType, string> = {
    deal: 'SELECT subject AS l FROM deals WHERE id = ?',
    quote: 'SELECT wording AS l FROM quotes WHERE id = ?',
    entity: 'SELECT name AS l FROM entities WHERE id = ?',
    role: 'SELECT e.name AS l FROM roles r JOIN entities e ON e.id = r.person_id WHERE r.id = ?',
    source: 'SELECT title AS l FROM sources WHERE id = ?',
  };
  const row = prepared(db, sql[type]).get(id) as { l: string } | undefined;
  return label(row?.l ?? id);
}

function linkedClaims(db: Db, refs: readonly { type: FactType; id: string }[]): string[] {
  const ids = new Set<string>();
  for (const ref of refs) {
    const rows = prepared(db, 'SELECT DISTINCT claim_id FROM claim_links WHERE fact_type = ? AND fact_id = ?')
      .pluck()
      .all(ref.type, ref.id) as string[];
    for (const id of rows) ids.add(id);
  }
  return [...ids];
}

function flag(
  db: Db,
  claimIds: readonly string[],
  fact: { type: FactType; id: string; label: string },
  changes: readonly StaleChange[],
  actor: Actor,
  at: string,
): void {
  const insert = prepared(
    db,
    `INSERT INTO claim_rechecks (claim_id, fact_type, fact_id, fact_label, reason, before, after, changed_by, changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const claimId of claimIds) {
    for (const c of changes) {
      insert.run(
        claimId,
        fact.type,
        fact.id,
        fact.label,
        c.reason,
        JSON.stringify(c.before),
        JSON.stringify(c.after),
        actor.user,
        at,
      );
    }
  }
}

/**
 * Called for every update and delete of a fact record (inside its transaction). Finds what
 * changed in a way that matters to a claim and flags every claim linked to the fact.
 */
export function noteFactChange(
  db: Db,
  type: AuditRecordType,
  before: unknown,
  after: unknown,
  actor: Actor,
  at: string,
): void {
  switch (type) {
    case 'deal': {
      if (after === null) return;
      const changes = dealChanges(before as Deal, after as Deal);
      if (changes.length === 0) return;
      const deal = after as Deal;
      flag(
        db,
        linkedClaims(db, [{ type: 'deal', id: deal.id }]),
        { type: 'deal', id: deal.id, label: label(deal.subject) },
        changes,
        actor,
        at,
      );
      return;
    }
    case 'quote': {
      if (after === null) return;
      const changes = quoteChanges(before as Quote, after as Quote, (id) => entityName(db, id));
      if (changes.length === 0) return;
      const quote = before as Quote;
      flag(
        db,
        linkedClaims(db, [{ type: 'quote', id: quote.id }]),
        { type: 'quote', id: quote.id, label: label(quote.wording) },
        changes,
        actor,
        at,
      );
      return;
    }
    case 'role': {
      const role = before as Role;
      const changes = roleChanges(role, after as Role | null);
      if (changes.length === 0) return;
      // A role claim links the person it names (the link dialog searches people, not roles).
      const claims = linkedClaims(db, [
        { type: 'role', id: role.id },
        { type: 'entity', id: role.personId },
      ]);
      flag(
        db,
        claims,
        { type: 'role', id: role.id, label: label(entityName(db, role.personId)) },
        changes,
        actor,
        at,
      );
      return;
    }
    case 'citation': {
      const cit = before as Citation;
      const next = after as Citation | null;
      if (next !== null && next.sourceId === cit.sourceId && next.factId === cit.factId) return;
      const claims = linkedClaims(db, [{ type: cit.factType, id: cit.factId }]);
      if (claims.length === 0) return;
      const fact = { type: cit.factType, id: cit.factId, label: factLabel(db, cit.factType, cit.factId) };
      flag(db, claims, fact, [sourceRemoved(factLabel(db, 'source', cit.sourceId))], actor, at);
      return;
    }
    default:
      return;
  }
}

function toNotice(row: RecheckRow): StaleNoticeView {
  return withMessage({
    factType: row.fact_type,
    factId: row.fact_id,
    factLabel: row.fact_label,
    reason: row.reason,
    before: JSON.parse(row.before),
    after: JSON.parse(row.after),
    by: row.changed_by,
    at: row.changed_at,
  } as StaleNotice);
}

/** Open notices of one claim, oldest first. */
export function openRechecks(db: Db, claimId: string): StaleNoticeView[] {
  const rows = prepared(
    db,
    'SELECT * FROM claim_rechecks WHERE claim_id = ? AND resolved_at IS NULL ORDER BY seq',
  ).all(claimId) as RecheckRow[];
  return rows.map(toNotice);
}

/** Open notices of every claim of an article, by claim id. */
export function openRechecksByArticle(db: Db, articleId: string): Map<string, StaleNoticeView[]> {
  const rows = prepared(
    db,
    `SELECT r.* FROM claim_rechecks r JOIN claims c ON c.id = r.claim_id
     WHERE c.article_id = ? AND r.resolved_at IS NULL ORDER BY r.seq`,
  ).all(articleId) as RecheckRow[];
  const map = new Map<string, StaleNoticeView[]>();
  for (const row of rows) {
    const list = map.get(row.claim_id) ?? [];
    list.push(toNotice(row));
    map.set(row.claim_id, list);
  }
  return map;
}

/** Marks a claim's open notices as looked at; returns how many there were. */
export function resolveRechecks(db: Db, claimId: string, by: string, at: string): number {
  return prepared(
    db,
    'UPDATE claim_rechecks SET resolved_by = ?, resolved_at = ? WHERE claim_id = ? AND resolved_at IS NULL',
  ).run(by, at, claimId).changes;
}

/** Every claim with open notices, across articles (not those in the trash), newest change first per article. */
export function staleClaims(db: Db): StaleClaim[] {
  const rows = prepared(
    db,
    `SELECT r.*, c.text AS claim_text, c.status AS claim_status, c.in_text, a.id AS article_id, a.headline, a.status AS article_status
     FROM claim_rechecks r JOIN claims c ON c.id = r.claim_id JOIN articles a ON a.id = c.article_id
     WHERE r.resolved_at IS NULL AND a.trashed_at IS NULL
     ORDER BY a.updated_at DESC, a.id, c.seq, r.seq`,
  ).all() as (RecheckRow & {
    claim_text: string;
    claim_status: ClaimStatus;
    in_text: number;
    article_id: string;
    headline: string;
    article_status: ArticleStatus;
  })[];
  const byClaim = new Map<string, StaleClaim>();
  for (const row of rows) {
    let entry = byClaim.get(row.claim_id);
    if (!entry) {
      entry = {
        articleId: row.article_id,
        headline: row.headline,
        articleStatus: row.article_status,
        claimId: row.claim_id,
        claimText: row.claim_text,
        claimStatus: row.claim_status,
        inText: row.in_text === 1,
        notices: [],
      };
      byClaim.set(row.claim_id, entry);
    }
    entry.notices.push(toNotice(row));
  }
  return [...byClaim.values()];
}
