import type { CitationView, SourceRef } from '../shared/contract/facts-types';
import type { CitationInput, CitationUpdate, CitedFactType } from '../shared/domain/fact-inputs';
import type { Citation } from '../shared/domain/facts';
import { UserError } from '../shared/result';
import type { Actor } from './audit';
import type { Db } from './db';
import { refuse } from './fact-problems';
import { citationTable } from './fact-tables';
import { prepared } from './prepared';
import {
  deleteRecord,
  getRecord,
  getRecords,
  insertRecord,
  newFactId,
  sameRecord,
  updateRecord,
} from './records';

const FACT_TABLES: Record<CitedFactType, string> = {
  entity: 'entities',
  role: 'roles',
  deal: 'deals',
  quote: 'quotes',
};

export function factExists(db: Db, type: CitedFactType, id: string): boolean {
  return prepared(db, `SELECT 1 FROM ${FACT_TABLES[type]} WHERE id = ?`).get(id) !== undefined;
}

function sourceExists(db: Db, id: string): boolean {
  return prepared(db, 'SELECT 1 FROM sources WHERE id = ?').get(id) !== undefined;
}

function requireCitation(db: Db, id: string): Citation {
  const c = getRecord(db, citationTable, id);
  if (!c) throw new UserError('not_found', { key: 'noSuchCitation', params: { id } });
  return c;
}

export function createCitation(db: Db, input: CitationInput, actor: Actor, id = newFactId('cit')): Citation {
  return db.transaction(() => {
    const problems = [];
    if (!factExists(db, input.factType, input.factId))
      problems.push({
        path: 'factId',
        message: `refers to a ${input.factType} that does not exist ("${input.factId}")`,
      });
    if (!sourceExists(db, input.sourceId))
      problems.push({
        path: 'sourceId',
        message: `refers to a source that does not exist ("${input.sourceId}")`,
      });
    if (problems.length) refuse({ key: 'theCitation' }, problems);
    return insertRecord(db, citationTable, { id, ...input }, actor);
  })();
}

export function updateCitation(db: Db, input: CitationUpdate, actor: Actor): Citation {
  return db.transaction(() => {
    const before = requireCitation(db, input.id);
    if (!sourceExists(db, input.sourceId))
      refuse({ key: 'theCitation' }, [
        { path: 'sourceId', message: `refers to a source that does not exist ("${input.sourceId}")` },
      ]);
    const after: Citation = {
      ...before,
      sourceId: input.sourceId,
      locator: input.locator,
      excerpt: input.excerpt,
    };
    return sameRecord(citationTable, before, after)
      ? before
      : updateRecord(db, citationTable, before, after, actor);
  })();
}

export function deleteCitation(db: Db, id: string, actor: Actor): void {
  db.transaction(() => deleteRecord(db, citationTable, requireCitation(db, id), actor))();
}

/** Removes (and audits) the citations of a fact that is itself being deleted. */
export function deleteCitationsOf(db: Db, type: CitedFactType, id: string, actor: Actor): void {
  for (const c of getRecords(db, citationTable, 'WHERE fact_type = ? AND fact_id = ?', [type, id]))
    deleteRecord(db, citationTable, c, actor);
}

interface SourceRefRow {
  id: string;
  title: string;
  kind: SourceRef['kind'];
  publisher: string | null;
  url: string | null;
  published_at: string | null;
  file_name: string | null;
  file_hash: string | null;
}

export function sourceRef(db: Db, id: string): SourceRef | null {
  const r = prepared(
    db,
    'SELECT id, title, kind, publisher, url, published_at, file_name, file_hash FROM sources WHERE id = ?',
  ).get(id) as SourceRefRow | undefined;
  return r
    ? {
        id: r.id,
        title: r.title,
        kind: r.kind,
        publisher: r.publisher,
        url: r.url,
        publishedAt: r.published_at,
        fileName: r.file_name,
        fileHash: r.file_hash,
      }
    : null;
}

export function citationsFor(db: Db, type: CitedFactType, id: string): CitationView[] {
  return getRecords(db, citationTable, 'WHERE fact_type = ? AND fact_id = ? ORDER BY seq', [type, id]).map(
    (c) => ({
      ...c,
      source: sourceRef(db, c.sourceId)!,
    }),
  );
}

export function citationCount(db: Db, type: CitedFactType, id: string): number {
  return (
    prepared(db, 'SELECT count(*) AS n FROM citations WHERE fact_type = ? AND fact_id = ?').get(type, id) as {
      n: number;
    }
  ).n;
}
