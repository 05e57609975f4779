import type { CitedFact, SourceView } from '../shared/contract/facts-types';
import {
  sourceProblems,
  type SourceInput,
  type SourceUpdate,
  type CitedFactType,
} from '../shared/domain/fact-inputs';
import type { Source } from '../shared/domain/facts';
import { UserError } from '../shared/result';
import type { Actor } from './audit';
import { assertNotLinked, linkedArticles } from './claim-links';
import type { Db } from './db';
import { refuse } from './fact-problems';
import { sourceTable } from './fact-tables';
import { MAX_FILE_BYTES, storedFileInfo, storeFile } from './files';
import { prepared } from './prepared';
import { deleteRecord, getRecord, insertRecord, newFactId, sameRecord, updateRecord } from './records';

export function getSource(db: Db, id: string): Source | null {
  return getRecord(db, sourceTable, id);
}

function requireSource(db: Db, id: string): Source {
  const s = getSource(db, id);
  if (!s) throw new UserError('not_found', { key: 'noSuchSource', params: { id } });
  return s;
}

export function createSource(db: Db, input: SourceInput, actor: Actor, id = newFactId('src')): Source {
  return db.transaction(() => {
    const problems = sourceProblems(input);
    if (problems.length) refuse({ key: 'theSource' }, problems);
    return insertRecord(db, sourceTable, { id, ...input, fileHash: null, fileName: null }, actor);
  })();
}

/** Changes the descriptive fields; the attached file is changed only by attach/detach. */
export function updateSource(db: Db, input: SourceUpdate, actor: Actor): Source {
  return db.transaction(() => {
    const before = requireSource(db, input.id);
    const problems = sourceProblems(input);
    if (problems.length) refuse({ key: 'theSource' }, problems);
    const after: Source = { ...input, fileHash: before.fileHash, fileName: before.fileName };
    return sameRecord(sourceTable, before, after)
      ? before
      : updateRecord(db, sourceTable, before, after, actor);
  })();
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Keeps only a plain file name: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(CONTROL_CHARACTERS, '').trim().slice(0, 255);
  return clean || 'file';
}

/**
 * Stores the bytes in the data folder by SHA-256 (once, however often attached) and points
 * the source at them. Replaces an earlier attachment of the source; the audit keeps the old hash.
 */
export function attachFile(
  db: Db,
  dataDir: string,
  sourceId: string,
  fileName: string,
  bytes: Uint8Array,
  actor: Actor,
): Source {
  const before = requireSource(db, sourceId);
  if (bytes.length === 0) refuse({ key: 'theFile' }, [{ path: 'file', message: 'is empty' }]);
  if (bytes.length > MAX_FILE_BYTES)
    refuse({ key: 'theFile' }, [
      { path: 'file', message: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` },
    ]);
  const { hash } = storeFile(dataDir, bytes);
  return db.transaction(() => {
    const after: Source = {
      ...requireSource(db, sourceId),
      fileHash: hash,
      fileName: cleanFileName(fileName),
    };
    return sameRecord(sourceTable, before, after)
      ? before
      : updateRecord(db, sourceTable, before, after, actor);
  })();
}

export function detachFile(db: Db, sourceId: string, actor: Actor): Source {
  return db.transaction(() => {
    const before = requireSource(db, sourceId);
    if (!before.fileHash) return before;
    return updateRecord(db, sourceTable, before, { ...before, fileHash: null, fileName: null }, actor);
  })();
}

/** Refuses while facts cite the source or articles link to it, so no fact silently becomes unsourced. */
export function deleteSource(db: Db, id: string, actor: Actor): void {
  db.transaction(() => {
    const source = requireSource(db, id);
    assertNotLinked(db, 'source', id, { key: 'theSourceNamed', params: { title: source.title } });
    const cited = (
      prepared(db, 'SELECT count(*) AS n FROM citations WHERE source_id = ?').get(id) as { n: number }
    ).n;
    if (cited)
      throw new UserError('conflict', { key: 'sourceCited', params: { title: source.title, count: cited } });
    deleteRecord(db, sourceTable, source, actor);
  })();
}

const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A one-line description of a fact, for lists of what a source backs. */
export function factLabel(db: Db, type: CitedFactType, id: string): string {
  const one = (sql: string) => (prepared(db, sql).get(id) as { label: string } | undefined)?.label;
  const label =
    type === 'deal'
      ? one('SELECT subject AS label FROM deals WHERE id = ?')
      : type === 'quote'
        ? one(
            "SELECT e.name || ': ' || q.wording AS label FROM quotes q JOIN entities e ON e.id = q.speaker_id WHERE q.id = ?",
          )
        : type === 'entity'
          ? one('SELECT name AS label FROM entities WHERE id = ?')
          : one(
              "SELECT e.name || ' — ' || r.title AS label FROM roles r JOIN entities e ON e.id = r.person_id WHERE r.id = ?",
            );
  return shorten(label ?? id);
}

export function sourceView(db: Db, dataDir: string, id: string): SourceView {
  const source = requireSource(db, id);
  const rows = prepared(
    db,
    'SELECT id, fact_type, fact_id, locator, excerpt FROM citations WHERE source_id = ? ORDER BY seq',
  ).all(id) as {
    id: string;
    fact_type: CitedFactType;
    fact_id: string;
    locator: string | null;
    excerpt: string | null;
  }[];
  const citedBy: CitedFact[] = rows.map((r) => ({
    citationId: r.id,
    factType: r.fact_type,
    factId: r.fact_id,
    label: factLabel(db, r.fact_type, r.fact_id),
    locator: r.locator,
    excerpt: r.excerpt,
  }));
  return {
    source,
    file: source.fileHash ? storedFileInfo(dataDir, source.fileHash) : null,
    citedBy,
    linkedArticles: linkedArticles(db, 'source', id),
  };
}
