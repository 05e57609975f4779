import { randomUUID } from 'node:crypto';
import type { Db } from './db';
import { emptyBody, parseStoredBody, withoutInlineStyles, type BodyProblem } from './articleBody';
import { assembleBodyJson, blockRecord, rootShellJson, splitBody, type StoredBlock } from './articleBlocks';
import { insertRevision, latestRevision, latestRevisionBody, type NewRevision } from './revisions';
import { countWords } from '../shared/typography/counts';
import {
  ARTICLE_BODY_SCHEMA_VERSION,
  type ArticleDocument,
  type BlockPatch,
  type ArticleListItem,
  type ArticleMetaPatch,
  type ArticleSort,
  type RecentArticle,
  type RevisionMeta,
  type RevisionSummary,
} from '../shared/contract/articles';
import type {
  ArticleBody,
  ArticleLanguage,
  ArticleMeta,
  ArticleStatus,
  SerializedNodeJSON,
} from '../shared/domain/articles';

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
  /** The root node's own fields (articleBlocks.ts); the blocks are rows of article_blocks. */
  body: string;
  /** JSON array of the top-level block ids in order. */
  block_order: string;
  body_words: number;
  word_count: number;
}

const META_COLUMNS = `id, kicker, headline, lead, byline, dateline, language, author, desk, status,
  trashed_at, created_at, updated_at, rev, word_count`;

/** The text fields a revision restores; language, status, desk and author stay as they are. */
const TEXT_FIELDS = ['kicker', 'headline', 'lead', 'byline', 'dateline'] as const;

function toMeta(row: Omit<ArticleRow, 'body' | 'body_schema' | 'block_order' | 'body_words'>): ArticleMeta {
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
function articleWordCount(meta: Pick<ArticleMeta, 'headline' | 'lead'>, bodyWords: number): number {
  return countWords(`${meta.headline}\n${meta.lead}`) + bodyWords;
}

/** The structured fields for the library's search; the body's text is searched in its blocks. */
function searchText(meta: ArticleMeta): string {
  return [meta.kicker, meta.headline, meta.lead, meta.byline, meta.dateline, meta.author, meta.desk]
    .join('\n')
    .toLowerCase();
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO articles (id, kicker, headline, lead, byline, dateline, language, author, desk, status,
         trashed_at, created_at, updated_at, rev, body_schema, body, block_order, body_words, word_count, search_text)
       VALUES (@id, @kicker, @headline, @lead, @byline, @dateline, @language, @author, @desk, @status,
         NULL, @createdAt, @updatedAt, 1, @bodySchema, @body, @blockOrder, @bodyWords, @wordCount, @searchText)`,
    ),
    blocks: db.prepare('SELECT id, json FROM article_blocks WHERE article_id = ?'),
    block: db.prepare('SELECT json, words FROM article_blocks WHERE article_id = ? AND id = ?'),
    putBlock: db.prepare(
      `INSERT INTO article_blocks (article_id, id, words, text, json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (article_id, id) DO UPDATE SET words = excluded.words, text = excluded.text, json = excluded.json`,
    ),
    dropBlock: db.prepare('DELETE FROM article_blocks WHERE article_id = ? AND id = ?'),
    dropBlocks: db.prepare('DELETE FROM article_blocks WHERE article_id = ?'),
    copyBlocks: db.prepare(
      `INSERT INTO article_blocks (article_id, id, words, text, json)
       SELECT ?, id, words, text, json FROM article_blocks WHERE article_id = ?`,
    ),
    full: db.prepare('SELECT * FROM articles WHERE id = ?'),
    meta: db.prepare(`SELECT ${META_COLUMNS} FROM articles WHERE id = ?`),
    update: db.prepare(
      `UPDATE articles SET kicker = @kicker, headline = @headline, lead = @lead, byline = @byline,
         dateline = @dateline, language = @language, author = @author, desk = @desk, status = @status,
         updated_at = @updatedAt, rev = rev + 1, body_schema = @bodySchema, body = @body, block_order = @blockOrder,
         body_words = @bodyWords, word_count = @wordCount, search_text = @searchText
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

/** The block JSON of an article in order; a block the order names but the table lacks is an error, never a gap. */
function blockJsons(db: Db, row: Pick<ArticleRow, 'id' | 'block_order'>): string[] {
  const byId = new Map<string, string>();
  for (const b of stmts(db).blocks.all(row.id) as { id: string; json: string }[]) byId.set(b.id, b.json);
  return (JSON.parse(row.block_order) as string[]).map((id) => {
    const json = byId.get(id);
    if (json === undefined) throw new Error(`Article ${row.id} lists block ${id}, which is not stored.`);
    return json;
  });
}

/** The whole body's editor-state JSON, as a revision keeps it. */
function bodyJsonOf(db: Db, row: Pick<ArticleRow, 'id' | 'block_order' | 'body'>): string {
  return assembleBodyJson(row.body, blockJsons(db, row));
}

function toDocument(db: Db, row: ArticleRow): ArticleDocument {
  const current = row.body_schema === ARTICLE_BODY_SCHEMA_VERSION;
  return {
    meta: toMeta(row),
    body: parseStoredBody(bodyJsonOf(db, row), row.body_schema),
    rev: row.rev,
    // Blocks of an older body version are rewritten whole on the next save.
    ...(current ? { blockIds: JSON.parse(row.block_order) as string[] } : {}),
  };
}

/** What a save writes for the body: the root's fields, the block order and the body's words. */
interface BodyWrite {
  shellJson: string;
  orderJson: string;
  words: number;
  changed: boolean;
}

function putBlocks(db: Db, articleId: string, blocks: readonly StoredBlock[]): void {
  const put = stmts(db).putBlock;
  for (const b of blocks) put.run(articleId, b.id, b.words, b.text, b.json);
}

/** The root or a block with the inline styles a body may not carry cleared (see withoutInlineStyles). */
function cleanNode(node: SerializedNodeJSON): SerializedNodeJSON {
  const body: ArticleBody = {
    schemaVersion: ARTICLE_BODY_SCHEMA_VERSION,
    editorState: { root: { type: 'root', version: 1, children: [node] } },
  };
  return withoutInlineStyles(body).editorState.root.children![0];
}

/** Replaces the stored blocks with a whole body's; nothing is written when it is the stored body. */
function writeWholeBody(db: Db, row: ArticleRow | null, articleId: string, body: ArticleBody): BodyWrite {
  const { shellJson, blocks } = splitBody(withoutInlineStyles(body).editorState.root);
  const words = blocks.reduce((n, b) => n + b.words, 0);
  if (
    row &&
    row.body_schema === ARTICLE_BODY_SCHEMA_VERSION &&
    row.body === shellJson &&
    sameJsons(blockJsons(db, row), blocks)
  )
    return { shellJson, orderJson: row.block_order, words: row.body_words, changed: false };
  if (row) stmts(db).dropBlocks.run(articleId);
  putBlocks(db, articleId, blocks);
  return { shellJson, orderJson: JSON.stringify(blocks.map((b) => b.id)), words, changed: true };
}

function sameJsons(stored: readonly string[], blocks: readonly StoredBlock[]): boolean {
  return stored.length === blocks.length && stored.every((json, i) => json === blocks[i].json);
}

/**
 * Applies a block patch (see blockPatchSchema) to the stored body: writes the blocks whose JSON
 * changed, deletes the ones no longer in the order. Refuses an order naming a block that is
 * neither stored nor sent, and a patch that keeps blocks of an older body version.
 */
function writeBlockPatch(
  db: Db,
  row: ArticleRow,
  patch: BlockPatch,
): BodyWrite | { problems: BodyProblem[] } {
  const s = stmts(db);
  const storedOrder = JSON.parse(row.block_order) as string[];
  const stored = new Set(storedOrder);
  const sent = new Set(patch.changed.map((c) => c.id));
  const problems: BodyProblem[] = [];
  patch.order.forEach((id, i) => {
    if (problems.length < 10 && !sent.has(id) && !stored.has(id))
      problems.push({
        path: `blocks.order.${i}`,
        message: `names block ${id}, which is neither stored nor sent`,
      });
  });
  const current = row.body_schema === ARTICLE_BODY_SCHEMA_VERSION;
  if (!current && patch.order.some((id) => !sent.has(id)))
    problems.push({ path: 'blocks', message: 'keeps blocks of an older body version; send the whole body' });
  if (problems.length > 0) return { problems };

  let words = row.body_words;
  let changed = !current;
  for (const { id, node } of patch.changed) {
    const block = blockRecord(id, cleanNode(node));
    const old = s.block.get(row.id, id) as { json: string; words: number } | undefined;
    if (old?.json === block.json) continue;
    words += block.words - (old?.words ?? 0);
    s.putBlock.run(row.id, id, block.words, block.text, block.json);
    changed = true;
  }
  const kept = new Set(patch.order);
  for (const id of storedOrder) {
    if (kept.has(id)) continue;
    const old = s.block.get(row.id, id) as { words: number } | undefined;
    words -= old?.words ?? 0;
    s.dropBlock.run(row.id, id);
    changed = true;
  }
  const orderJson = JSON.stringify(patch.order);
  const shellJson = rootShellJson(cleanNode({ ...patch.root, children: [] }));
  changed ||= orderJson !== row.block_order || shellJson !== row.body;
  return { shellJson, orderJson, words, changed };
}

export interface ArticleInit {
  /** Given when the article already has an id elsewhere (a desk article seen here for the first time). */
  id?: string;
  headline?: string;
  language: ArticleLanguage;
  desk?: string;
  author: string;
}

function insertArticle(db: Db, meta: ArticleMeta, body: Omit<BodyWrite, 'changed'>): void {
  stmts(db).insert.run({
    ...meta,
    bodySchema: ARTICLE_BODY_SCHEMA_VERSION,
    body: body.shellJson,
    blockOrder: body.orderJson,
    bodyWords: body.words,
    wordCount: articleWordCount(meta, body.words),
    searchText: searchText(meta),
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
  const { shellJson, blocks } = splitBody(body.editorState.root);
  const blockIds = blocks.map((b) => b.id);
  db.transaction(() => {
    insertArticle(db, meta, { shellJson, orderJson: JSON.stringify(blockIds), words: 0 });
    putBlocks(db, meta.id, blocks);
  })();
  return { meta, body, rev: 1, blockIds };
}

export function getArticle(db: Db, id: string): ArticleDocument | null {
  const row = fullRow(db, id);
  return row ? toDocument(db, row) : null;
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
  // Every word of the query must appear somewhere in the article, in any case: in a field or a block.
  for (const term of (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    where.push(
      `(instr(search_text, ?) > 0 OR EXISTS (SELECT 1 FROM article_blocks b
         WHERE b.article_id = articles.id AND instr(b.text, ?) > 0))`,
    );
    params.push(term, term);
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
  /** The body as a change to the stored one (the editor's autosave); never together with `body`. */
  blocks?: BlockPatch;
  /** Who saves; recorded on the snapshots this save may take. */
  user: string;
  /** Leaves snapshots to the caller (a restore records its own). */
  noSnapshot?: boolean;
}

export type SaveOutcome =
  | { kind: 'saved'; rev: number; meta: ArticleMeta; revisionId: number | null }
  | { kind: 'conflict'; rev: number }
  | { kind: 'trashed' }
  | { kind: 'missing' }
  | { kind: 'invalid'; problems: BodyProblem[] };

function snapshot(
  db: Db,
  row: ArticleRow,
  fields: Omit<NewRevision, 'articleId' | 'bodyJson' | 'bodySchema' | 'meta' | 'wordCount'>,
  bodyJson = bodyJsonOf(db, row),
): RevisionSummary {
  return insertRevision(db, {
    articleId: row.id,
    bodyJson,
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
    let write: BodyWrite = {
      shellJson: row.body,
      orderJson: row.block_order,
      words: row.body_words,
      changed: false,
    };
    if (input.blocks) {
      const patched = writeBlockPatch(db, row, input.blocks);
      if ('problems' in patched) return { kind: 'invalid', problems: patched.problems };
      write = patched;
    } else if (input.body) write = writeWholeBody(db, row, row.id, input.body);
    const bodyChanged = write.changed;
    const changedKeys = (Object.keys(input.meta ?? {}) as (keyof ArticleMetaPatch)[]).filter(
      (k) => meta[k] !== before[k],
    );
    if (!bodyChanged && changedKeys.length === 0)
      return { kind: 'saved', rev: row.rev, meta: before, revisionId: null };

    meta.updatedAt = now;
    const wordCount = articleWordCount(meta, write.words);
    stmts(db).update.run({
      ...meta,
      baseRev: input.baseRev,
      bodySchema: ARTICLE_BODY_SCHEMA_VERSION,
      body: write.shellJson,
      blockOrder: write.orderJson,
      bodyWords: write.words,
      wordCount,
      searchText: searchText(meta),
    });
    // The row as just written.
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
      body: write.shellJson,
      block_order: write.orderJson,
      body_words: write.words,
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
    insertArticle(db, meta, { shellJson: row.body, orderJson: row.block_order, words: row.body_words });
    stmts(db).copyBlocks.run(meta.id, row.id);
    return toDocument(db, fullRow(db, meta.id)!);
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
    const latest = latestRevisionBody(db, row.id);
    const current = toMeta(row);
    const latestMeta = latest ? getLatestMeta(db, latest.id) : null;
    const currentJson = bodyJsonOf(db, row);
    const currentIsSnapshotted =
      latest !== null &&
      latest.bodyJson === currentJson &&
      latestMeta !== null &&
      TEXT_FIELDS.every((k) => latestMeta[k] === current[k]);
    if (!currentIsSnapshotted)
      snapshot(db, row, { kind: 'auto', name: '', author: user, createdAt: now }, currentJson);

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
    return toDocument(db, restored);
  })();
}

function getLatestMeta(db: Db, revisionId: number): RevisionMeta | null {
  const json = db.prepare('SELECT meta FROM article_revisions WHERE id = ?').pluck().get(revisionId) as
    string | undefined;
  return json ? (JSON.parse(json) as RevisionMeta) : null;
}
