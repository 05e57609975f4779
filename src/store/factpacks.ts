import type { ImportCounts, ImportReport, RecordChange } from '../shared/contract/facts-types';
import type { Citation, Deal, Entity, FactRef, Quote, Role, Source } from '../shared/domain/facts';
import type { PackProblem } from '../shared/factpack/problems';
import {
  FACTPACK_FORMAT,
  FACTPACK_VERSION,
  PACK_SECTIONS,
  type FactPack,
  type PackSection,
} from '../shared/factpack/schema';
import { REPORTER_KINDS, validateFactPack, type PackContext } from '../shared/factpack/validate';
import type { Actor } from './audit';
import type { Db } from './db';
import { entityKindOf } from './entity-refs';
import {
  citationTable,
  dealTable,
  entityTable,
  quoteTable,
  roleTable,
  sourceTable,
  type FactTable,
} from './fact-tables';
import { readStoredFile, sha256Hex, storeFile } from './files';
import { prepared } from './prepared';
import {
  auditCreates,
  changedFields,
  compareWithStored,
  getRecord,
  getRecords,
  insertRecords,
  recordExists,
  storedAsIs,
  updateRecord,
} from './records';

type AnyRecord = { id: string };
const TABLES: Record<PackSection, FactTable<AnyRecord>> = {
  entities: entityTable as unknown as FactTable<AnyRecord>,
  roles: roleTable as unknown as FactTable<AnyRecord>,
  deals: dealTable as unknown as FactTable<AnyRecord>,
  quotes: quoteTable as unknown as FactTable<AnyRecord>,
  sources: sourceTable as unknown as FactTable<AnyRecord>,
  citations: citationTable as unknown as FactTable<AnyRecord>,
};

export interface BuildOptions {
  /** Only these facts and what they depend on; the whole store when omitted. */
  refs?: readonly FactRef[];
  /** Embed attached files (base64) that this store holds; needs dataDir. */
  includeFiles?: boolean;
  dataDir?: string;
  title?: string | null;
}

const ORDER = 'ORDER BY seq';

function byIds<T extends AnyRecord>(db: Db, t: FactTable<T>, ids: Set<string>): T[] {
  return [...ids]
    .map((id) => getRecord(db, t, id))
    .filter((r): r is T => r !== null)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A fact pack of the whole store, or of some facts plus everything they depend on: the
 * entities they name, the speakers' roles (and those roles' organisations), the quotes
 * they translate, their citations and the cited sources. Records keep their ids.
 */
export function buildFactPack(db: Db, options: BuildOptions = {}): FactPack {
  let entities: Entity[],
    roles: Role[],
    deals: Deal[],
    quotes: Quote[],
    sources: Source[],
    citations: Citation[];
  if (!options.refs) {
    entities = getRecords(db, entityTable, ORDER);
    roles = getRecords(db, roleTable, ORDER);
    deals = getRecords(db, dealTable, ORDER);
    quotes = getRecords(db, quoteTable, ORDER);
    sources = getRecords(db, sourceTable, ORDER);
    citations = getRecords(db, citationTable, ORDER);
  } else {
    const ids = {
      entity: new Set<string>(),
      role: new Set<string>(),
      deal: new Set<string>(),
      quote: new Set<string>(),
      source: new Set<string>(),
    };
    const people = new Set<string>();
    for (const ref of options.refs) ids[ref.type].add(ref.id);
    for (const d of byIds(db, dealTable, ids.deal))
      for (const e of [d.payerId, d.payeeId, d.reportedById]) if (e) ids.entity.add(e);
    // Follow translation chains to their original.
    const pending = [...ids.quote];
    while (pending.length) {
      const q = getRecord(db, quoteTable, pending.pop()!);
      if (!q) continue;
      ids.entity.add(q.speakerId);
      people.add(q.speakerId);
      if (q.translationOfId && !ids.quote.has(q.translationOfId)) {
        ids.quote.add(q.translationOfId);
        pending.push(q.translationOfId);
      }
    }
    for (const ref of options.refs) if (ref.type === 'entity') people.add(ref.id);
    for (const p of people)
      for (const r of getRecords(db, roleTable, 'WHERE person_id = ?', [p])) ids.role.add(r.id);
    for (const r of byIds(db, roleTable, ids.role)) {
      ids.entity.add(r.personId);
      if (r.organisationId) ids.entity.add(r.organisationId);
    }
    const cited: Citation[] = [];
    for (const type of ['entity', 'role', 'deal', 'quote'] as const)
      for (const id of ids[type])
        cited.push(...getRecords(db, citationTable, 'WHERE fact_type = ? AND fact_id = ?', [type, id]));
    for (const c of cited) ids.source.add(c.sourceId);
    entities = byIds(db, entityTable, ids.entity);
    roles = byIds(db, roleTable, ids.role);
    deals = byIds(db, dealTable, ids.deal);
    quotes = byIds(db, quoteTable, ids.quote);
    sources = byIds(db, sourceTable, ids.source);
    citations = cited.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  const files: FactPack['files'] = [];
  if (options.includeFiles && options.dataDir) {
    const seen = new Set<string>();
    for (const s of sources) {
      if (!s.fileHash || seen.has(s.fileHash)) continue;
      const bytes = readStoredFile(options.dataDir, s.fileHash);
      if (!bytes) continue;
      seen.add(s.fileHash);
      files.push({ sha256: s.fileHash, name: s.fileName, base64: bytes.toString('base64') });
    }
  }
  return {
    format: FACTPACK_FORMAT,
    version: FACTPACK_VERSION,
    title: options.title ?? null,
    exportedAt: new Date().toISOString(),
    entities,
    roles,
    deals,
    quotes,
    sources,
    citations,
    files,
  };
}

const TYPE_OF: Record<PackSection, RecordChange['type']> = {
  entities: 'entity',
  roles: 'role',
  deals: 'deal',
  quotes: 'quote',
  sources: 'source',
  citations: 'citation',
};

function label(section: PackSection, r: AnyRecord): string {
  const x = r as unknown as Record<string, unknown>;
  const text = String(
    x.name ??
      x.subject ??
      x.wording ??
      x.title ??
      (section === 'citations' ? `${String(x.factType)} ${String(x.factId)}` : r.id),
  );
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function storeContext(db: Db): PackContext {
  const tables = { role: roleTable, deal: dealTable, quote: quoteTable, source: sourceTable } as const;
  return {
    entityKind: (id) => entityKindOf(db, id),
    exists: (type, id) => recordExists(db, tables[type] as unknown as FactTable<AnyRecord>, id),
  };
}

const zeroCounts = (): ImportCounts => ({
  entities: 0,
  roles: 0,
  deals: 0,
  quotes: 0,
  sources: 0,
  citations: 0,
});

function emptyReport(problems: PackProblem[]): ImportReport {
  return {
    applied: false,
    problems,
    created: zeroCounts(),
    unchanged: zeroCounts(),
    changes: [],
    needsConfirmation: false,
    filesStored: 0,
  };
}

/** After an update changed entity kinds, the relations that no longer fit, as pack problems. */
function kindProblems(db: Db, pack: FactPack): PackProblem[] {
  const index = new Map(pack.entities.map((e, i) => [e.id, i]));
  const where = (id: string) => (index.has(id) ? `$.entities[${index.get(id)}].kind` : `$.entities`);
  const problems: PackProblem[] = [];
  const rows = (sql: string) => prepared(db, sql).all() as { id: string; entity: string; kind: string }[];
  for (const r of rows(
    "SELECT r.id, e.id AS entity, e.kind FROM roles r JOIN entities e ON e.id = r.person_id WHERE e.kind <> 'person'",
  ))
    problems.push({
      path: where(r.entity),
      message: `must stay "person": role "${r.id}" names "${r.entity}" as its person`,
    });
  for (const r of rows(
    "SELECT r.id, e.id AS entity, e.kind FROM roles r JOIN entities e ON e.id = r.organisation_id WHERE e.kind = 'person'",
  ))
    problems.push({
      path: where(r.entity),
      message: `cannot be "person": role "${r.id}" names "${r.entity}" as its organisation`,
    });
  const reporters = REPORTER_KINDS.map((k) => `'${k}'`).join(', ');
  for (const r of rows(
    `SELECT d.id, e.id AS entity, e.kind FROM deals d JOIN entities e ON e.id = d.reported_by_id WHERE e.kind NOT IN (${reporters})`,
  ))
    problems.push({
      path: where(r.entity),
      message: `must stay a media outlet or broadcaster: deal "${r.id}" names it as reporter`,
    });
  return problems;
}

class RolledBack extends Error {
  constructor(readonly problems: PackProblem[]) {
    super('fact pack rolled back');
  }
}

export interface ImportOptions {
  /** Apply changes to records that already exist. Without it, such a pack writes nothing and lists the changes. */
  update?: boolean;
  actor: Actor;
  /** Where embedded files are stored. */
  dataDir?: string;
  /** Runs once the pack is known to write something, before anything is written (the app backs up there). */
  beforeWrite?: () => void;
}

/**
 * Imports a fact pack all or nothing. The whole pack is validated first (every problem is
 * reported with its JSON path) and then written in one transaction: a bad pack writes
 * nothing, a pack already imported changes nothing, and a pack that would change existing
 * records writes nothing until `update` confirms it.
 */
export function importFactPack(db: Db, raw: unknown, options: ImportOptions): ImportReport {
  // Records exactly as stored are found first and skip the schema (storedAsIs).
  const known = new Set<unknown>();
  if (raw !== null && typeof raw === 'object')
    for (const section of PACK_SECTIONS) {
      const list = (raw as Record<string, unknown>)[section];
      if (Array.isArray(list)) storedAsIs(db, TABLES[section], list, known);
    }
  const checked = validateFactPack(raw, storeContext(db), known);
  if (!checked.ok) return emptyReport(checked.problems);
  const pack = checked.pack;

  const fileProblems: PackProblem[] = [];
  const fileBytes = pack.files.map((f, i) => {
    const bytes = Buffer.from(f.base64, 'base64');
    if (sha256Hex(bytes) !== f.sha256)
      fileProblems.push({
        path: `$.files[${i}].sha256`,
        message: 'does not match the SHA-256 of the file content',
      });
    return bytes;
  });
  if (fileProblems.length) return emptyReport(fileProblems);
  if (pack.files.length && !options.dataDir)
    return emptyReport([
      { path: '$.files', message: 'cannot be stored: no data folder was given for files' },
    ]);

  const report = emptyReport([]);
  const toCreate = new Map<PackSection, AnyRecord[]>(PACK_SECTIONS.map((section) => [section, []]));
  const toUpdate: [PackSection, AnyRecord, AnyRecord][] = [];
  let kindChanged = false;
  for (const section of PACK_SECTIONS) {
    const records = pack[section] as AnyRecord[];
    const fresh = known.size ? records.filter((r) => !known.has(r)) : records;
    const { missing, unchanged, differing } = compareWithStored(db, TABLES[section], fresh);
    toCreate.get(section)!.push(...missing);
    report.created[section] += missing.length;
    report.unchanged[section] += unchanged + records.length - fresh.length;
    for (const { stored, record } of differing) {
      const fields = changedFields(TABLES[section], stored, record);
      if (fields.length === 0) {
        report.unchanged[section]++;
        continue;
      }
      if (section === 'entities' && fields.some((f) => f.field === 'kind')) kindChanged = true;
      toUpdate.push([section, stored, record]);
      report.changes.push({ type: TYPE_OF[section], id: record.id, label: label(section, record), fields });
    }
  }
  const creating = [...toCreate.values()].some((list) => list.length > 0);
  if (toUpdate.length && !options.update) return { ...report, needsConfirmation: true };
  if (!creating && toUpdate.length === 0) return { ...report, applied: true };
  options.beforeWrite?.();

  if (options.dataDir)
    for (const bytes of fileBytes) if (storeFile(options.dataDir, bytes).created) report.filesStored++;

  const actor: Actor = {
    ...options.actor,
    via: options.actor.via ?? `fact pack${pack.title ? ` “${pack.title}”` : ''}`,
  };
  const at = new Date().toISOString();
  try {
    db.transaction(() => {
      // References inside the pack may point forwards (a quote translating a later one).
      db.pragma('defer_foreign_keys = ON');
      // New records go in as one set per table (rows, index entries, audit entries); changed
      // ones one by one, so whatever reacts to a changed fact (updateRecord) sees each of them.
      for (const [section, records] of toCreate)
        insertRecords(db, TABLES[section], records, actor, at, false);
      auditCreates(
        db,
        [...toCreate].map(([section, records]) => [TABLES[section] as FactTable<never>, records] as const),
        actor,
        at,
      );
      for (const [section, before, after] of toUpdate)
        updateRecord(db, TABLES[section], before, after, actor, at);
      if (kindChanged) {
        const problems = kindProblems(db, pack);
        if (problems.length) throw new RolledBack(problems);
      }
    })();
  } catch (err) {
    if (err instanceof RolledBack) return emptyReport(err.problems);
    throw err;
  }
  return { ...report, applied: true };
}
