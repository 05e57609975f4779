import type { FactSet } from '../shared/desk/duplicates';
import type { DeskFactKind } from '../shared/desk/names';
import type { Deal, Entity, Quote } from '../shared/domain/facts';
import type { Actor } from './audit';
import { deskAuditCursor, DESK_TABLES, DESK_WRITE_ORDER } from './desk-facts';
import type { Db } from './db';
import { prepared } from './prepared';
import { deleteRecord, getRecord, getRecords, updateRecord } from './records';

// Joining a desk with facts of one's own: which local facts are not on the desk yet, merging a
// local duplicate into the desk's record, and asking the sync to share the rest.

/** Local facts not on the desk and not kept local, of one kind. */
export function unsharedIds(db: Db, type: DeskFactKind): string[] {
  const table = DESK_TABLES[type].table;
  return prepared(
    db,
    `SELECT id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM desk_fact_shared s WHERE s.record_type = ? AND s.record_id = t.id)
       AND NOT EXISTS (SELECT 1 FROM desk_fact_local l WHERE l.record_type = ? AND l.record_id = t.id) ORDER BY id`,
  )
    .pluck()
    .all(type, type) as string[];
}

function factSet(db: Db, shared: boolean): FactSet {
  const where = (type: DeskFactKind) =>
    `WHERE ${shared ? '' : 'NOT '}EXISTS (SELECT 1 FROM desk_fact_shared s WHERE s.record_type = '${type}' AND s.record_id = ${DESK_TABLES[type].table}.id)` +
    (shared
      ? ''
      : ` AND NOT EXISTS (SELECT 1 FROM desk_fact_local l WHERE l.record_type = '${type}' AND l.record_id = ${DESK_TABLES[type].table}.id)`);
  return {
    entities: getRecords(db, DESK_TABLES.entity, where('entity')) as unknown as Entity[],
    deals: getRecords(db, DESK_TABLES.deal, where('deal')) as unknown as Deal[],
    quotes: getRecords(db, DESK_TABLES.quote, where('quote')) as unknown as Quote[],
  };
}

/** The local facts not yet shared, and the desk's (mirrored here), for duplicate matching. */
export function joinFactSets(db: Db): { local: FactSet; desk: FactSet; unshared: number } {
  const unshared = DESK_WRITE_ORDER.reduce((n, type) => n + unsharedIds(db, type).length, 0);
  return { local: factSet(db, false), desk: factSet(db, true), unshared };
}

// Where each kind is referred to: table, column (all fixed names).
const REFERENCES: Record<'entity' | 'deal' | 'quote', { type: DeskFactKind; field: string }[]> = {
  entity: [
    { type: 'deal', field: 'payerId' },
    { type: 'deal', field: 'payeeId' },
    { type: 'deal', field: 'reportedById' },
    { type: 'quote', field: 'speakerId' },
    { type: 'role', field: 'personId' },
    { type: 'role', field: 'organisationId' },
    { type: 'citation', field: 'factId' },
  ],
  deal: [{ type: 'citation', field: 'factId' }],
  quote: [
    { type: 'quote', field: 'translationOfId' },
    { type: 'citation', field: 'factId' },
  ],
};

/**
 * Folds a local duplicate into the desk's record: every fact and claim that referred to the
 * local one refers to the desk's, then the local one goes (all audited, in one transaction).
 */
export function mergeIntoDeskRecord(
  db: Db,
  kind: 'entity' | 'deal' | 'quote',
  localId: string,
  deskId: string,
  actor: Actor,
): void {
  db.transaction(() => {
    const local = getRecord(db, DESK_TABLES[kind], localId);
    if (!local || !getRecord(db, DESK_TABLES[kind], deskId)) return;
    for (const ref of REFERENCES[kind]) {
      const t = DESK_TABLES[ref.type];
      const column = t.columns.find(([k]) => k === ref.field)![1];
      const extra = ref.type === 'citation' ? ` AND fact_type = '${kind}'` : '';
      for (const before of getRecords(db, t, `WHERE ${column} = ?${extra}`, [localId])) {
        updateRecord(db, t, before, { ...before, [ref.field]: deskId }, actor);
      }
    }
    prepared(db, 'UPDATE OR IGNORE claim_links SET fact_id = ? WHERE fact_type = ? AND fact_id = ?').run(
      deskId,
      kind,
      localId,
    );
    prepared(db, 'DELETE FROM claim_links WHERE fact_type = ? AND fact_id = ?').run(kind, localId);
    deleteRecord(db, DESK_TABLES[kind], local, actor);
  })();
}

export function requestShare(db: Db): void {
  deskAuditCursor(db);
  prepared(db, 'UPDATE desk_fact_sync SET share_requested = 1 WHERE id = 1').run();
}

/** True once, when sharing was asked for; the sync then shares every unshared fact. */
export function takeShareRequest(db: Db): boolean {
  return (
    prepared(db, 'UPDATE desk_fact_sync SET share_requested = 0 WHERE id = 1 AND share_requested = 1').run()
      .changes > 0
  );
}
