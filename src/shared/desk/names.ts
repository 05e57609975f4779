import { FACT_TYPES } from '../domain/facts';

/**
 * The desk's shared vocabulary: document names, roles, awareness state and the limits both the
 * desk server (src/desk-server) and the app's desk client rely on. Pure TypeScript so the
 * server, the renderer and tests all read the same names.
 */

/** Roles a desk user can have. Viewers read; the server refuses their updates. */
export const DESK_ROLES = ['editor', 'checker', 'viewer'] as const;
export type DeskRole = (typeof DESK_ROLES)[number];

export function isDeskRole(value: unknown): value is DeskRole {
  return typeof value === 'string' && (DESK_ROLES as readonly string[]).includes(value);
}

/** Roles that may change documents. */
export function canWrite(role: DeskRole): boolean {
  return role !== 'viewer';
}

/** What the server's onAuthenticate puts into the Hocuspocus context of every connection. */
export interface DeskUser {
  name: string;
  role: DeskRole;
}
export interface DeskConnectionContext {
  user: DeskUser;
}

/** Awareness state every client sets (carets, selections, "who is in this article"). */
export interface DeskAwarenessState {
  user: { name: string; color: string; role: DeskRole };
  articleId?: string;
}

/** The shared fact store's record kinds: the local fact types plus citations. */
export const DESK_FACT_KINDS = [...FACT_TYPES, 'citation'] as const;
export type DeskFactKind = (typeof DESK_FACT_KINDS)[number];

export function isDeskFactKind(value: unknown): value is DeskFactKind {
  return typeof value === 'string' && (DESK_FACT_KINDS as readonly string[]).includes(value);
}

/** Fact records are spread over this many documents per kind, so no document grows without bound. */
export const FACT_BUCKETS = 64;

/** The document listing the desk's shared articles: Y.Map ARTICLE_INDEX_MAP, articleId → DeskArticleIndexEntry. */
export const ARTICLE_INDEX_DOC = 'index/articles';
export const ARTICLE_INDEX_MAP = 'articles';
export interface DeskArticleIndexEntry {
  headline: string;
  sharedBy: string;
  /** ISO 8601 timestamp. */
  sharedAt: string;
}

/** Top-level shared types of an article's Y.Doc. */
export const ARTICLE_DOC_KEYS = {
  /** XmlText bound by @lexical/yjs (CollaborationPlugin's default root name). */
  root: 'root',
  /** Y.Map: kicker, headline, lead, byline, dateline, language, status. */
  meta: 'meta',
  /** Y.Map: claimId → Y.Map of the claim record. */
  claims: 'claims',
  /** Y.Map: threads (issue 14). */
  comments: 'comments',
  /** Y.Map: correctionId → Y.Map of the correction record, withdrawn ones included (issue 14). */
  corrections: 'corrections',
} as const;

export const ARTICLE_META_FIELDS = [
  'kicker',
  'headline',
  'lead',
  'byline',
  'dateline',
  'language',
  'status',
] as const;
export type ArticleMetaField = (typeof ARTICLE_META_FIELDS)[number];

/** Ids inside document names: no slashes or control characters, so a name always parses back. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function isDeskId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export function articleDocName(articleId: string): string {
  if (!isDeskId(articleId))
    throw new Error(`article id "${articleId}" cannot be used in a desk document name`);
  return `article/${articleId}`;
}

/**
 * The bucket (0..FACT_BUCKETS-1) a fact record lives in: FNV-1a (32 bit) over the id's UTF-8
 * bytes. Stable across machines and runtimes, which is all it needs to be.
 */
export function factBucket(recordId: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(recordId)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % FACT_BUCKETS;
}

export function factsDocName(kind: DeskFactKind, bucket: number): string {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= FACT_BUCKETS)
    throw new Error(`fact bucket ${bucket} is not 0..${FACT_BUCKETS - 1}`);
  return `facts/${kind}/${bucket}`;
}

/** The document a fact record belongs in. */
export function factDocNameFor(kind: DeskFactKind, recordId: string): string {
  return factsDocName(kind, factBucket(recordId));
}

export type DeskDocName =
  | { kind: 'article'; articleId: string }
  | { kind: 'article-index' }
  | { kind: 'facts'; factKind: DeskFactKind; bucket: number };

/** Parses a document name; null for anything that is not one of the desk's documents. */
export function parseDeskDocName(name: string): DeskDocName | null {
  if (name === ARTICLE_INDEX_DOC) return { kind: 'article-index' };
  const parts = name.split('/');
  if (parts.length === 2 && parts[0] === 'article' && isDeskId(parts[1]))
    return { kind: 'article', articleId: parts[1] };
  if (
    parts.length === 3 &&
    parts[0] === 'facts' &&
    isDeskFactKind(parts[1]) &&
    /^(0|[1-9][0-9]?)$/.test(parts[2])
  ) {
    const bucket = Number(parts[2]);
    if (bucket < FACT_BUCKETS) return { kind: 'facts', factKind: parts[1], bucket };
  }
  return null;
}

/** Refusal reasons the server sends (Hocuspocus permission-denied reason) and the app shows. */
export const DESK_REFUSAL = {
  noToken: 'no desk token given',
  badToken: 'unknown or revoked token',
  badDocument: 'not a desk document name',
} as const;

/** Source files shared over the desk (issue 13): HTTP paths on the desk server and their size limit. */
export const DESK_FILES_PATH = '/files/';
/** `GET` with the token as Bearer answers `{ ok: true, user: { name, role } }`: who a token belongs to. */
export const DESK_WHOAMI_PATH = '/whoami';
export const DESK_FILE_MAX_BYTES = 50 * 1024 * 1024;

/** The HTTP URL of a desk server for its WebSocket URL (ws → http, wss → https). */
export function deskHttpUrl(wsUrl: string): string {
  return wsUrl.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '');
}

/** Persistence debounce defaults: a killed server loses at most DESK_MAX_DEBOUNCE_MS of edits. */
export const DESK_DEBOUNCE_MS = 500;
export const DESK_MAX_DEBOUNCE_MS = 2000;
export const DESK_DEFAULT_PORT = 1234;
