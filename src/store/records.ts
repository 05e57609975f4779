import { randomUUID } from 'node:crypto';
import { foldDocument } from '../shared/search/fold';
import { writeAudit, type Actor } from './audit';
import type { Db } from './db';
import type { FactTable } from './fact-tables';
import { prepared } from './prepared';

// Generic reads and writes of one fact record: the row, its search index entry and its
// audit entry always change together (callers run these inside a transaction).

const now = () => new Date().toISOString();

function selectSql<T extends { id: string }>(t: FactTable<T>): string {
  return `SELECT seq, ${t.columns.map(([, c]) => c).join(', ')} FROM ${t.table}`;
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
  return t.columns.map(([key]) => {
    const v = record[key];
    return t.json?.includes(key) ? JSON.stringify(v) : v;
  });
}

export function getRecord<T extends { id: string }>(db: Db, t: FactTable<T>, id: string): T | null {
  const row = prepared(db, `${selectSql(t)} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? fromRow(t, row) : null;
}

export function getRecords<T extends { id: string }>(db: Db, t: FactTable<T>, where = '', params: unknown[] = []): T[] {
  const rows = prepared(db, `${selectSql(t)} ${where}`).all(...params) as Record<string, unknown>[];
  return rows.map((r) => fromRow(t, r));
}

export function recordExists<T extends { id: string }>(db: Db, t: FactTable<T>, id: string): boolean {
  return prepared(db, `SELECT 1 FROM ${t.table} WHERE id = ?`).get(id) !== undefined;
}

function index<T extends { id: string }>(db: Db, t: FactTable<T>, seq: number | bigint, record: T): void {
  if (!t.fts) return;
  const doc = foldDocument(t.fts.text(record));
  prepared(db, `INSERT INTO ${t.fts.table} (rowid, t, s) VALUES (?, ?, ?)`).run(seq, doc.t, doc.s);
}

function unindex<T extends { id: string }>(db: Db, t: FactTable<T>, seq: number): void {
  if (t.fts) prepared(db, `DELETE FROM ${t.fts.table} WHERE rowid = ?`).run(seq);
}


export function insertRecord<T extends { id: string }>(db: Db, t: FactTable<T>, record: T, actor: Actor, at = now()): T {
  const cols = t.columns.map(([, c]) => c);
  const info = prepared(
    db,
    `INSERT INTO ${t.table} (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map(() => '?').join(', ')}, ?, ?)`,
  ).run(...rowValues(t, record), at, at);
  index(db, t, info.lastInsertRowid, record);
  writeAudit(db, t.type, record.id, 'create', null, record, actor, at);
  return record;
}

export function updateRecord<T extends { id: string }>(db: Db, t: FactTable<T>, before: T, after: T, actor: Actor, at = now()): T {
  const cols = t.columns.filter(([k]) => k !== 'id');
  const row = prepared(
    db,
    `UPDATE ${t.table} SET ${cols.map(([, c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ? RETURNING seq`,
  ).get(...rowValues(t, after).slice(1), at, before.id) as { seq: number };
  if (t.fts) {
    unindex(db, t, row.seq);
    index(db, t, row.seq, after);
  }
  writeAudit(db, t.type, before.id, 'update', before, after, actor, at);
  return after;
}

export function deleteRecord<T extends { id: string }>(db: Db, t: FactTable<T>, record: T, actor: Actor, at = now()): void {
  const row = prepared(db, `DELETE FROM ${t.table} WHERE id = ? RETURNING seq`).get(record.id) as { seq: number } | undefined;
  if (!row) return;
  unindex(db, t, row.seq);
  writeAudit(db, t.type, record.id, 'delete', record, null, actor, at);
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
  return t.columns
    .filter(([k]) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map(([k]) => ({ field: k, before: before[k], after: after[k] }));
}

/** A new stable id such as "deal-3f2c…"; fact packs carry it to other stores unchanged. */
export function newFactId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}
