import type { DeskFactChange } from '../shared/desk/fact-changes';
import type { DeskFactKind } from '../shared/desk/names';
import type { AuditEntry } from '../shared/contract/facts-types';
import { writeAudit, type Actor } from './audit';
import { withIndexesDeferred } from './bulk-indexes';
import { linkedArticles, describeArticles } from './claim-links';
import type { Db } from './db';
import { markSharedMany } from './desk-facts-batch';
import {
  citationTable,
  dealTable,
  entityTable,
  quoteTable,
  roleTable,
  sourceTable,
  type FactTable,
} from './fact-tables';
import { prepared } from './prepared';
import { deleteRecord, getRecord, getRecords, insertRecord, sameRecord, updateRecord } from './records';

// The local side of the desk's shared fact store: which facts are shared or kept local, how
// far the local audit log has been pushed, and writes of records that arrive from the desk.

type AnyTable = FactTable<{ id: string }>;
export const DESK_TABLES: Record<DeskFactKind, AnyTable> = {
  entity: entityTable as unknown as AnyTable,
  role: roleTable as unknown as AnyTable,
  deal: dealTable as unknown as AnyTable,
  quote: quoteTable as unknown as AnyTable,
  source: sourceTable as unknown as AnyTable,
  citation: citationTable as unknown as AnyTable,
};

/** Order in which records can be written (what they refer to first); deletes go the other way. */
export const DESK_WRITE_ORDER: readonly DeskFactKind[] = [
  'entity',
  'source',
  'role',
  'quote',
  'deal',
  'citation',
];

export interface PendingAuditEntry {
  seq: number;
  recordType: DeskFactKind;
  recordId: string;
  action: AuditEntry['action'];
  user: string;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Where pushing starts: the stored cursor, or (first time) the end of the log, so joining shares nothing unasked. */
export function deskAuditCursor(db: Db): number {
  const row = prepared(db, 'SELECT audit_cursor FROM desk_fact_sync WHERE id = 1').get() as
    { audit_cursor: number } | undefined;
  if (row) return row.audit_cursor;
  const end = (prepared(db, 'SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number) ?? 0;
  prepared(db, 'INSERT INTO desk_fact_sync (id, audit_cursor) VALUES (1, ?)').run(end);
  return end;
}

export function setDeskAuditCursor(db: Db, cursor: number): void {
  prepared(
    db,
    'INSERT INTO desk_fact_sync (id, audit_cursor) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET audit_cursor = excluded.audit_cursor',
  ).run(cursor);
}

/** Local changes after the cursor that did not come from the desk, oldest first. */
export function pendingAuditEntries(db: Db, after: number, limit = 5000): PendingAuditEntry[] {
  const rows = prepared(
    db,
    `SELECT seq, record_type, record_id, action, user, at, before, after FROM audit_log
     WHERE seq > ? AND (via IS NULL OR via <> 'desk') ORDER BY seq LIMIT ?`,
  ).all(after, limit) as {
    seq: number;
    record_type: DeskFactKind;
    record_id: string;
    action: AuditEntry['action'];
    user: string;
    at: string;
    before: string | null;
    after: string | null;
  }[];
  return rows.map((r) => ({
    seq: r.seq,
    recordType: r.record_type,
    recordId: r.record_id,
    action: r.action,
    user: r.user,
    at: r.at,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}

export function isLocalOnly(db: Db, type: DeskFactKind, id: string): boolean {
  return (
    prepared(db, 'SELECT 1 FROM desk_fact_local WHERE record_type = ? AND record_id = ?').get(type, id) !==
    undefined
  );
}

/** "Keep local (not shared)" on or off for one fact. */
export function setLocalOnly(db: Db, type: DeskFactKind, id: string, local: boolean): void {
  if (local)
    prepared(db, 'INSERT OR IGNORE INTO desk_fact_local (record_type, record_id) VALUES (?, ?)').run(
      type,
      id,
    );
  else prepared(db, 'DELETE FROM desk_fact_local WHERE record_type = ? AND record_id = ?').run(type, id);
}

export function markShared(db: Db, type: DeskFactKind, id: string): void {
  prepared(db, 'INSERT OR IGNORE INTO desk_fact_shared (record_type, record_id) VALUES (?, ?)').run(type, id);
}

export function unmarkShared(db: Db, type: DeskFactKind, id: string): void {
  prepared(db, 'DELETE FROM desk_fact_shared WHERE record_type = ? AND record_id = ?').run(type, id);
}

export function isShared(db: Db, type: DeskFactKind, id: string): boolean {
  return (
    prepared(db, 'SELECT 1 FROM desk_fact_shared WHERE record_type = ? AND record_id = ?').get(type, id) !==
    undefined
  );
}

export function sharedIds(db: Db, type: DeskFactKind): string[] {
  return prepared(db, 'SELECT record_id FROM desk_fact_shared WHERE record_type = ? ORDER BY record_id')
    .pluck()
    .all(type) as string[];
}

export function changeSeen(db: Db, changeId: string): boolean {
  return prepared(db, 'SELECT 1 FROM desk_fact_seen WHERE change_id = ?').get(changeId) !== undefined;
}

export function markChangeSeen(db: Db, changeId: string): void {
  prepared(db, 'INSERT OR IGNORE INTO desk_fact_seen (change_id) VALUES (?)').run(changeId);
}

export function localRecord(db: Db, type: DeskFactKind, id: string): { id: string } | null {
  return getRecord(db, DESK_TABLES[type], id);
}

export type DeskWrite = 'created' | 'updated' | 'unchanged';

/**
 * Writes a record that arrived from the desk (already validated) with its search index; stale
 * claims are flagged as for any change. No audit entry: that comes from the change log.
 * Throws when the database refuses it (a reference not here yet); the caller retries later.
 */
export function applyDeskRecord(
  db: Db,
  type: DeskFactKind,
  record: { id: string },
  actor: Actor,
  at: string,
): DeskWrite {
  const t = DESK_TABLES[type];
  return db.transaction((): DeskWrite => {
    const before = getRecord(db, t, record.id);
    if (type === 'citation') {
      const c = record as unknown as { factType: DeskFactKind; factId: string };
      if (!getRecord(db, DESK_TABLES[c.factType], c.factId))
        throw new Error(`${c.factType} ${c.factId} is not here yet`);
    }
    if (!before) {
      insertRecord(db, t, record, actor, at, false);
      markShared(db, type, record.id);
      return 'created';
    }
    markShared(db, type, record.id);
    if (sameRecord(t, before, record)) return 'unchanged';
    updateRecord(db, t, before, record, actor, at, false);
    return 'updated';
  })();
}

export function hasLocalRecord(db: Db, type: DeskFactKind, id: string): boolean {
  return prepared(db, `SELECT 1 FROM ${DESK_TABLES[type].table} WHERE id = ?`).get(id) !== undefined;
}

/**
 * Records new to this machine written in one go (joining a desk): rows, search index and shared
 * marks without a savepoint and a read per record, the shared marks as one set. A batch that at
 * least doubles its table goes in with the table's plain indexes built once after it, as a fact
 * import does (bulk-indexes.ts). All or nothing: throws, having written none, when one is
 * refused (a reference not here yet); the caller then takes them one by one.
 */
export function insertDeskRecords(
  db: Db,
  type: DeskFactKind,
  records: readonly { id: string }[],
  stamp: (id: string) => { actor: Actor; at: string },
): void {
  const t = DESK_TABLES[type];
  db.transaction(() => {
    withIndexesDeferred(db, t.table, records.length, () => {
      for (const record of records) {
        if (type === 'citation') {
          const c = record as unknown as { factType: DeskFactKind; factId: string };
          if (!hasLocalRecord(db, c.factType, c.factId))
            throw new Error(`${c.factType} ${c.factId} is not here yet`);
        }
        const { actor, at } = stamp(record.id);
        insertRecord(db, t, record, actor, at, false);
      }
    });
    markSharedMany(
      db,
      type,
      records.map((r) => r.id),
    );
  })();
}

/**
 * Deletes a record the desk no longer has. A fact that claims here link to is kept (and
 * reported with the articles), so no article loses its evidence silently.
 */
export function removeDeskRecord(
  db: Db,
  type: DeskFactKind,
  id: string,
  actor: Actor,
  at: string,
): { removed: boolean; refusal?: string } {
  const t = DESK_TABLES[type];
  const record = getRecord(db, t, id);
  if (!record) {
    unmarkShared(db, type, id);
    return { removed: false };
  }
  if (type !== 'citation') {
    const articles = linkedArticles(db, type, id);
    if (articles.length > 0)
      return {
        removed: false,
        refusal: `${type} ${id} is kept: claims in ${describeArticles(articles)} link to it`,
      };
  }
  db.transaction(() => {
    deleteRecord(db, t, record, actor, at, false);
    unmarkShared(db, type, id);
  })();
  return { removed: true };
}

/** One desk change in the local audit log, with its author and time (fields changed only). */
export function writeDeskAudit(db: Db, type: DeskFactKind, change: DeskFactChange): void {
  const before =
    change.action === 'update' ? Object.fromEntries(change.changes.map((c) => [c.field, c.before])) : null;
  const after =
    change.action === 'update' ? Object.fromEntries(change.changes.map((c) => [c.field, c.after])) : null;
  writeAudit(
    db,
    type,
    change.recordId,
    change.action,
    before,
    after,
    { user: change.by, via: 'desk' },
    change.at,
  );
  markChangeSeen(db, change.id);
}

/**
 * Every shared fact record in a stable order, without local row numbers and times (facts kept
 * local are left out): equal on every member of a desk once all changes have arrived.
 */
export function canonicalFactDump(db: Db): Record<DeskFactKind, unknown[]> {
  const out = {} as Record<DeskFactKind, unknown[]>;
  for (const type of DESK_WRITE_ORDER) {
    const t = DESK_TABLES[type];
    out[type] = getRecords(
      db,
      t,
      `WHERE NOT EXISTS (SELECT 1 FROM desk_fact_local l WHERE l.record_type = ? AND l.record_id = ${t.table}.id) ORDER BY id`,
      [type],
    );
  }
  return out;
}

/** The audit log as (record, action, author, time), sorted: what every member must agree on. */
export function canonicalAuditDump(db: Db): string[] {
  const rows = prepared(db, 'SELECT record_type, record_id, action, user, at FROM audit_log').all() as Record<
    string,
    string
  >[];
  return rows.map((r) => `${r.record_type}:${r.record_id} ${r.action} ${r.user} ${r.at}`).sort();
}
