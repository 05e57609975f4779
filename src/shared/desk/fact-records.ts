import * as Y from 'yjs';
import type { z } from 'zod';
import type { Citation, Deal, Entity, Quote, Role, Source } from '../domain/facts';
import { packCitation, packDeal, packEntity, packQuote, packRole, packSource } from '../factpack/schema';
import { describeIssues, type PackProblem } from '../factpack/problems';
import { factDocNameFor, type DeskFactKind } from './names';

/**
 * How fact records live in the desk's `facts/<kind>/<bucket>` documents: the Y.Map
 * FACT_RECORDS_MAP holds recordId → Y.Map(field → value). Fields are separate entries, so two
 * people changing different fields of one record both keep their change; the same field
 * converges on one value everywhere (Yjs' rule), and the change log (FACT_CHANGES_ARRAY, see
 * fact-changes.ts) keeps both edits for every machine's audit log.
 */
export const FACT_RECORDS_MAP = 'records';

export interface DeskFactRecords {
  entity: Entity;
  role: Role;
  deal: Deal;
  quote: Quote;
  source: Source;
  citation: Citation;
}
export type DeskFactRecord = DeskFactRecords[DeskFactKind];

/** Every field of each kind except the id (the id is the key in FACT_RECORDS_MAP). */
export const DESK_FACT_FIELDS: {
  [K in DeskFactKind]: readonly (Exclude<keyof DeskFactRecords[K], 'id'> & string)[];
} = {
  entity: ['kind', 'name', 'aliases', 'note'],
  role: ['personId', 'title', 'organisationId', 'from', 'to'],
  deal: [
    'kind',
    'payerId',
    'payeeId',
    'subject',
    'amountMinor',
    'amountMaxMinor',
    'currency',
    'precision',
    'dateFrom',
    'dateTo',
    'status',
    'reportedById',
    'notes',
  ],
  quote: [
    'speakerId',
    'roleAtTime',
    'wording',
    'language',
    'date',
    'occasion',
    'translationOfId',
    'status',
    'notes',
  ],
  source: ['kind', 'title', 'publisher', 'url', 'publishedAt', 'accessedAt', 'notes', 'fileHash', 'fileName'],
  citation: ['factType', 'factId', 'sourceId', 'locator', 'excerpt'],
};

// The fact pack's record schemas: a record from the desk passes the same field rules as one from a file.
const SCHEMAS: Record<DeskFactKind, z.ZodType> = {
  entity: packEntity,
  role: packRole,
  deal: packDeal,
  quote: packQuote,
  source: packSource,
  citation: packCitation,
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The records map of a facts document. */
export function recordsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(FACT_RECORDS_MAP);
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Writes a record into its document, touching only the fields that differ, and returns what
 * changed (empty when nothing did). Call inside `doc.transact` to send one update.
 */
export function writeRecord<K extends DeskFactKind>(
  doc: Y.Doc,
  kind: K,
  record: DeskFactRecords[K],
): FieldChange[] {
  const map = recordsMap(doc);
  let entry = map.get(record.id);
  const changes: FieldChange[] = [];
  if (!(entry instanceof Y.Map)) {
    entry = new Y.Map<unknown>();
    map.set(record.id, entry);
  }
  const fields = DESK_FACT_FIELDS[kind] as readonly string[];
  const values = record as unknown as Record<string, unknown>;
  for (const field of fields) {
    const after = values[field] ?? null;
    const before = entry.has(field) ? entry.get(field) : undefined;
    if (before !== undefined && same(before, after)) continue;
    // Arrays are stored as copies: a Y.Map keeps the value it was given.
    entry.set(field, Array.isArray(after) ? [...after] : after);
    changes.push({ field, before: before ?? null, after });
  }
  return changes;
}

/** Removes a record from its document; false when it was not there. */
export function removeRecord(doc: Y.Doc, id: string): boolean {
  const map = recordsMap(doc);
  if (!map.has(id)) return false;
  map.delete(id);
  return true;
}

export type ReadRecord<K extends DeskFactKind> =
  { ok: true; record: DeskFactRecords[K] } | { ok: false; problems: PackProblem[] };

/** One record's fields as a plain object (not checked yet); null when the entry is not a record map. */
export function rawRecord(kind: DeskFactKind, id: string, entry: unknown): Record<string, unknown> | null {
  if (!(entry instanceof Y.Map)) return null;
  const raw: Record<string, unknown> = { id };
  for (const field of DESK_FACT_FIELDS[kind] as readonly string[]) {
    if (entry.has(field)) raw[field] = entry.get(field);
  }
  return raw;
}

/**
 * Checks a record read from the desk with the fact pack's rules: anything a desk member (or a
 * broken client) put there is checked before it reaches the local store.
 */
export function checkRecord<K extends DeskFactKind>(
  kind: K,
  id: string,
  raw: Record<string, unknown> | null,
): ReadRecord<K> {
  if (!raw) return { ok: false, problems: [{ path: `${kind}:${id}`, message: 'is not a record map' }] };
  const parsed = SCHEMAS[kind].safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: describeIssues(raw, parsed.error.issues).map((p) => ({
        ...p,
        path: `${kind}:${id}${p.path.slice(1)}`,
      })),
    };
  }
  return { ok: true, record: parsed.data as DeskFactRecords[K] };
}

/** Reads one record back and checks it (rawRecord, then checkRecord). */
export function readRecord<K extends DeskFactKind>(kind: K, id: string, entry: unknown): ReadRecord<K> {
  return checkRecord(kind, id, rawRecord(kind, id, entry));
}

/** Every valid record of a document, and the problems of the invalid ones (which are left out). */
export function readRecords<K extends DeskFactKind>(
  doc: Y.Doc,
  kind: K,
): { records: DeskFactRecords[K][]; problems: PackProblem[] } {
  const records: DeskFactRecords[K][] = [];
  const problems: PackProblem[] = [];
  recordsMap(doc).forEach((entry, id) => {
    const read = readRecord(kind, id, entry);
    if (read.ok) records.push(read.record);
    else problems.push(...read.problems);
  });
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { records, problems };
}

/** The document a record belongs in (re-exported so callers need one import). */
export const deskDocFor = factDocNameFor;
