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
 * Change-log entries from the desk into the local audit log, each with its own author and time
 * (fields changed only, as writeDeskAudit writes one), skipping entries already there, and
 * marked as seen. Returns how many were written. Joining writes an entry per record (150,000
 * for the bench store): through three reused statements, with the log's index built once after
 * a set that doubles it, as for a fact import — half the CPU of one INSERT … SELECT over a JSON
 * text of them all, whose fields SQLite had to extract one by one.
 */
export function writeDeskAudits(db: Db, entries: readonly [DeskFactKind, DeskFactChange][]): number {
  if (entries.length === 0) return 0;
  const unique = new Map<string, [DeskFactKind, DeskFactChange]>();
  for (const entry of entries) if (!unique.has(entry[1].id)) unique.set(entry[1].id, entry);
  const seen = prepared(db, 'SELECT 1 FROM desk_fact_seen WHERE change_id = ?');
  const insert = prepared(
    db,
    `INSERT INTO audit_log (record_type, record_id, action, user, at, before, after, via)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'desk')`,
  );
  const mark = prepared(db, 'INSERT OR IGNORE INTO desk_fact_seen (change_id) VALUES (?)');
  return db.transaction((): number => {
    let written = 0;
    withIndexesDeferred(db, 'audit_log', unique.size, () => {
      for (const [type, c] of unique.values()) {
        if (seen.get(c.id) !== undefined) continue;
        const fields = (side: 'before' | 'after') =>
          c.action === 'update'
            ? JSON.stringify(Object.fromEntries(c.changes.map((f) => [f.field, f[side]])))
            : null;
        insert.run(type, c.recordId, c.action, c.by, c.at, fields('before'), fields('after'));
        written++;
      }
    });
    for (const id of unique.keys()) mark.run(id);
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
