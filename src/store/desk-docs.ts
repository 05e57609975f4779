import { mergeDocUpdates } from '../shared/desk/docUpdates';
import type { Db } from './db';

/**
 * Local copies of desk documents as Yjs updates. Appending is the durable step (one small
 * insert per batch, like autosave); loading folds the confirmed updates into one row so the
 * table does not grow with every keystroke. Pending rows (made here, not yet confirmed by the
 * desk) are never folded: their count is what the status bar shows as "changes waiting".
 */

export interface StoredDoc {
  /** Every stored update of the document folded into one, or null for a document never stored. */
  state: Uint8Array | null;
  pending: number;
  /** The newest row; a later mark-synced names it to confirm everything up to here. */
  lastSeq: number;
}

interface UpdateRow {
  seq: number;
  data: Buffer;
  pending: 0 | 1;
}

export function appendDocUpdate(
  db: Db,
  doc: string,
  data: Uint8Array,
  pending: boolean,
  now: string,
): number {
  const info = db
    .prepare('INSERT INTO desk_doc_updates (doc, data, pending, created_at) VALUES (?, ?, ?, ?)')
    .run(doc, Buffer.from(data.buffer, data.byteOffset, data.byteLength), pending ? 1 : 0, now);
  return Number(info.lastInsertRowid);
}

/** Reads a document, compacting its confirmed updates into one row in the same transaction. */
export function loadDoc(db: Db, doc: string, now: string): StoredDoc {
  return db.transaction((): StoredDoc => {
    const rows = db
      .prepare('SELECT seq, data, pending FROM desk_doc_updates WHERE doc = ? ORDER BY seq')
      .all(doc) as UpdateRow[];
    if (rows.length === 0) return { state: null, pending: 0, lastSeq: 0 };
    const confirmed = rows.filter((r) => r.pending === 0);
    if (confirmed.length > 1) {
      const merged = mergeDocUpdates(confirmed.map((r) => new Uint8Array(r.data)));
      const last = confirmed[confirmed.length - 1].seq;
      // The folded row keeps the newest confirmed seq, so pending rows stay after it in order.
      db.prepare('DELETE FROM desk_doc_updates WHERE doc = ? AND pending = 0 AND seq < ?').run(doc, last);
      db.prepare('UPDATE desk_doc_updates SET data = ?, created_at = ? WHERE seq = ?').run(
        Buffer.from(merged),
        now,
        last,
      );
    }
    const state = mergeDocUpdates(rows.map((r) => new Uint8Array(r.data)));
    return { state, pending: rows.length - confirmed.length, lastSeq: rows[rows.length - 1].seq };
  })();
}

/**
 * Replaces the confirmed rows of a document with its state re-encoded from a Y.Doc that holds all
 * of them. Folding with Y.mergeUpdates keeps the content of deleted items; a document re-encoded by
 * Yjs keeps only their tombstones — what lets the copy shrink after the desk pruned entries.
 * Pending rows stay as they are, after the new row.
 */
export function replaceConfirmedState(db: Db, doc: string, state: Uint8Array, now: string): void {
  db.transaction(() => {
    const last = db
      .prepare('SELECT max(seq) FROM desk_doc_updates WHERE doc = ? AND pending = 0')
      .pluck()
      .get(doc) as number | null;
    if (last === null) return;
    db.prepare('DELETE FROM desk_doc_updates WHERE doc = ? AND pending = 0 AND seq < ?').run(doc, last);
    db.prepare('UPDATE desk_doc_updates SET data = ?, created_at = ? WHERE seq = ?').run(
      Buffer.from(state.buffer, state.byteOffset, state.byteLength),
      now,
      last,
    );
  })();
}

/** Bytes of the stored copy of a document, all rows. */
export function storedDocBytes(db: Db, doc: string): number {
  return db
    .prepare('SELECT coalesce(sum(length(data)), 0) FROM desk_doc_updates WHERE doc = ?')
    .pluck()
    .get(doc) as number;
}

/** The desk confirmed everything this app sent for the document up to `upTo`. */
export function markDocSynced(db: Db, doc: string, upTo: number): number {
  return db
    .prepare('UPDATE desk_doc_updates SET pending = 0 WHERE doc = ? AND pending = 1 AND seq <= ?')
    .run(doc, upTo).changes;
}

export function pendingUpdates(db: Db): { total: number; docs: { doc: string; pending: number }[] } {
  const docs = db
    .prepare(
      'SELECT doc, count(*) AS pending FROM desk_doc_updates WHERE pending = 1 GROUP BY doc ORDER BY doc',
    )
    .all() as { doc: string; pending: number }[];
  return { total: docs.reduce((n, d) => n + d.pending, 0), docs };
}

export interface DeskArticleLink {
  articleId: string;
  sharedBy: string;
  sharedAt: string;
}

export function linkDeskArticle(db: Db, link: DeskArticleLink): void {
  db.prepare(
    `INSERT INTO desk_articles (article_id, shared_by, shared_at) VALUES (@articleId, @sharedBy, @sharedAt)
     ON CONFLICT(article_id) DO NOTHING`,
  ).run(link);
}

export function deskArticleLinks(db: Db): DeskArticleLink[] {
  return db
    .prepare(
      'SELECT article_id AS articleId, shared_by AS sharedBy, shared_at AS sharedAt FROM desk_articles ORDER BY shared_at',
    )
    .all() as DeskArticleLink[];
}

export function deskArticleLink(db: Db, articleId: string): DeskArticleLink | null {
  return (
    (db
      .prepare(
        'SELECT article_id AS articleId, shared_by AS sharedBy, shared_at AS sharedAt FROM desk_articles WHERE article_id = ?',
      )
      .get(articleId) as DeskArticleLink | undefined) ?? null
  );
}
