import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { indexedSpellings } from '../shared/search/fold';
import { writeAudit, writeCreateAudits, type Actor } from './audit';
import { withIndexesDeferred } from './bulk-indexes';
import { noteFactChange } from './claim-rechecks';
import type { Db } from './db';
import type { FactTable } from './fact-tables';
import { prepared } from './prepared';

// Generic reads and writes of one fact record: the row, its search index entry and its
// audit entry always change together (callers run these inside a transaction).

const now = () => new Date().toISOString();

interface TableStatements {
  select: Database.Statement;
  exists: Database.Statement;
  insert: Database.Statement;
  update: Database.Statement;
  remove: Database.Statement;
  ftsInsert: Database.Statement | null;
  ftsDelete: Database.Statement | null;
}

// Statements per connection and table, prepared once: bulk imports call these 150,000 times,
// and building the SQL text for every call would cost more than running it.
const statementCache = new WeakMap<Db, Map<FactTable<never>, TableStatements>>();

function statements<T extends { id: string }>(db: Db, t: FactTable<T>): TableStatements {
  let perDb = statementCache.get(db);
  if (!perDb) statementCache.set(db, (perDb = new Map()));
  const key = t as unknown as FactTable<never>;
  let st = perDb.get(key);
  if (!st) {
    const cols = t.columns.map(([, c]) => c);
    const changing = t.columns.filter(([k]) => k !== 'id').map(([, c]) => `${c} = ?`);
    st = {
      select: db.prepare(`SELECT seq, ${cols.join(', ')} FROM ${t.table} WHERE id = ?`),
      exists: db.prepare(`SELECT 1 FROM ${t.table} WHERE id = ?`),
      insert: db.prepare(
        `INSERT INTO ${t.table} (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map(() => '?').join(', ')}, ?, ?)`,
      ),
      update: db.prepare(
        `UPDATE ${t.table} SET ${changing.join(', ')}, updated_at = ? WHERE id = ? RETURNING seq`,
      ),
      remove: db.prepare(`DELETE FROM ${t.table} WHERE id = ? RETURNING seq`),
      ftsInsert: t.fts ? db.prepare(`INSERT INTO ${t.fts.table} (rowid, t, s) VALUES (?, ?, ?)`) : null,
      ftsDelete: t.fts ? db.prepare(`DELETE FROM ${t.fts.table} WHERE rowid = ?`) : null,
    };
    perDb.set(key, st);
  }
  return st;
}

export function fromRow<T extends { id: string }>(t: FactTable<T>, row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, column] of t.columns) {
    const v = row[column];
    out[key] = t.json?.includes(key) ? JSON.parse(v as string) : v;
  }
  return out as T;
}

function rowValues<T extends { id: string }>(t: FactTable<T>, record: T): unknown[] {
  // Bulk imports build 150,000 of these: the keys and JSON flags are worked out once per table.
  const { keys, json } = columnsOf(t);
  const values = new Array<unknown>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const v = (record as Record<string, unknown>)[keys[i]];
    values[i] = json[i] ? JSON.stringify(v) : v;
  }
  return values;
}

export function getRecord<T extends { id: string }>(db: Db, t: FactTable<T>, id: string): T | null {
  const row = statements(db, t).select.get(id) as Record<string, unknown> | undefined;
  return row ? fromRow(t, row) : null;
}

/** Records chosen by a WHERE/ORDER clause written by the caller (parameters only). */
export function getRecords<T extends { id: string }>(
  db: Db,
  t: FactTable<T>,
  where = '',
  params: unknown[] = [],
): T[] {
  const sql = `SELECT seq, ${t.columns.map(([, c]) => c).join(', ')} FROM ${t.table} ${where}`;
  const rows = prepared(db, sql).all(...params) as Record<string, unknown>[];
  return rows.map((r) => fromRow(t, r));
}

export function recordExists<T extends { id: string }>(db: Db, t: FactTable<T>, id: string): boolean {
  return statements(db, t).exists.get(id) !== undefined;
}

/** How a set of incoming records stands against the stored rows, compared in one pass. */
export interface StoredComparison<T> {
  /** Records the table does not hold yet. */
  missing: T[];
  /** How many records the table already holds exactly. */
  unchanged: number;
  /** Records the table holds differently, each with the stored version. */
  differing: { stored: T; record: T }[];
}

/**
 * Compares incoming records with the stored rows in one query. A re-import checks 150,000
 * records this way: rows come back as plain arrays and are compared column by column as they
 * stream, so only a record that differs is ever built from its row.
 */
export function compareWithStored<T extends { id: string }>(
  db: Db,
  t: FactTable<T>,
  records: readonly T[],
): StoredComparison<T> {
  const result: StoredComparison<T> = { missing: [], unchanged: 0, differing: [] };
  if (records.length === 0) return result;
  if (prepared(db, `SELECT 1 FROM ${t.table} LIMIT 1`).get() === undefined)
    return { ...result, missing: [...new Map(records.map((r) => [r.id, r])).values()] };
  const byId = new Map(records.map((r) => [r.id, r]));
  const columns = t.columns.map(([, c]) => c);
  const sql = `SELECT ${columns.map((c) => `x.${c}`).join(', ')} FROM json_each(?) j JOIN ${t.table} x ON x.id = j.value`;
  const idAt = columns.indexOf('id');
  const seen = new Set<string>();
  for (const raw of prepared(db, sql)
    .raw(true)
    .iterate(JSON.stringify([...byId.keys()])) as Iterable<unknown[]>) {
    const id = raw[idAt] as string;
    const record = byId.get(id)!;
    seen.add(id);
    let same = true;
    for (let i = 0; i < t.columns.length && same; i++) {
      const key = t.columns[i][0];
      const v = record[key];
      same = (t.json?.includes(key) ? JSON.stringify(v) : v) === raw[i];
    }
    if (same) {
      result.unchanged++;
      continue;
    }
    const row: Record<string, unknown> = {};
    columns.forEach((c, i) => (row[c] = raw[i]));
    result.differing.push({ stored: fromRow(t, row), record });
  }
  for (const record of byId.values()) if (!seen.has(record.id)) result.missing.push(record);
  return result;
}

/** Per table: the domain keys in column order and which of them are stored as JSON. */
const columnInfo = new WeakMap<FactTable<never>, { keys: string[]; json: boolean[] }>();

function columnsOf<T extends { id: string }>(t: FactTable<T>): { keys: string[]; json: boolean[] } {
  const key = t as unknown as FactTable<never>;
  let info = columnInfo.get(key);
  if (!info) {
    const keys = t.columns.map(([k]) => k as string);
    info = { keys, json: keys.map((k) => (t.json as readonly string[] | undefined)?.includes(k) ?? false) };
    columnInfo.set(key, info);
  }
  return info;
}

/**
 * Of records as they came in (parsed JSON, not yet validated), those that equal a stored row
 * exactly: the same fields, no more and no fewer, with the same values. A stored row passed
 * validation when it was written, so such a record needs no second look (a re-import of an
 * unchanged pack of 150,000 records is then a read and a compare). Anything else — an extra
 * or missing field, a number written as a string — is left to validation. Found records are
 * added to `into`.
 *
 * A re-import spends its time here, so the loop is kept lean: column keys and JSON flags are
 * worked out once per table, and a record is put in the id map as itself unless its id repeats
 * (a list per record was 150,000 arrays). A missing field reads as undefined, which equals no
 * stored value, so only records whose values all match have their keys counted.
 */
export function storedAsIs<T extends { id: string }>(
  db: Db,
  t: FactTable<T>,
  incoming: readonly unknown[],
  into: Set<unknown>,
): void {
  const held = (prepared(db, `SELECT max(seq) FROM ${t.table}`).pluck().get() as number | null) ?? 0;
  if (incoming.length === 0 || held === 0) return;
  const byId = new Map<string, Record<string, unknown> | Record<string, unknown>[]>();
  for (const r of incoming) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) continue;
    const record = r as Record<string, unknown>;
    const id = record.id;
    if (typeof id !== 'string') continue;
    const there = byId.get(id);
    if (there === undefined) byId.set(id, record);
    else if (Array.isArray(there)) there.push(record);
    else byId.set(id, [there, record]);
  }
  if (byId.size === 0) return;
  const { keys, json } = columnsOf(t);
  const select = t.columns.map(([, c]) => `x.${c}`).join(', ');
  // A pack that covers much of the table reads it front to back, which is cheaper than looking
  // each record up by id at a random place; a small one looks its records up.
  const whole = byId.size * 2 >= held;
  const rows = (
    whole
      ? prepared(db, `SELECT ${select} FROM ${t.table} x`).raw(true).iterate()
      : prepared(db, `SELECT ${select} FROM json_each(?) j JOIN ${t.table} x ON x.id = j.value`)
          .raw(true)
          .iterate(JSON.stringify([...byId.keys()]))
  ) as Iterable<unknown[]>;
  const idAt = keys.indexOf('id');
  const n = keys.length;
  const equal = (record: Record<string, unknown>, row: unknown[]) => {
    for (let i = 0; i < n; i++) {
      const v = record[keys[i]];
      if (json[i] ? jsonTextOrNull(v) !== row[i] : v !== row[i]) return false;
    }
    return Object.keys(record).length === n;
  };
  for (const row of rows) {
    const there = byId.get(row[idAt] as string);
    if (there === undefined) continue;
    if (!Array.isArray(there)) {
      if (equal(there, row)) into.add(there);
    } else for (const record of there) if (equal(record, row)) into.add(record);
  }
}

/**
 * A value's JSON text, or null when JSON cannot hold it: records arrive unvalidated, and
 * Electron's IPC clones BigInts and cycles, on which JSON.stringify throws. Null equals no
 * stored JSON column, so such a record goes on to validation, which names the field.
 */
function jsonTextOrNull(v: unknown): string | null {
  try {
    return JSON.stringify(v) ?? null;
  } catch {
    return null;
  }
}

/** Of the given ids, those the table holds (one query for many ids). */
export function existingIds<T extends { id: string }>(
  db: Db,
  t: FactTable<T>,
  ids: readonly string[],
): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = prepared(db, `SELECT id FROM ${t.table} WHERE id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify(ids)) as string[];
  return new Set(rows);
}

function index<T extends { id: string }>(
  st: TableStatements,
  t: FactTable<T>,
  seq: number | bigint,
  record: T,
): void {
  if (!t.fts || !st.ftsInsert) return;
  const doc = indexedSpellings(t.fts.text(record));
  st.ftsInsert.run(seq, doc.t, doc.s);
}

/**
 * `audit: false` is for records mirrored from the desk: their audit entries come from the
 * desk's change log (with each change's own author and time), not from the mirroring.
 */
export function insertRecord<T extends { id: string }>(
  db: Db,
  t: FactTable<T>,
  record: T,
  actor: Actor,
  at = now(),
  audit = true,
): T {
  const st = statements(db, t);
  const info = st.insert.run(...rowValues(t, record), at, at);
  index(st, t, info.lastInsertRowid, record);
  if (audit) writeAudit(db, t.type, record.id, 'create', null, record, actor, at);
  return record;
}

/**
 * Creates many records of one table at once (a fact-pack import): rows and search-index
 * entries through the same reused statements, and the audit log's "create" entries written
 * as one set. Per record this is what insertRecord does, without a statement per audit entry.
 * A set that at least doubles the table goes in with the plain indexes rebuilt after it
 * (bulk-indexes.ts). `audit: false` leaves the audit entries to the caller, which writes the
 * entries of several tables as one set (auditCreates).
 */
export function insertRecords<T extends { id: string }>(
  db: Db,
  t: FactTable<T>,
  records: readonly T[],
  actor: Actor,
  at = now(),
  audit = true,
): void {
  if (records.length === 0) return;
  const st = statements(db, t);
  withIndexesDeferred(db, t.table, records.length, () => {
    for (const record of records) {
      const info = st.insert.run(...rowValues(t, record), at, at);
      index(st, t, info.lastInsertRowid, record);
    }
  });
  if (audit) auditCreates(db, [[t, records]], actor, at);
}

/**
 * The "create" audit entries of new records of several tables, in the order given, with the
 * audit log's plain index rebuilt once for all of them when they at least double the log (a
 * pack's four large tables rebuilt it up to four times, over the whole log each time).
 */
export function auditCreates(
  db: Db,
  sets: readonly (readonly [FactTable<never>, readonly { id: string }[]])[],
  actor: Actor,
  at: string,
): void {
  const total = sets.reduce((n, [, records]) => n + records.length, 0);
  if (total === 0) return;
  withIndexesDeferred(db, 'audit_log', total, () => {
    for (const [t, records] of sets)
      if (records.length)
        writeCreateAudits(
          db,
          t.type,
          records.map((r) => r.id),
          actor,
          at,
        );
  });
}

export function updateRecord<T extends { id: string }>(
  db: Db,
  t: FactTable<T>,
  before: T,
  after: T,
  actor: Actor,
  at = now(),
  audit = true,
): T {
  const st = statements(db, t);
  const row = st.update.get(...rowValues(t, after).slice(1), at, before.id) as { seq: number };
  if (st.ftsDelete) {
    st.ftsDelete.run(row.seq);
    index(st, t, row.seq, after);
  }
  if (audit) writeAudit(db, t.type, before.id, 'update', before, after, actor, at);
  noteFactChange(db, t.type, before, after, actor, at);
  return after;
}

export function deleteRecord<T extends { id: string }>(
  db: Db,
  t: FactTable<T>,
  record: T,
  actor: Actor,
  at = now(),
  audit = true,
): void {
  const st = statements(db, t);
  const row = st.remove.get(record.id) as { seq: number } | undefined;
  if (!row) return;
  st.ftsDelete?.run(row.seq);
  if (audit) writeAudit(db, t.type, record.id, 'delete', record, null, actor, at);
  noteFactChange(db, t.type, record, null, actor, at);
}

/** True when two records hold the same values (used to skip no-op updates). */
export function sameRecord<T extends { id: string }>(t: FactTable<T>, a: T, b: T): boolean {
  return t.columns.every(([k]) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

export function changedFields<T extends { id: string }>(
  t: FactTable<T>,
  before: T,
  after: T,
): { field: string; before: unknown; after: unknown }[] {
  // Only JSON fields need serialising to compare; the rest are strings, numbers or null, and a
  // re-import compares 150,000 records.
  const changed: { field: string; before: unknown; after: unknown }[] = [];
  for (const [k] of t.columns) {
    const a = before[k];
    const b = after[k];
    const same = t.json?.includes(k) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
    if (!same) changed.push({ field: k, before: a, after: b });
  }
  return changed;
}

/** A new stable id such as "deal-3f2c…"; fact packs carry it to other stores unchanged. */
export function newFactId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}
