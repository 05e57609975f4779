import type {
  PassageRef,
  SearchHit,
  SearchHitMeta,
  SearchKind,
  SearchResult,
} from '../shared/contract/facts-types';
import { DEAL_STATUSES, QUOTE_STATUSES, type EntityKind } from '../shared/domain/facts';
import { highlight, matchRanges, snippet, type TextSegment } from '../shared/search/highlight';
import { buildFtsMatch, parseSearchInput, type SearchTerm } from '../shared/search/query';
import type { Db } from './db';
import { prepared } from './prepared';
import { matchPassages, type PassageHit } from './source-documents';

export interface SearchParams {
  query: string;
  /** The box is being typed into: the last word counts as a prefix. */
  typing?: boolean;
  kinds?: readonly SearchKind[];
  /** A deal or quote status; only kinds that have it are searched. */
  status?: string | null;
  /** Deals where this entity pays, is paid or reported; quotes it spoke. */
  entityId?: string | null;
  entityKinds?: readonly EntityKind[];
  dateFrom?: string | null;
  dateTo?: string | null;
  currency?: string | null;
  /** Minor units; a deal matches when its amount (or range) overlaps [amountMin, amountMax]. */
  amountMin?: number | null;
  amountMax?: number | null;
  limit?: number;
}

interface KindQuery {
  kind: SearchKind;
  sql: string;
  params: unknown[];
}

/** Which kinds a combination of filters can apply to: an amount filter only makes sense for deals, etc. */
export function kindsFor(p: SearchParams): SearchKind[] {
  let kinds: SearchKind[] = p.kinds?.length ? [...p.kinds] : ['entity', 'deal', 'quote', 'source'];
  if (p.currency || p.amountMin != null || p.amountMax != null) kinds = kinds.filter((k) => k === 'deal');
  if (p.status) {
    const ok = new Set<SearchKind>();
    if ((DEAL_STATUSES as readonly string[]).includes(p.status)) ok.add('deal');
    if ((QUOTE_STATUSES as readonly string[]).includes(p.status)) ok.add('quote');
    kinds = kinds.filter((k) => ok.has(k));
  }
  if (p.entityId) kinds = kinds.filter((k) => k === 'deal' || k === 'quote');
  if (p.dateFrom || p.dateTo) kinds = kinds.filter((k) => k !== 'entity');
  if (p.entityKinds?.length) kinds = kinds.filter((k) => k === 'entity');
  return kinds;
}

const SELECT: Record<SearchKind, string> = {
  entity: `SELECT x.id, x.name, x.kind, x.aliases, x.updated_at FROM %FROM%`,
  deal: `SELECT x.id, x.subject, x.notes, x.kind, x.status, x.precision, x.amount_minor, x.amount_max_minor, x.currency,
           x.date_from, x.date_to, x.updated_at, payer.name AS payer, payee.name AS payee,
           EXISTS (SELECT 1 FROM citations c WHERE c.fact_type = 'deal' AND c.fact_id = x.id) AS sourced
         FROM %FROM% LEFT JOIN entities payer ON payer.id = x.payer_id LEFT JOIN entities payee ON payee.id = x.payee_id`,
  quote: `SELECT x.id, x.wording, x.status, x.language, x.date, x.role_at_time, x.updated_at, sp.name AS speaker,
           EXISTS (SELECT 1 FROM citations c WHERE c.fact_type = 'quote' AND c.fact_id = x.id) AS sourced
         FROM %FROM% JOIN entities sp ON sp.id = x.speaker_id`,
  source: `SELECT x.id, x.title, x.publisher, x.kind, x.published_at, x.file_hash, x.updated_at FROM %FROM%`,
};
const TABLE: Record<SearchKind, string> = {
  entity: 'entities',
  deal: 'deals',
  quote: 'quotes',
  source: 'sources',
};
const BROWSE_ORDER: Record<SearchKind, string> = {
  entity: 'x.name',
  deal: 'x.date_from IS NULL, x.date_from DESC, x.seq DESC',
  quote: 'x.date IS NULL, x.date DESC, x.seq DESC',
  source: 'x.published_at IS NULL, x.published_at DESC, x.seq DESC',
};

function filters(kind: SearchKind, p: SearchParams): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (kind === 'entity' && p.entityKinds?.length)
    add(`x.kind IN (${p.entityKinds.map(() => '?').join(', ')})`, ...p.entityKinds);
  if (kind === 'deal') {
    if (p.status) add('x.status = ?', p.status);
    if (p.entityId)
      add('(x.payer_id = ? OR x.payee_id = ? OR x.reported_by_id = ?)', p.entityId, p.entityId, p.entityId);
    if (p.currency) add('x.currency = ?', p.currency);
    if (p.amountMin != null)
      add('x.amount_minor IS NOT NULL AND coalesce(x.amount_max_minor, x.amount_minor) >= ?', p.amountMin);
    if (p.amountMax != null) add('x.amount_minor IS NOT NULL AND x.amount_minor <= ?', p.amountMax);
    if (p.dateFrom) add('coalesce(x.date_to, x.date_from) >= ?', p.dateFrom);
    if (p.dateTo) add('x.date_from <= ?', p.dateTo);
  }
  if (kind === 'quote') {
    if (p.status) add('x.status = ?', p.status);
    if (p.entityId) add('x.speaker_id = ?', p.entityId);
    if (p.dateFrom) add('x.date >= ?', p.dateFrom);
    if (p.dateTo) add('x.date <= ?', p.dateTo);
  }
  if (kind === 'source') {
    if (p.dateFrom) add('x.published_at >= ?', p.dateFrom);
    if (p.dateTo) add('x.published_at <= ?', p.dateTo);
  }
  return { where, params };
}

/**
 * Ranking every match by bm25 costs time in proportion to the matches: a two-letter prefix
 * can match most of the store. So bm25 ranks the newest RANK_WINDOW matches (all of them for
 * any query that matches fewer), which the index yields in rowid order and stops early.
 */
export const RANK_WINDOW = 1000;

/** The ranked FTS5 statement for one index table: parameters are the MATCH expression and the limit. */
export function rankedMatchSql(fts: string): string {
  return `SELECT rowid, rank FROM (SELECT rowid, rank FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW}) ORDER BY rank LIMIT ?`;
}

function kindQuery(
  kind: SearchKind,
  match: string | null,
  p: SearchParams,
  limit: number,
  mixed: boolean,
): KindQuery {
  const { where, params } = filters(kind, p);
  const fts = `${kind}_fts`;
  if (match !== null && where.length === 0) {
    // Rank inside the index and join only the rows kept (see rankedMatchSql).
    const from = `(${rankedMatchSql(fts)}) h JOIN ${TABLE[kind]} x ON x.seq = h.rowid`;
    const sql = `${SELECT[kind].replace('%FROM%', from).replace('SELECT ', 'SELECT h.rank AS rank, ')} ORDER BY h.rank`;
    return { kind, sql, params: [match, limit] };
  }
  if (match !== null) {
    const from = `${fts} JOIN ${TABLE[kind]} x ON x.seq = ${fts}.rowid`;
    const sql = `${SELECT[kind].replace('%FROM%', from).replace('SELECT ', `SELECT ${fts}.rank AS rank, `)} WHERE ${fts} MATCH ?${where
      .map((w) => ` AND ${w}`)
      .join('')} ORDER BY ${fts}.rank LIMIT ?`;
    return { kind, sql, params: [match, ...params, limit] };
  }
  const sql = `${SELECT[kind].replace('%FROM%', `${TABLE[kind]} x`).replace('SELECT ', 'SELECT 0 AS rank, ')}${
    where.length ? ` WHERE ${where.join(' AND ')}` : ''
  } ORDER BY ${mixed ? 'x.updated_at DESC, x.seq DESC' : BROWSE_ORDER[kind]} LIMIT ?`;
  return { kind, sql, params: [...params, limit] };
}

type Row = Record<string, unknown> & { id: string; rank: number; updated_at: string; passage?: PassageHit };

const passageRef = (p: PassageHit): PassageRef => ({
  ord: p.ord,
  page: p.page,
  paragraph: p.paragraph,
  locator: p.locator,
  excerpt: p.excerpt,
});

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function marked(text: string | null, terms: readonly SearchTerm[]): TextSegment[] | null {
  if (!text || terms.length === 0 || matchRanges(text, terms).length === 0) return null;
  return snippet(text, terms);
}

function toHit(kind: SearchKind, r: Row, terms: readonly SearchTerm[]): SearchHit {
  let title: TextSegment[];
  let detail: TextSegment[] | null = null;
  let meta: SearchHitMeta;
  let unsourced = false;
  switch (kind) {
    case 'entity': {
      const aliases = JSON.parse(r.aliases as string) as string[];
      title = highlight(r.name as string, terms);
      detail = aliases.length ? marked(aliases.join(' · '), terms) : null;
      meta = { type: 'entity', kind: r.kind as EntityKind, aliases };
      break;
    }
    case 'deal':
      title = highlight(r.subject as string, terms);
      detail = marked(str(r.notes), terms);
      unsourced = !r.sourced;
      meta = {
        type: 'deal',
        kind: r.kind as never,
        status: r.status as never,
        precision: r.precision as never,
        amountMinor: r.amount_minor as number | null,
        amountMaxMinor: r.amount_max_minor as number | null,
        currency: str(r.currency),
        dateFrom: str(r.date_from),
        dateTo: str(r.date_to),
        payer: str(r.payer),
        payee: str(r.payee),
      };
      break;
    case 'quote':
      title = snippet(r.wording as string, terms, 220);
      unsourced = !r.sourced;
      meta = {
        type: 'quote',
        status: r.status as never,
        language: r.language as string,
        date: str(r.date),
        speaker: r.speaker as string,
        roleAtTime: str(r.role_at_time),
      };
      break;
    default:
      title = highlight(r.title as string, terms);
      // A match in the document's text says where; otherwise the publisher may be why it was found.
      detail = r.passage ? r.passage.snippet : marked(str(r.publisher), terms);
      meta = {
        type: 'source',
        kind: r.kind as never,
        publisher: str(r.publisher),
        publishedAt: str(r.published_at),
        hasFile: r.file_hash !== null,
        passage: r.passage ? passageRef(r.passage) : null,
      };
  }
  return { type: kind, id: r.id, rank: r.rank, title, detail, unsourced, meta };
}

/**
 * One search over every kind of fact. Words are folded (case, diacritics, ä/ae) on both
 * sides; the FTS expression is built from quoted tokens only, so any text is a valid search.
 * Results are ranked by bm25 across kinds; without words, the filtered records are listed
 * (one kind: by date or name; several: the most recently changed first).
 */
export function searchFacts(db: Db, p: SearchParams): SearchResult {
  const limit = Math.max(1, Math.min(p.limit ?? 50, 500));
  const terms = parseSearchInput(p.query, { typing: p.typing });
  const match = buildFtsMatch(terms);
  if (match === null && p.query.trim() !== '' && terms.length === 0) return { hits: [], truncated: false };
  const kinds = kindsFor(p);
  const unfiltered = kinds.every((kind) => filters(kind, p).where.length === 0);
  if (match !== null && unfiltered) return rankedSearch(db, match, terms, kinds, limit);
  const rows: { kind: SearchKind; row: Row }[] = [];
  for (const kind of kinds) {
    const q = kindQuery(kind, match, p, limit + 1, kinds.length > 1);
    const kindRows = prepared(db, q.sql).all(...q.params) as Row[];
    if (kind === 'source' && match !== null)
      addPassageRows(db, kindRows, matchPassages(db, match, terms, limit + 1), filters('source', p));
    for (const row of kindRows) rows.push({ kind, row });
  }
  if (match !== null) rows.sort((a, b) => a.row.rank - b.row.rank);
  else if (kinds.length > 1)
    rows.sort((a, b) =>
      a.row.updated_at < b.row.updated_at ? 1 : a.row.updated_at > b.row.updated_at ? -1 : 0,
    );
  return {
    hits: rows.slice(0, limit).map(({ kind, row }) => toHit(kind, row, terms)),
    truncated: rows.length > limit,
  };
}

/**
 * Words without filters, the search box's everyday case: each index ranks its matches, the
 * ranks are merged, and only the rows that make the cut are read and joined. Reading the
 * best `limit` rows of every kind and throwing three quarters away was half of a keystroke's
 * time on a large store.
 */
function rankedSearch(
  db: Db,
  match: string,
  terms: readonly SearchTerm[],
  kinds: readonly SearchKind[],
  limit: number,
): SearchResult {
  const ranked: { kind: SearchKind; seq: number; rank: number }[] = [];
  const passages = new Map<number, PassageHit>();
  for (const kind of kinds) {
    for (const h of prepared(db, rankedMatchSql(`${kind}_fts`)).all(match, limit + 1) as {
      rowid: number;
      rank: number;
    }[])
      ranked.push({ kind, seq: h.rowid, rank: h.rank });
    if (kind !== 'source') continue;
    // A source is found by its title or by its text; it is listed once, at its better rank.
    for (const passage of matchPassages(db, match, terms, limit + 1)) {
      passages.set(passage.sourceSeq, passage);
      const byTitle = ranked.find((h) => h.kind === 'source' && h.seq === passage.sourceSeq);
      if (byTitle) byTitle.rank = Math.min(byTitle.rank, passage.rank);
      else ranked.push({ kind, seq: passage.sourceSeq, rank: passage.rank });
    }
  }
  ranked.sort((a, b) => a.rank - b.rank);
  const kept = ranked.slice(0, limit);
  const rows = new Map<string, Row>();
  for (const kind of kinds) {
    const seqs = kept.filter((h) => h.kind === kind).map((h) => h.seq);
    if (seqs.length === 0) continue;
    const from = `${TABLE[kind]} x`;
    const sql = `${SELECT[kind].replace('%FROM%', from).replace('SELECT ', 'SELECT x.seq AS seq, 0 AS rank, ')} WHERE x.seq IN (SELECT value FROM json_each(?))`;
    for (const row of prepared(db, sql).all(JSON.stringify(seqs)) as Row[])
      rows.set(`${kind}:${row.seq as number}`, row);
  }
  const hits: SearchHit[] = [];
  for (const h of kept) {
    const row = rows.get(`${h.kind}:${h.seq}`);
    if (row)
      hits.push(
        toHit(
          h.kind,
          { ...row, rank: h.rank, passage: h.kind === 'source' ? passages.get(h.seq) : undefined },
          terms,
        ),
      );
  }
  return { hits, truncated: ranked.length > limit };
}

/**
 * Sources found by their text in a filtered search: matched rows get their passage, sources
 * found only by text are read with the same filters and join the rows at the passage's rank.
 */
function addPassageRows(
  db: Db,
  rows: Row[],
  passages: (PassageHit & { sourceSeq: number })[],
  f: { where: string[]; params: unknown[] },
): void {
  const missing: (PassageHit & { sourceSeq: number })[] = [];
  for (const passage of passages) {
    const row = rows.find((r) => r.id === passage.sourceId);
    if (row) {
      row.passage = passage;
      row.rank = Math.min(row.rank, passage.rank);
    } else missing.push(passage);
  }
  if (missing.length === 0) return;
  const sql = `${SELECT.source.replace('%FROM%', 'sources x').replace('SELECT ', 'SELECT 0 AS rank, ')} WHERE x.seq IN (SELECT value FROM json_each(?))${f.where
    .map((w) => ` AND ${w}`)
    .join('')}`;
  for (const row of prepared(db, sql).all(
    JSON.stringify(missing.map((m) => m.sourceSeq)),
    ...f.params,
  ) as Row[]) {
    const passage = missing.find((m) => m.sourceId === row.id)!;
    rows.push({ ...row, rank: passage.rank, passage });
  }
}
