import * as Y from 'yjs';
import { z } from 'zod';
import type { FieldChange } from './fact-records';

/**
 * The change log of a facts document: one entry per create, update or delete, with author and
 * time. When two members change the same field at once, Yjs keeps one value everywhere — the log
 * keeps both edits, so every member's local audit log shows both with their authors and times.
 */
export const FACT_CHANGES_ARRAY = 'changes';

export const deskFactChange = z
  .object({
    /** Unique per change (author's client id + counter or a UUID): local audit logs skip ones they already hold. */
    id: z.string().min(1).max(100),
    recordId: z.string().min(1).max(100),
    action: z.enum(['create', 'update', 'delete']),
    changes: z
      .array(z.object({ field: z.string().max(60), before: z.unknown(), after: z.unknown() }).strict())
      .max(40),
    by: z.string().min(1).max(120),
    at: z.string().min(10).max(40),
  })
  .strict();
export type DeskFactChange = z.output<typeof deskFactChange>;

export function changesArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(FACT_CHANGES_ARRAY);
}

/** Whether a transaction deleted entries of the document's change log (the desk pruning it). */
export function deletesChanges(tr: Y.Transaction, doc: Y.Doc): boolean {
  if (tr.deleteSet.clients.size === 0) return false;
  const log = changesArray(doc);
  let found = false;
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (struct instanceof Y.Item && struct.parent === log) found = true;
  });
  return found;
}

export function appendChange(doc: Y.Doc, change: DeskFactChange): void {
  appendChanges(doc, [change]);
}

/**
 * Several entries in one push: one Yjs item for all of them rather than one each (sharing a
 * store writes an entry per record, and every member decodes them on joining).
 */
export function appendChanges(doc: Y.Doc, changes: readonly DeskFactChange[]): void {
  if (changes.length === 0) return;
  changesArray(doc).push(
    changes.map((c) => ({ ...c, changes: c.changes.map((f: FieldChange) => ({ ...f })) })),
  );
}

const ACTIONS: readonly unknown[] = ['create', 'update', 'delete'];
const ENTRY_KEYS = new Set(['id', 'recordId', 'action', 'changes', 'by', 'at']);
const FIELD_KEYS = new Set(['field', 'before', 'after']);
const text = (v: unknown, min: number, max: number) =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const plain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The common case of `deskFactChange` checked without zod: a member joining a large desk reads
 * one entry per record, and the schema's parse cost more than everything else done with it.
 * Never accepts what the schema refuses (the test compares both); what it refuses goes to the schema.
 */
export function isPlainDeskFactChange(v: unknown): v is DeskFactChange {
  if (!plain(v)) return false;
  for (const key in v) if (!ENTRY_KEYS.has(key)) return false;
  if (!text(v.id, 1, 100) || !text(v.recordId, 1, 100) || !ACTIONS.includes(v.action)) return false;
  if (!text(v.by, 1, 120) || !text(v.at, 10, 40)) return false;
  const changes = v.changes;
  if (!Array.isArray(changes) || changes.length > 40) return false;
  for (const c of changes) {
    if (!plain(c) || !text(c.field, 0, 60) || !('before' in c) || !('after' in c)) return false;
    for (const key in c) if (!FIELD_KEYS.has(key)) return false;
  }
  return true;
}

/**
 * Valid log entries, leaving out the ones whose id is in `read` (already taken) before checking
 * them; entries a broken client wrote are skipped, with their count.
 */
export function readChanges(
  doc: Y.Doc,
  read: ReadonlySet<string> = new Set(),
): { changes: DeskFactChange[]; invalid: number } {
  const changes: DeskFactChange[] = [];
  let invalid = 0;
  for (const entry of changesArray(doc).toArray()) {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && read.has(id)) continue;
    if (isPlainDeskFactChange(entry)) {
      changes.push(entry);
      continue;
    }
    const parsed = deskFactChange.safeParse(entry);
    if (parsed.success) changes.push(parsed.data);
    else invalid++;
  }
  return { changes, invalid };
}
