import type { TextSegment } from '../shared/search/highlight';
import { snippet } from '../shared/search/highlight';
import { indexedSpellings } from '../shared/search/fold';
import { buildFtsMatch, parseSearchInput, type SearchTerm } from '../shared/search/query';
import type {
  DocumentFormat,
  DocumentStatus,
  ExtractedDocument,
  SegmentKind,
  SourceDocumentView,
} from '../shared/sources/document';
import { locatorFor } from '../shared/sources/locator';
import type { Db } from './db';
import { prepared } from './prepared';

// The extracted text of sources' files (migration source-documents). Every write names the
// file hash it belongs to, so an extraction that finishes after the file was replaced or
// removed changes nothing.

const now = () => new Date().toISOString();

interface DocumentRow {
  source_id: string;
  file_hash: string;
  format: DocumentFormat;
  state: 'extracting' | 'done' | 'failed' | 'cancelled';
  pages_done: number;
  pages_total: number | null;
  error: string | null;
  doc_title: string | null;
  original_url: string | null;
  saved_at: string | null;
}

interface SegmentRow {
  seq: number;
  ord: number;
  kind: SegmentKind;
  page: number | null;
  paragraph: number | null;
  heading: string | null;
  text: string;
}

/** Marks the source's file as being read; earlier text of the source goes. */
export function beginDocument(db: Db, sourceId: string, fileHash: string, format: DocumentFormat): void {
  db.transaction(() => {
    prepared(db, 'DELETE FROM source_segments WHERE source_id = ?').run(sourceId);
    prepared(
      db,
      `INSERT INTO source_documents (source_id, file_hash, format, state, pages_done, pages_total, error, doc_title, original_url, saved_at, updated_at)
       VALUES (?, ?, ?, 'extracting', 0, NULL, NULL, NULL, NULL, NULL, ?)
       ON CONFLICT (source_id) DO UPDATE SET file_hash = excluded.file_hash, format = excluded.format, state = 'extracting',
         pages_done = 0, pages_total = NULL, error = NULL, doc_title = NULL, original_url = NULL, saved_at = NULL, updated_at = excluded.updated_at`,
    ).run(sourceId, fileHash, format, now());
  })();
}

export function documentProgress(
  db: Db,
  sourceId: string,
  fileHash: string,
  done: number,
  total: number,
): void {
  prepared(
    db,
    "UPDATE source_documents SET pages_done = ?, pages_total = ?, updated_at = ? WHERE source_id = ? AND file_hash = ? AND state = 'extracting'",
  ).run(done, total, now(), sourceId, fileHash);
}

/** Stores the text in one transaction: segments, their search index entries and the document's metadata. */
export function saveDocument(db: Db, sourceId: string, fileHash: string, doc: ExtractedDocument): boolean {
  return db.transaction(() => {
    const row = prepared(db, 'SELECT file_hash FROM source_documents WHERE source_id = ?').get(sourceId) as
      { file_hash: string } | undefined;
    if (!row || row.file_hash !== fileHash) return false;
    prepared(db, 'DELETE FROM source_segments WHERE source_id = ?').run(sourceId);
    const insert = prepared(
      db,
      'INSERT INTO source_segments (source_id, ord, kind, page, paragraph, heading, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const index = prepared(db, 'INSERT INTO source_segment_fts (rowid, t, s) VALUES (?, ?, ?)');
    doc.segments.forEach((s, ord) => {
      const seq = insert.run(sourceId, ord, s.kind, s.page, s.paragraph, s.heading, s.text).lastInsertRowid;
      const folded = indexedSpellings([s.text]);
      index.run(seq, folded.t, folded.s);
    });
    prepared(
      db,
      `UPDATE source_documents SET state = 'done', error = NULL, pages_done = coalesce(?, 0), pages_total = ?, doc_title = ?, original_url = ?,
         saved_at = ?, updated_at = ? WHERE source_id = ?`,
    ).run(doc.pages, doc.pages, doc.title, doc.originalUrl, doc.savedAt, now(), sourceId);
    return true;
  })();
}

/** Extraction ended without text: the file stays attached and stored, the reason is kept for the viewer. */
export function endDocument(
  db: Db,
  sourceId: string,
  fileHash: string,
  state: 'failed' | 'cancelled',
  error: string | null,
): void {
  db.transaction(() => {
    prepared(
      db,
      'DELETE FROM source_segments WHERE source_id = ? AND EXISTS (SELECT 1 FROM source_documents WHERE source_id = ? AND file_hash = ?)',
    ).run(sourceId, sourceId, fileHash);
    prepared(
      db,
      'UPDATE source_documents SET state = ?, error = ?, updated_at = ? WHERE source_id = ? AND file_hash = ?',
    ).run(state, error, now(), sourceId, fileHash);
  })();
}

/** Sources whose attached file was never read (it came in a fact pack, or before files were read), oldest first. */
export function unreadSourceFiles(db: Db): string[] {
  return prepared(
    db,
    'SELECT id FROM sources WHERE file_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_documents d WHERE d.source_id = sources.id) ORDER BY seq',
  )
    .pluck()
    .all() as string[];
}

/** The source let go of its file: its text leaves the viewer and the search. */
export function forgetDocument(db: Db, sourceId: string): void {
  prepared(db, 'DELETE FROM source_documents WHERE source_id = ?').run(sourceId);
}

function toStatus(row: DocumentRow, running: boolean): DocumentStatus {
  return {
    sourceId: row.source_id,
    format: row.format,
    state: row.state === 'extracting' && !running ? 'interrupted' : row.state,
    pagesDone: row.pages_done,
    pagesTotal: row.pages_total,
    error: row.error,
    meta: { title: row.doc_title, originalUrl: row.original_url, savedAt: row.saved_at },
  };
}

function documentRow(db: Db, sourceId: string): DocumentRow | undefined {
  return prepared(db, 'SELECT * FROM source_documents WHERE source_id = ?').get(sourceId) as
    DocumentRow | undefined;
}

/** `running`: whether this process is reading the file now (otherwise an "extracting" row was interrupted). */
export function documentStatus(
  db: Db,
  sourceId: string,
  running: (hash: string) => boolean,
): DocumentStatus | null {
  const row = documentRow(db, sourceId);
  return row ? toStatus(row, running(row.file_hash)) : null;
}

export function documentView(
  db: Db,
  sourceId: string,
  running: (hash: string) => boolean,
): SourceDocumentView | null {
  const row = documentRow(db, sourceId);
  if (!row) return null;
  const fileName =
    (
      prepared(db, 'SELECT file_name FROM sources WHERE id = ?').get(sourceId) as
        { file_name: string | null } | undefined
    )?.file_name ?? null;
  const segments = prepared(
    db,
    'SELECT ord, kind, page, paragraph, heading, text FROM source_segments WHERE source_id = ? ORDER BY ord',
  ).all(sourceId) as SourceDocumentView['segments'];
  return { ...toStatus(row, running(row.file_hash)), fileName, segments };
}

export interface PassageHit {
  sourceId: string;
  sourceTitle: string;
  ord: number;
  page: number | null;
  paragraph: number | null;
  heading: string | null;
  locator: string;
  rank: number;
  snippet: TextSegment[];
  /** The snippet's words without the "…" marks: what a citation or claim link quotes. */
  excerpt: string;
}

// The same ranking window as the fact search (search.ts): bm25 over the newest matches only.
const RANKED_PASSAGES = `SELECT rowid, rank FROM (SELECT rowid, rank FROM source_segment_fts WHERE source_segment_fts MATCH ? ORDER BY rowid DESC LIMIT 1000) ORDER BY rank LIMIT ?`;

/** Passages whose text matches an FTS expression, best first, at most `perSource` per source; `sourceSeq` joins them to sources. */
export function matchPassages(
  db: Db,
  match: string,
  terms: readonly SearchTerm[],
  limit: number,
  perSource = 1,
): (PassageHit & { sourceSeq: number })[] {
  const rows = prepared(
    db,
    `SELECT h.rank AS rank, g.seq, g.ord, g.kind, g.page, g.paragraph, g.heading, g.text, g.source_id, x.title, x.seq AS source_seq
     FROM (${RANKED_PASSAGES}) h JOIN source_segments g ON g.seq = h.rowid JOIN sources x ON x.id = g.source_id
     ORDER BY h.rank`,
  ).all(match, limit * Math.max(perSource, 4)) as (SegmentRow & {
    rank: number;
    source_id: string;
    title: string;
    source_seq: number;
  })[];
  const perSourceCount = new Map<string, number>();
  const hits: (PassageHit & { sourceSeq: number })[] = [];
  for (const r of rows) {
    const n = perSourceCount.get(r.source_id) ?? 0;
    if (n >= perSource) continue;
    perSourceCount.set(r.source_id, n + 1);
    const cut = snippet(r.text, terms, 220);
    hits.push({
      sourceId: r.source_id,
      sourceSeq: r.source_seq,
      sourceTitle: r.title,
      ord: r.ord,
      page: r.page,
      paragraph: r.paragraph,
      heading: r.heading,
      locator: locatorFor(r),
      rank: r.rank,
      snippet: cut,
      excerpt: cut
        .filter((c) => c.text !== '…')
        .map((c) => c.text)
        .join('')
        .trim(),
    });
    if (hits.length >= limit) break;
  }
  return hits;
}

/** Passages of source texts that match a search, best first; same folding and query rules as the fact search. */
export function searchPassages(
  db: Db,
  query: string,
  opts: { typing?: boolean; limit?: number; perSource?: number } = {},
): PassageHit[] {
  const terms = parseSearchInput(query, { typing: opts.typing });
  const match = buildFtsMatch(terms);
  if (match === null) return [];
  return matchPassages(db, match, terms, Math.max(1, Math.min(opts.limit ?? 50, 500)), opts.perSource ?? 3);
}
