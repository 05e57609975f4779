import type { AuditEntry, AuditRecordType } from '../shared/contract/facts-types';
import { auditRows } from './audit';
import type { Db } from './db';
import {
  citationTable,
  dealTable,
  entityTable,
  quoteTable,
  roleTable,
  sourceTable,
  type FactTable,
} from './fact-tables';
import { getRecord } from './records';

const TABLES: Record<AuditRecordType, FactTable<{ id: string }>> = {
  entity: entityTable as unknown as FactTable<{ id: string }>,
  role: roleTable as unknown as FactTable<{ id: string }>,
  deal: dealTable as unknown as FactTable<{ id: string }>,
  quote: quoteTable as unknown as FactTable<{ id: string }>,
  source: sourceTable as unknown as FactTable<{ id: string }>,
  citation: citationTable as unknown as FactTable<{ id: string }>,
};

/**
 * Every change to one record, oldest first, each with the record before and after it.
 * A create's `after` is the next change's `before`, or the record as it stands today.
 */
export function auditTrail(db: Db, type: AuditRecordType, id: string): AuditEntry[] {
  const entries = auditRows(db, type, id);
  entries.forEach((e, i) => {
    if (e.action !== 'create' || e.after !== null) return;
    const next = entries[i + 1];
    e.after = next ? next.before : getRecord(db, TABLES[type], id);
  });
  return entries;
}
