import type { DeskFactChange } from '../shared/desk/fact-changes';
import type { DeskFactKind } from '../shared/desk/names';
import { withIndexesDeferred } from './bulk-indexes';
import type { Db } from './db';
import { prepared } from './prepared';

// Set-at-a-time writes for the desk's mirror: a member joining a desk of 150,000 records must
// not pay three statements per record for the shared marks, the local-only checks and the
// audit entries that the change log brings.

/** Of the given ids, those kept local here ("not shared"), in one query. */
export function localOnlyIds(db: Db, type: DeskFactKind, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = prepared(
    db,
    `SELECT record_id FROM desk_fact_local WHERE record_type = ? AND record_id IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .all(type, JSON.stringify(ids)) as string[];
  return new Set(rows);
}

/** Marks records as known to be on the desk, in one statement. */
export function markSharedMany(db: Db, type: DeskFactKind, ids: readonly string[]): void {
  if (ids.length === 0) return;
  prepared(
    db,
    'INSERT OR IGNORE INTO desk_fact_shared (record_type, record_id) SELECT ?, value FROM json_each(?)',
  ).run(type, JSON.stringify(ids));
}

/**
 * Change-log entries from the desk into the local audit log as one set, each with its own
 * author and time (fields changed only, as writeDeskAudit writes one), skipping entries already
 * there, and marked as seen. Returns how many were written.
 */
export function writeDeskAudits(db: Db, entries: readonly [DeskFactKind, DeskFactChange][]): number {
  if (entries.length === 0) return 0;
  const unique = new Map<string, [DeskFactKind, DeskFactChange]>();
  for (const entry of entries) if (!unique.has(entry[1].id)) unique.set(entry[1].id, entry);
  const rows = [...unique.values()].map(([type, c]) => {
    const fields = (side: 'before' | 'after') =>
      c.action === 'update'
        ? JSON.stringify(Object.fromEntries(c.changes.map((f) => [f.field, f[side]])))
        : null;
    return {
      c: c.id,
      t: type,
      r: c.recordId,
      a: c.action,
      u: c.by,
      at: c.at,
      b: fields('before'),
      f: fields('after'),
    };
  });
  const json = JSON.stringify(rows);
  return db.transaction((): number => {
    let written = 0;
    // Joining writes an entry per record: the log's index is built once after a set that doubles it, as for a fact import.
    withIndexesDeferred(db, 'audit_log', rows.length, () => {
      written = prepared(
        db,
        `INSERT INTO audit_log (record_type, record_id, action, user, at, before, after, via)
         SELECT value ->> '$.t', value ->> '$.r', value ->> '$.a', value ->> '$.u', value ->> '$.at',
                value ->> '$.b', value ->> '$.f', 'desk'
         FROM json_each(?)
         WHERE NOT EXISTS (SELECT 1 FROM desk_fact_seen s WHERE s.change_id = value ->> '$.c')
         ORDER BY key`,
      ).run(json).changes;
    });
    prepared(
      db,
      `INSERT OR IGNORE INTO desk_fact_seen (change_id) SELECT value ->> '$.c' FROM json_each(?)`,
    ).run(json);
    return written;
  })();
}

/**
 * Moves the push cursor past the desk's own entries when nothing local waits: otherwise every
 * round would scan every mirrored entry after it again (150,000 after joining a large desk).
 * Reads and moves in one transaction, so an entry another process commits meanwhile stays after it.
 */
export function skipDeskAuditEntries(db: Db, cursor: number): number {
  return db.transaction((): number => {
    const local = prepared(
      db,
      `SELECT 1 FROM audit_log WHERE seq > ? AND (via IS NULL OR via <> 'desk') LIMIT 1`,
    ).get(cursor);
    if (local) return cursor;
    const end = (prepared(db, 'SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number) ?? 0;
    if (end <= cursor) return cursor;
    prepared(db, 'UPDATE desk_fact_sync SET audit_cursor = ? WHERE id = 1').run(end);
    return end;
  })();
}
