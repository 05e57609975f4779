import type { AuditEntry, AuditRecordType } from '../shared/contract/facts-types';
import type { Db } from './db';
import { prepared } from './prepared';

/** Who makes a change and through what (the app, the CLI, a fact pack). */
export interface Actor {
  user: string;
  via?: string | null;
}

/**
 * Records one change. A create stores no copy of the new record: it is the `before` of the
 * record's next change, or the record as it is now, and auditTrail fills it in from there.
 * Bulk imports write 150,000 creates at a time, and the copy was a third of their cost.
 */
export function writeAudit(
  db: Db,
  type: AuditRecordType,
  id: string,
  action: AuditEntry['action'],
  before: unknown,
  after: unknown,
  actor: Actor,
  at: string,
): void {
  prepared(
    db,
    `INSERT INTO audit_log (record_type, record_id, action, user, at, before, after, via)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    type,
    id,
    action,
    actor.user,
    at,
    before === null ? null : JSON.stringify(before),
    after === null || action === 'create' ? null : JSON.stringify(after),
    actor.via ?? null,
  );
}

/** The "create" entries of many records of one type as one statement (bulk imports); each is what writeAudit writes for a create. */
export function writeCreateAudits(
  db: Db,
  type: AuditRecordType,
  ids: readonly string[],
  actor: Actor,
  at: string,
): void {
  prepared(
    db,
    `INSERT INTO audit_log (record_type, record_id, action, user, at, before, after, via)
     SELECT ?, value, 'create', ?, ?, NULL, NULL, ? FROM json_each(?) ORDER BY key`,
  ).run(type, actor.user, at, actor.via ?? null, JSON.stringify(ids));
}

interface AuditRow {
  seq: number;
  record_type: AuditRecordType;
  record_id: string;
  action: AuditEntry['action'];
  user: string;
  at: string;
  before: string | null;
  after: string | null;
  via: string | null;
}

/** The stored entries of one record, oldest first (a create's `after` is not stored; see audit-trail.ts). */
export function auditRows(db: Db, type: AuditRecordType, id: string): AuditEntry[] {
  const rows = prepared(
    db,
    'SELECT * FROM audit_log WHERE record_type = ? AND record_id = ? ORDER BY seq',
  ).all(type, id) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    recordType: r.record_type,
    recordId: r.record_id,
    action: r.action,
    user: r.user,
    at: r.at,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    via: r.via,
  }));
}
