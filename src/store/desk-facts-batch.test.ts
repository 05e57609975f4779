import { describe, expect, it } from 'vitest';
import { writeAudit } from './audit';
import type { Db } from './db';
import { tempStores } from './tempStore.testing';
import {
  deskAuditCursor,
  markChangeSeen,
  pendingAuditEntries,
  setLocalOnly,
  writeDeskAudit,
} from './desk-facts';
import { localOnlyIds, markSharedMany, skipDeskAuditEntries, writeDeskAudits } from './desk-facts-batch';
import { isShared } from './desk-facts';

const newStore = tempStores('desk-batch');
const tempDb = () => newStore().db;

const auditRows = (db: Db) =>
  db
    .prepare(
      'SELECT record_type, record_id, action, user, at, before, after, via FROM audit_log ORDER BY seq',
    )
    .all();

const changes = [
  {
    id: 'c-1',
    recordId: 'd-rotheide',
    action: 'update' as const,
    changes: [{ field: 'amountMinor', before: 500_000_000, after: 650_000_000 }],
    by: 'Lena Kowalczyk',
    at: '2026-12-06T17:00:00.000Z',
  },
  {
    id: 'c-2',
    recordId: 'e-nordhafen',
    action: 'create' as const,
    changes: [],
    by: 'Erika Prüfer',
    at: '2026-12-06T17:01:00.000Z',
  },
  {
    id: 'c-3',
    recordId: 'q-1',
    action: 'delete' as const,
    changes: [],
    by: 'Jonas Brandt',
    at: '2026-12-06T17:02:00.000Z',
  },
];

describe('desk change-log entries into the audit log as one set', () => {
  it('writes what writeDeskAudit writes entry by entry, in order, and marks them seen', () => {
    const one = tempDb();
    const kinds = ['deal', 'entity', 'quote'] as const;
    changes.forEach((c, i) => writeDeskAudit(one, kinds[i], c));
    const set = tempDb();
    expect(
      writeDeskAudits(
        set,
        changes.map((c, i) => [kinds[i], c]),
      ),
    ).toBe(3);
    expect(auditRows(set)).toEqual(auditRows(one));
    // A second delivery of the same entries (and one already seen) writes nothing.
    expect(
      writeDeskAudits(
        set,
        changes.map((c, i) => [kinds[i], c]),
      ),
    ).toBe(0);
    const seen = tempDb();
    markChangeSeen(seen, 'c-2');
    expect(
      writeDeskAudits(
        seen,
        changes.map((c, i) => [kinds[i], c]),
      ),
    ).toBe(2);
  });
});

describe('shared and local marks for many records', () => {
  it('marks many records shared and finds the ones kept local', () => {
    const db = tempDb();
    markSharedMany(db, 'deal', ['d-1', 'd-2']);
    expect(isShared(db, 'deal', 'd-2')).toBe(true);
    expect(isShared(db, 'quote', 'd-2')).toBe(false);
    setLocalOnly(db, 'deal', 'd-3', true);
    expect([...localOnlyIds(db, 'deal', ['d-1', 'd-3'])]).toEqual(['d-3']);
    expect(localOnlyIds(db, 'quote', ['d-3']).size).toBe(0);
  });
});

describe('the push cursor', () => {
  it('moves past entries from the desk, and not past a local change', () => {
    const db = tempDb();
    const cursor = deskAuditCursor(db);
    writeAudit(db, 'deal', 'd-1', 'create', null, null, { user: 'Lena Kowalczyk', via: 'desk' }, 'x');
    writeAudit(db, 'deal', 'd-2', 'create', null, null, { user: 'Lena Kowalczyk', via: 'desk' }, 'x');
    const moved = skipDeskAuditEntries(db, cursor);
    expect(moved).toBeGreaterThan(cursor);
    expect(deskAuditCursor(db)).toBe(moved);
    writeAudit(db, 'deal', 'd-3', 'create', null, null, { user: 'Jonas Brandt', via: 'app' }, 'x');
    writeAudit(db, 'deal', 'd-4', 'create', null, null, { user: 'Lena Kowalczyk', via: 'desk' }, 'x');
    expect(skipDeskAuditEntries(db, moved)).toBe(moved);
    expect(pendingAuditEntries(db, moved).map((e) => e.recordId)).toEqual(['d-3']);
  });
});
