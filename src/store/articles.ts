import { randomUUID } from 'node:crypto';
import type { Db } from './db';
import { emptyBody, parseStoredBody, withoutInlineStyles } from './articleBody';
import { insertRevision, latestRevision, type NewRevision } from './revisions';
import { plainText } from '../shared/article/blocks';
import { countWords } from '../shared/typography/counts';
import {
  ARTICLE_BODY_SCHEMA_VERSION,
  type ArticleDocument,
  type ArticleListItem,
  type ArticleMetaPatch,
  type ArticleSort,
  type RecentArticle,
  type RevisionMeta,
  type RevisionSummary,
} from '../shared/contract/articles';
import type { ArticleBody, ArticleLanguage, ArticleMeta, ArticleStatus } from '../shared/domain/articles';

/** An automatic snapshot is taken on a save when the newest one is at least this old. */
export const AUTO_SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000;

interface ArticleRow {
  id: string;
  kicker: string;
  headline: string;
  lead: string;
  byline: string;
  dateline: string;
  language: ArticleLanguage;
  author: string;
  desk: string;
  status: ArticleStatus;
  trashed_at: string | null;
  created_at: string;
  updated_at: string;
  rev: number;
  body_schema: number;
  body: string;
  body_text: string;
  word_count: number;
}

const META_COLUMNS = `id, kicker, headline, lead, byline, dateline, language, author, desk, status,
  trashed_at, created_at, updated_at, rev, word_count`;

/** The text fields a revision restores; language, status, desk and author stay as they are. */
const TEXT_FIELDS = ['kicker', 'headline', 'lead', 'byline', 'dateline'] as const;

function toMeta(row: Omit<ArticleRow, 'body' | 'body_schema' | 'body_text'>): ArticleMeta {
  return {
    id: row.id,
    kicker: row.kicker,
    headline: row.headline,
    lead: row.lead,
    byline: row.byline,
    dateline: row.dateline,
    language: row.language,
    author: row.author,
    desk: row.desk,
    status: row.status,
    trashedAt: row.trashed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function revisionMeta(meta: ArticleMeta): RevisionMeta {
  const { kicker, headline, lead, byline, dateline, language, status } = meta;
  return { kicker, headline, lead, byline, dateline, language, status };
}

/** Words a reader reads: headline, lead and body (kicker, byline and dateline are furniture). */
function articleWordCount(meta: Pick<ArticleMeta, 'headline' | 'lead'>, bodyText: string): number {
  return countWords(`${meta.headline}\n${meta.lead}\n${bodyText}`);
}

function searchText(meta: ArticleMeta, bodyText: string): string {
  return [meta.kicker, meta.headline, meta.lead, meta.byline, meta.dateline, meta.author, meta.desk, bodyText]
    .join('\n')
    .toLowerCase();
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO articles (id, kicker, headline, lead, byline, dateline, language, author, desk, status,
         trashed_at, created_at, updated_at, rev, body_schema, body, body_text, word_count, search_text)
       VALUES (@id, @kicker, @headline, @lead, @byline, @dateline, @language, @author, @desk, @status,
         NULL, @createdAt, @updatedAt, 1, @bodySchema, @body, @bodyText, @wordCount, @searchText)`,
    ),
    full: db.prepare('SELECT * FROM articles WHERE id = ?'),
    meta: db.prepare(`SELECT ${META_COLUMNS} FROM articles WHERE id = ?`),
    update: db.prepare(
      `UPDATE articles SET kicker = @kicker, headline = @headline, lead = @lead, byline = @byline,
         dateline = @dateline, language = @language, author = @author, desk = @desk, status = @status,
         updated_at = @updatedAt, rev = rev + 1, body_schema = @bodySchema, body = @body, body_text = @bodyText,
         word_count = @wordCount, search_text = @searchText
       WHERE id = @id AND rev = @baseRev`,
    ),
    opened: db.prepare('UPDATE articles SET opened_at = ? WHERE id = ?'),
    trash: db.prepare('UPDATE articles SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL'),
    untrash: db.prepare('UPDATE articles SET trashed_at = NULL WHERE id = ?'),
    emptyTrash: db.prepare('DELETE FROM articles WHERE trashed_at IS NOT NULL'),
    recent: db.prepare(
      `SELECT id, headline FROM articles WHERE trashed_at IS NULL AND opened_at IS NOT NULL
       ORDER BY opened_at DESC LIMIT ?`,
    ),
  };
}

function stmts(db: Db) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

function fullRow(db: Db, id: string): ArticleRow | undefined {
  return stmts(db).full.get(id) as ArticleRow | undefined;
}

function toDocument(row: ArticleRow): ArticleDocument {
  return { meta: toMeta(row), body: parseStoredBody(row.body, row.body_schema), rev: row.rev };
}

export interface ArticleInit {
  /** Given when the article already has an id elsewhere (a desk article seen here for the first time). */
  id?: string;
  headline?: string;
  language: ArticleLanguage;
  desk?: string;
  author: string;
}

interface InsertValues {
  meta: ArticleMeta;
  bodyJson: string;
  bodyText: string;
}

function insertArticle(db: Db, { meta, bodyJson, bodyText }: InsertValues): void {
  stmts(db).insert.run({
    ...meta,
    bodySchema: ARTICLE_BODY_SCHEMA_VERSION,
    body: bodyJson,
    bodyText,
    wordCount: articleWordCount(meta, bodyText),
    searchText: searchText(meta, bodyText),
  });
}

export function createArticle(db: Db, init: ArticleInit, now: string): ArticleDocument {
  const meta: ArticleMeta = {
    id: init.id ?? randomUUID(),
    kicker: '',
    headline: init.headline ?? '',
    lead: '',
    byline: init.author,
    dateline: '',
    language: init.language,
    author: init.author,
    desk: init.desk ?? '',
    status: 'draft',
    trashedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const body = emptyBody();
  insertArticle(db, { meta, bodyJson: JSON.stringify(body.editorState), bodyText: '' });
  return { meta, body, rev: 1 };
}

export function getArticle(db: Db, id: string): ArticleDocument | null {
  const row = fullRow(db, id);
  return row ? toDocument(row) : null;
}

export function getArticleMeta(db: Db, id: string): ArticleMeta | null {
  const row = stmts(db).meta.get(id) as ArticleRow | undefined;
  return row ? toMeta(row) : null;
}

/** Records that the article was opened, for File → Open Recent. */
export function markOpened(db: Db, id: string, now: string): void {
  stmts(db).opened.run(now, id);
}

export function recentArticles(db: Db, limit = 10): RecentArticle[] {
  return stmts(db).recent.all(limit) as RecentArticle[];
}

export interface ArticleQuery {
  status?: ArticleStatus;
  language?: ArticleLanguage;
  text?: string;
  sort?: ArticleSort;
  trash?: boolean;
}

/** The list as stored; the handler adds what the claims say (`unverifiedSinceReady`). */
export function listArticles(
  db: Db,
  query: ArticleQuery = {},
): Omit<ArticleListItem, 'unverifiedSinceReady'>[] {
  const where: string[] = [query.trash ? 'trashed_at IS NOT NULL' : 'trashed_at IS NULL'];
  const params: unknown[] = [];
  if (query.status) {
    where.push('status = ?');
    params.push(query.status);
  }
  if (query.language) {
    where.push('language = ?');
    params.push(query.language);
  }
  // Every word of the query must appear somewhere in the article, in any case.
  for (const term of (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    where.push('instr(search_text, ?) > 0');
    params.push(term);
  }
  const order =
    query.sort === 'title'
      ? 'headline COLLATE NOCASE ASC, updated_at DESC'
      : 'updated_at DESC, headline COLLATE NOCASE ASC';
  const rows = db
    .prepare(
      `SELECT ${META_COLUMNS}, (SELECT count(DISTINCT r.claim_id) FROM claim_rechecks r JOIN claims c ON c.id = r.claim_id
         WHERE c.article_id = articles.id AND r.resolved_at IS NULL AND c.in_text = 1) AS stale_claims,
       (SELECT count(*) FROM correction_prompts p WHERE p.article_id = articles.id AND p.settled_at IS NULL) AS correction_offers
       FROM articles WHERE ${where.join(' AND ')} ORDER BY ${order}`,
    )
    .all(...params) as (ArticleRow & { stale_claims: number; correction_offers: number })[];
  return rows.map((row) => ({
    ...toMeta(row),
    wordCount: row.word_count,
    staleClaims: row.stale_claims,
    correctionOffers: row.correction_offers,
  }));
}

export interface SaveInput {
  id: string;
  baseRev: number;
  meta?: ArticleMetaPatch;
  body?: ArticleBody;
  /** Who saves; recorded on the snapshots this save may take. */
  user: string;
  /** Leaves snapshots to the caller (a restore records its own). */
  noSnapshot?: boolean;
}

export type SaveOutcome =
  | { kind: 'saved'; rev: number; meta: ArticleMeta; revisionId: number | null }
  | { kind: 'conflict'; rev: number }
  | { kind: 'trashed' }
  | { kind: 'missing' };

function snapshot(
  db: Db,
  row: ArticleRow,
  fields: Omit<NewRevision, 'articleId' | 'bodyJson' | 'bodySchema' | 'meta' | 'wordCount'>,
): RevisionSummary {
  return insertRevision(db, {
    articleId: row.id,
    bodyJson: row.body,
    bodySchema: row.body_schema,
    meta: revisionMeta(toMeta(row)),
    wordCount: row.word_count,
    ...fields,
  });
}

/**
 * Writes the structured fields and body of one article in a single transaction, only if the
 * stored rev is still `baseRev`. Takes a status snapshot when the status changes and an automatic
 * one when the text changed and the newest snapshot is older than AUTO_SNAPSHOT_INTERVAL_MS.
 */
export function saveArticle(db: Db, input: SaveInput, now: string): SaveOutcome {
  return db.transaction((): SaveOutcome => {
    const row = fullRow(db, input.id);
    if (!row) return { kind: 'missing' };
    if (row.rev !== input.baseRev) return { kind: 'conflict', rev: row.rev };
    // The trash keeps an article as it was; editing starts again after a restore.
    if (row.trashed_at !== null) return { kind: 'trashed' };

    const before = toMeta(row);
    const meta: ArticleMeta = { ...before, ...input.meta };
    const body = input.body ? withoutInlineStyles(input.body) : undefined;
    const bodyJson = body ? JSON.stringify(body.editorState) : row.body;
    const bodyChanged = bodyJson !== row.body || row.body_schema !== ARTICLE_BODY_SCHEMA_VERSION;
    const changedKeys = (Object.keys(input.meta ?? {}) as (keyof ArticleMetaPatch)[]).filter(
      (k) => meta[k] !== before[k],
    );
    if (!bodyChanged && changedKeys.length === 0)
      return { kind: 'saved', rev: row.rev, meta: before, revisionId: null };

    const bodyText = bodyChanged && body ? plainText(body) : row.body_text;
    meta.updatedAt = now;
    const wordCount = articleWordCount(meta, bodyText);
    stmts(db).update.run({
      ...meta,
      baseRev: input.baseRev,
      bodySchema: ARTICLE_BODY_SCHEMA_VERSION,
      body: bodyJson,
      bodyText,
      wordCount,
      searchText: searchText(meta, bodyText),
    });
    // The row as just written, without reading 100 KB of body back.
    const saved: ArticleRow = {
      ...row,
      kicker: meta.kicker,
      headline: meta.headline,
      lead: meta.lead,
      byline: meta.byline,
      dateline: meta.dateline,
      language: meta.language,
      author: meta.author,
      desk: meta.desk,
      status: meta.status,
      updated_at: now,
      rev: row.rev + 1,
      body_schema: ARTICLE_BODY_SCHEMA_VERSION,
      body: bodyJson,
      body_text: bodyText,
      word_count: wordCount,
    };

    let revisionId: number | null = null;
    if (input.noSnapshot) return { kind: 'saved', rev: saved.rev, meta: toMeta(saved), revisionId };
    const textChanged =
      bodyChanged || changedKeys.some((k) => (TEXT_FIELDS as readonly string[]).includes(k));
    if (changedKeys.includes('status')) {
      revisionId = snapshot(db, saved, {
        kind: 'status',
        name: meta.status,
        author: input.user,
        createdAt: now,
      }).id;
    } else if (textChanged) {
      const latest = latestRevision(db, input.id);
      if (!latest || Date.parse(now) - Date.parse(latest.createdAt) >= AUTO_SNAPSHOT_INTERVAL_MS) {
        revisionId = snapshot(db, saved, { kind: 'auto', name: '', author: input.user, createdAt: now }).id;
      }
    }
    return { kind: 'saved', rev: saved.rev, meta: toMeta(saved), revisionId };
  })();
}

export function renameArticle(
  db: Db,
  id: string,
  headline: string,
  user: string,
  now: string,
): ArticleMeta | null {
  const row = fullRow(db, id);
  if (!row) return null;
  const outcome = saveArticle(db, { id, baseRev: row.rev, meta: { headline }, user }, now);
  return outcome.kind === 'saved' ? outcome.meta : null;
}

/** A new draft with the same fields and body; revisions stay with the original. */
export function duplicateArticle(
  db: Db,
  id: string,
  headline: string | undefined,
  now: string,
): ArticleDocument | null {
  return db.transaction(() => {
    const row = fullRow(db, id);
    if (!row) return null;
    const meta: ArticleMeta = {
      ...toMeta(row),
      id: randomUUID(),
      headline: headline ?? row.headline,
      status: 'draft',
      trashedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    insertArticle(db, { meta, bodyJson: row.body, bodyText: row.body_text });
    return toDocument(fullRow(db, meta.id)!);
  })();
}

export function trashArticle(db: Db, id: string, now: string): ArticleMeta | null {
  stmts(db).trash.run(now, id);
  return getArticleMeta(db, id);
}

export function restoreArticle(db: Db, id: string): ArticleMeta | null {
  stmts(db).untrash.run(id);
  return getArticleMeta(db, id);
}

/** Deletes every article in the trash for good, with its revisions. Returns how many. */
export function emptyTrash(db: Db): number {
  return stmts(db).emptyTrash.run().changes;
}

/** "Save version…": the article as stored now, under the user's name for it. */
export function createNamedRevision(
  db: Db,
  articleId: string,
  name: string,
  user: string,
  now: string,
): RevisionSummary | null {
  return db.transaction(() => {
    const row = fullRow(db, articleId);
    if (!row) return null;
    return snapshot(db, row, { kind: 'named', name, author: user, createdAt: now });
  })();
}

/**
 * Makes a revision's text current again. Nothing is overwritten: if the current text is not
 * already the newest snapshot it is kept as one first, and the restored text becomes a new
 * "restore" revision on top.
 */
export function restoreRevision(
  db: Db,
  revision: { id: number; articleId: string; body: ArticleBody; meta: RevisionMeta },
  user: string,
  now: string,
): ArticleDocument | null {
  return db.transaction(() => {
    const row = fullRow(db, revision.articleId);
    if (!row) return null;
    const latest = latestRevision(db, row.id);
    const current = toMeta(row);
    const latestMeta = latest ? getLatestMeta(db, latest.id) : null;
    const currentIsSnapshotted =
      latest !== null &&
      latest.bodyJson === row.body &&
      latestMeta !== null &&
      TEXT_FIELDS.every((k) => latestMeta[k] === current[k]);
    if (!currentIsSnapshotted) snapshot(db, row, { kind: 'auto', name: '', author: user, createdAt: now });

    const patch: ArticleMetaPatch = {};
    for (const k of TEXT_FIELDS) patch[k] = revision.meta[k];
    const outcome = saveArticle(
      db,
      { id: row.id, baseRev: row.rev, meta: patch, body: revision.body, user, noSnapshot: true },
      now,
    );
    if (outcome.kind !== 'saved') return null;
    const restored = fullRow(db, row.id)!;
    snapshot(db, restored, { kind: 'restore', name: String(revision.id), author: user, createdAt: now });
    return toDocument(restored);
  })();
}

function getLatestMeta(db: Db, revisionId: number): RevisionMeta | null {
  const json = db.prepare('SELECT meta FROM article_revisions WHERE id = ?').pluck().get(revisionId) as
    string | undefined;
  return json ? (JSON.parse(json) as RevisionMeta) : null;
}
