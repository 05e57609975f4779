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

export function appendChange(doc: Y.Doc, change: DeskFactChange): void {
  changesArray(doc).push([{ ...change, changes: change.changes.map((c: FieldChange) => ({ ...c })) }]);
}

/** Valid log entries from `from` on (entries a broken client wrote are skipped, with their count). */
export function readChanges(doc: Y.Doc, from = 0): { changes: DeskFactChange[]; invalid: number } {
  const all = changesArray(doc).toArray().slice(from);
  const changes: DeskFactChange[] = [];
  let invalid = 0;
  for (const entry of all) {
    const parsed = deskFactChange.safeParse(entry);
    if (parsed.success) changes.push(parsed.data);
    else invalid++;
  }
  return { changes, invalid };
}
