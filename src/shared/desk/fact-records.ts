import * as Y from 'yjs';
import type { z } from 'zod';
import type { Citation, Deal, Entity, Quote, Role, Source } from '../domain/facts';
import { packCitation, packDeal, packEntity, packQuote, packRole, packSource } from '../factpack/schema';
import { describeIssues, type PackProblem } from '../factpack/problems';
import { factDocNameFor, type DeskFactKind } from './names';

/**
 * How fact records live in the desk's `facts/<kind>/<bucket>` documents. The Y.Map
 * FACT_RECORDS_MAP holds recordId → the record's fields as one plain value, as it was created;
 * a later edit of one field goes into the Y.Map FACT_FIELDS_MAP under `<recordId>/<field>`, and
 * a record reads as its created value with those fields over it. So two people changing
 * different fields of one record both keep their change; the same field converges on one value
 * everywhere (Yjs' rule), and the change log (FACT_CHANGES_ARRAY, see fact-changes.ts) keeps both
 * edits for every machine's audit log.
 *
 * Why not a Y.Map per record (the layout before session 6, still read and written here): each
 * field was a Yjs item of its own, and a member joining a desk of 150,000 records decoded
 * 1.5 million of them — five times the time of one plain value per record — and every copy of
 * the documents (server, each member) held them all in memory.
 */
export const FACT_RECORDS_MAP = 'records';
export const FACT_FIELDS_MAP = 'fields';

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
const copy = (v: unknown) => (Array.isArray(v) ? [...v] : v);
const plainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Y.AbstractType);

/** The records map of a facts document: id → plain fields (or, written before session 6, a Y.Map of them). */
export function recordsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(FACT_RECORDS_MAP);
}

/** Field edits made after a record was created: `<id>/<field>` → value. */
export function fieldsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(FACT_FIELDS_MAP);
}

/** Field names never hold a "/", ids may: the key splits at its last one. */
const fieldKey = (id: string, field: string) => `${id}/${field}`;

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** True when the document holds the record (in either layout). */
export function hasRecord(doc: Y.Doc, id: string): boolean {
  return isRecordEntry(recordsMap(doc).get(id));
}

function isRecordEntry(entry: unknown): boolean {
  return entry instanceof Y.Map || plainObject(entry);
}

/** A record's current fields (created value with later field edits over it), or null when absent. */
function currentFields(doc: Y.Doc, kind: DeskFactKind, id: string): Record<string, unknown> | null {
  const entry = recordsMap(doc).get(id);
  const raw = rawRecord(kind, id, entry);
  if (!raw || entry instanceof Y.Map) return raw;
  const edits = fieldsMap(doc);
  for (const field of DESK_FACT_FIELDS[kind] as readonly string[]) {
    const key = fieldKey(id, field);
    if (edits.has(key)) raw[field] = edits.get(key);
  }
  return raw;
}

/**
 * Sets some fields of a record the document holds, as edits of their own (another member's
 * edit of another field survives). Call inside `doc.transact` to send one update.
 */
export function writeFields(doc: Y.Doc, id: string, values: Record<string, unknown>): void {
  const entry = recordsMap(doc).get(id);
  const fields = Object.entries(values);
  if (entry instanceof Y.Map) for (const [field, value] of fields) entry.set(field, copy(value));
  else {
    const edits = fieldsMap(doc);
    for (const [field, value] of fields) edits.set(fieldKey(id, field), copy(value));
  }
}

/**
 * Writes a record into its document and returns what changed (empty when nothing did). A new
 * record goes in as one value; one the document holds gets only its differing fields, as field
 * edits. Call inside `doc.transact` to send one update.
 */
export function writeRecord<K extends DeskFactKind>(
  doc: Y.Doc,
  kind: K,
  record: DeskFactRecords[K],
): FieldChange[] {
  const fields = DESK_FACT_FIELDS[kind] as readonly string[];
  const values = record as unknown as Record<string, unknown>;
  const current = currentFields(doc, kind, record.id);
  const changes: FieldChange[] = [];
  if (!current) {
    const created: Record<string, unknown> = {};
    for (const field of fields) {
      const after = values[field] ?? null;
      created[field] = copy(after);
      changes.push({ field, before: null, after });
    }
    // Edits left from an earlier record of this id (deleted meanwhile) must not show through.
    removeFieldEdits(doc, kind, record.id);
    recordsMap(doc).set(record.id, created);
    return changes;
  }
  const differing: Record<string, unknown> = {};
  for (const field of fields) {
    const after = values[field] ?? null;
    const before = Object.hasOwn(current, field) ? current[field] : undefined;
    if (before !== undefined && same(before, after)) continue;
    differing[field] = after;
    changes.push({ field, before: before ?? null, after });
  }
  if (changes.length > 0) writeFields(doc, record.id, differing);
  return changes;
}

function removeFieldEdits(doc: Y.Doc, kind: DeskFactKind, id: string): void {
  const edits = fieldsMap(doc);
  if (edits.size === 0) return;
  for (const field of DESK_FACT_FIELDS[kind] as readonly string[]) {
    const key = fieldKey(id, field);
    if (edits.has(key)) edits.delete(key);
  }
}

/** Removes a record (and its field edits) from its document; false when it was not there. */
export function removeRecord(doc: Y.Doc, kind: DeskFactKind, id: string): boolean {
  const map = recordsMap(doc);
  if (!map.has(id)) return false;
  map.delete(id);
  removeFieldEdits(doc, kind, id);
  return true;
}

export type ReadRecord<K extends DeskFactKind> =
  { ok: true; record: DeskFactRecords[K] } | { ok: false; problems: PackProblem[] };

/**
 * One record entry's fields as a plain object (not checked yet, field edits not applied); null
 * when the entry is not a record.
 */
export function rawRecord(kind: DeskFactKind, id: string, entry: unknown): Record<string, unknown> | null {
  const raw: Record<string, unknown> = { id };
  if (entry instanceof Y.Map) {
    for (const field of DESK_FACT_FIELDS[kind] as readonly string[]) {
      if (entry.has(field)) raw[field] = entry.get(field);
    }
    return raw;
  }
  if (!plainObject(entry)) return null;
  // Only the kind's fields, as from a Y.Map: the id is the key, not a value a client may set.
  for (const field of DESK_FACT_FIELDS[kind] as readonly string[]) {
    if (Object.hasOwn(entry, field)) raw[field] = entry[field];
  }
  return raw;
}

/**
 * Every record entry of a document as a plain object with its field edits applied (not
 * checked yet; null for an entry that is not a record). Edits of a record the document no longer
 * holds (deleted while someone edited it) are left out.
 */
export function rawRecords(
  doc: Y.Doc,
  kind: DeskFactKind,
): { id: string; raw: Record<string, unknown> | null }[] {
  const out: { id: string; raw: Record<string, unknown> | null }[] = [];
  const at = new Map<string, Record<string, unknown>>();
  recordsMap(doc).forEach((entry, id) => {
    const raw = rawRecord(kind, id, entry);
    out.push({ id, raw });
    if (raw && !(entry instanceof Y.Map)) at.set(id, raw);
  });
  const known = new Set<string>(DESK_FACT_FIELDS[kind] as readonly string[]);
  fieldsMap(doc).forEach((value, key) => {
    const cut = key.lastIndexOf('/');
    const field = key.slice(cut + 1);
    const raw = cut > 0 && known.has(field) ? at.get(key.slice(0, cut)) : undefined;
    if (raw) raw[field] = value;
  });
  return out;
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

/** Reads one record back and checks it (its field edits applied). */
export function readRecord<K extends DeskFactKind>(doc: Y.Doc, kind: K, id: string): ReadRecord<K> {
  return checkRecord(kind, id, currentFields(doc, kind, id));
}

/** Every valid record of a document, and the problems of the invalid ones (which are left out). */
export function readRecords<K extends DeskFactKind>(
  doc: Y.Doc,
  kind: K,
): { records: DeskFactRecords[K][]; problems: PackProblem[] } {
  const records: DeskFactRecords[K][] = [];
  const problems: PackProblem[] = [];
  for (const { id, raw } of rawRecords(doc, kind)) {
    const read = checkRecord(kind, id, raw);
    if (read.ok) records.push(read.record);
    else problems.push(...read.problems);
  }
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { records, problems };
}

/** The document a record belongs in (re-exported so callers need one import). */
export const deskDocFor = factDocNameFor;
