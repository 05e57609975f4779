import type { Db } from './db';
import type { ArticleBody } from '../shared/domain/articles';
import type { Revision, RevisionKind, RevisionMeta, RevisionSummary } from '../shared/contract/articles';
import { parseStoredBody } from './articleBody';

/** Snapshots of an article; rows are only ever added (and removed with their article when the trash is emptied). */

interface RevisionRow {
  id: number;
  article_id: string;
  created_at: string;
  kind: RevisionKind;
  name: string;
  author: string;
  body_schema: number;
  body: string;
  meta: string;
  word_count: number;
}

type SummaryRow = Omit<RevisionRow, 'body' | 'body_schema' | 'meta'> & { headline: string };

export interface NewRevision {
  articleId: string;
  kind: RevisionKind;
  name: string;
  author: string;
  /** Body JSON exactly as stored on the article. */
  bodyJson: string;
  bodySchema: number;
  meta: RevisionMeta;
  wordCount: number;
  createdAt: string;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO article_revisions (article_id, created_at, kind, name, author, body_schema, body, meta, word_count)
       VALUES (@articleId, @createdAt, @kind, @name, @author, @bodySchema, @bodyJson, @meta, @wordCount)`,
    ),
    latest: db.prepare(
      'SELECT id, created_at, body FROM article_revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1',
    ),
    latestTime: db.prepare(
      'SELECT id, created_at FROM article_revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1',
    ),
    list: db.prepare(
      `SELECT id, article_id, created_at, kind, name, author, word_count, json_extract(meta, '$.headline') AS headline
       FROM article_revisions WHERE article_id = ? ORDER BY id DESC`,
    ),
    get: db.prepare('SELECT * FROM article_revisions WHERE id = ?'),
  };
}

function stmts(db: Db) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

function toSummary(row: SummaryRow): RevisionSummary {
  return {
    id: row.id,
    articleId: row.article_id,
    createdAt: row.created_at,
    kind: row.kind,
    name: row.name,
    author: row.author,
    headline: row.headline ?? '',
    wordCount: row.word_count,
  };
}

export function insertRevision(db: Db, revision: NewRevision): RevisionSummary {
  const info = stmts(db).insert.run({ ...revision, meta: JSON.stringify(revision.meta) });
  return {
    id: Number(info.lastInsertRowid),
    articleId: revision.articleId,
    createdAt: revision.createdAt,
    kind: revision.kind,
    name: revision.name,
    author: revision.author,
    headline: revision.meta.headline,
    wordCount: revision.wordCount,
  };
}

/** The newest snapshot's id and time, to decide whether a new one is due; no body (autosave asks on every save). */
export function latestRevision(db: Db, articleId: string): { id: number; createdAt: string } | null {
  const row = stmts(db).latestTime.get(articleId) as { id: number; created_at: string } | undefined;
  return row ? { id: row.id, createdAt: row.created_at } : null;
}

/** The newest snapshot's body JSON, to tell whether a new one would repeat it. */
export function latestRevisionBody(db: Db, articleId: string): { id: number; bodyJson: string } | null {
  const row = stmts(db).latest.get(articleId) as { id: number; body: string } | undefined;
  return row ? { id: row.id, bodyJson: row.body } : null;
}

/** Newest first, without bodies. */
export function listRevisions(db: Db, articleId: string): RevisionSummary[] {
  return (stmts(db).list.all(articleId) as SummaryRow[]).map(toSummary);
}

export function getRevision(db: Db, id: number): Revision | null {
  const row = stmts(db).get.get(id) as RevisionRow | undefined;
  if (!row) return null;
  const meta = JSON.parse(row.meta) as RevisionMeta;
  const body: ArticleBody = parseStoredBody(row.body, row.body_schema);
  return { ...toSummary({ ...row, headline: meta.headline }), meta, body };
}
