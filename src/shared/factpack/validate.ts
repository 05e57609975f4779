import type { EntityKind } from '../domain/facts';
import { dealProblems, roleProblems, sourceProblems } from '../domain/fact-inputs';
import { recordAsIs } from './as-is';
import { describeIssues, jsonPath, type PackProblem } from './problems';
import {
  FACTPACK_FORMAT,
  FACTPACK_VERSION,
  PACK_SECTIONS,
  factPackSchema,
  type FactPack,
  type PackSection,
} from './schema';

/** What the importing store already holds, for references a pack makes to facts it does not carry. */
export interface PackContext {
  entityKind(id: string): EntityKind | undefined;
  exists(type: 'role' | 'deal' | 'quote' | 'source', id: string): boolean;
}

export const EMPTY_STORE: PackContext = { entityKind: () => undefined, exists: () => false };

export type PackValidation = { ok: true; pack: FactPack } | { ok: false; problems: PackProblem[] };

/** Kinds that can be the "reported by" of a deal. */
export const REPORTER_KINDS: readonly EntityKind[] = ['media', 'broadcaster'];

function header(raw: unknown): PackProblem[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return [{ path: '$', message: 'must be a JSON object (a Factdesk fact pack)' }];
  const r = raw as Record<string, unknown>;
  if (r.format !== FACTPACK_FORMAT)
    return [
      { path: '$.format', message: `must be "${FACTPACK_FORMAT}" — this file is not a Factdesk fact pack` },
    ];
  if (typeof r.version === 'number' && r.version > FACTPACK_VERSION)
    return [
      {
        path: '$.version',
        message: `is ${r.version}, written by a newer Factdesk; this app reads fact packs up to version ${FACTPACK_VERSION}`,
      },
    ];
  return [];
}

/**
 * The pack through its schema. Records in `known` are exactly as a record the store holds,
 * which passed this schema when it was stored, and records the schema would return unchanged
 * (recordAsIs) need no schema either: both skip it (a large pack spent much of its import, and
 * most of its re-import, there) and come back in their place, the known ones as they are; every
 * check across records still sees them. Problems carry the records' paths in the original pack.
 */
function parseFields(raw: Record<string, unknown>, known: ReadonlySet<unknown> | undefined): PackValidation {
  const input: Record<string, unknown> = { ...raw };
  // Per section with records left out: the original index of each record parsed, and the
  // finished list with the left-out records already in their places.
  const parsedAt = new Map<string, { at: number[]; merged: unknown[] }>();
  for (const section of PACK_SECTIONS) {
    const list = raw[section];
    if (!Array.isArray(list)) continue;
    const at: number[] = [];
    const merged = new Array<unknown>(list.length);
    list.forEach((record: unknown, i) => {
      const ready = known?.has(record) ? record : recordAsIs(section, record);
      if (ready === undefined) at.push(i);
      else merged[i] = ready;
    });
    if (at.length === list.length) continue;
    input[section] = at.map((i) => list[i] as unknown);
    parsedAt.set(section, { at, merged });
  }
  const parsed = factPackSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const at = parsedAt.get(String(issue.path[0]))?.at;
      if (!at || typeof issue.path[1] !== 'number') return issue;
      return { ...issue, path: [issue.path[0], at[issue.path[1]], ...issue.path.slice(2)] };
    });
    return { ok: false, problems: describeIssues(raw, issues) };
  }
  const pack = parsed.data;
  for (const [section, { at, merged }] of parsedAt) {
    const fresh = pack[section as PackSection] as unknown[];
    at.forEach((i, n) => (merged[i] = fresh[n]));
    (pack as Record<string, unknown>)[section] = merged;
  }
  return { ok: true, pack };
}

/**
 * Checks a whole pack before anything is written: every field, duplicate ids, and every
 * reference (to a record in the pack or already in the store). Returns every problem
 * found, each with its JSON path, not just the first. `known`: records of the raw pack that
 * equal a stored record field for field (see parseFields).
 */
export function validateFactPack(
  raw: unknown,
  store: PackContext = EMPTY_STORE,
  known?: ReadonlySet<unknown>,
): PackValidation {
  const head = header(raw);
  if (head.length) return { ok: false, problems: head };
  const fields = parseFields(raw as Record<string, unknown>, known);
  if (!fields.ok) return fields;
  const pack = fields.pack;
  const problems: PackProblem[] = [];
  const at = (section: string, index: number, field?: string) =>
    jsonPath(field ? [section, index, ...field.split('.')] : [section, index]);

  for (const section of PACK_SECTIONS) {
    const first = new Map<string, number>();
    pack[section].forEach((record, i) => {
      const seen = first.get(record.id);
      if (seen !== undefined)
        problems.push({
          path: at(section, i, 'id'),
          message: `repeats the id "${record.id}" of ${at(section, seen)}`,
        });
      else first.set(record.id, i);
    });
  }

  const packEntities = new Map(pack.entities.map((e) => [e.id, e.kind]));
  const kindOf = (id: string) => packEntities.get(id) ?? store.entityKind(id);
  const ids = {
    role: new Set(pack.roles.map((r) => r.id)),
    deal: new Set(pack.deals.map((d) => d.id)),
    quote: new Set(pack.quotes.map((q) => q.id)),
    source: new Set(pack.sources.map((s) => s.id)),
  };
  const has = (type: keyof typeof ids, id: string) => ids[type].has(id) || store.exists(type, id);
  const missing = (what: string, id: string) =>
    `refers to ${what} "${id}", which is neither in this pack nor in the store`;

  // Paths are built only for a problem: a pack of 150,000 records has that many references.
  const needEntity = (
    path: () => string,
    id: string | null,
    allowed?: readonly EntityKind[],
    describe?: string,
  ) => {
    if (id === null) return;
    const kind = kindOf(id);
    if (kind === undefined) problems.push({ path: path(), message: missing('entity', id) });
    else if (allowed && !allowed.includes(kind))
      problems.push({ path: path(), message: `must be ${describe}; "${id}" is a ${kind}` });
  };

  pack.roles.forEach((r, i) => {
    needEntity(() => at('roles', i, 'personId'), r.personId, ['person'], 'a person');
    needEntity(
      () => at('roles', i, 'organisationId'),
      r.organisationId,
      ['club', 'company', 'broadcaster', 'media', 'competition'],
      'an organisation, not a person',
    );
    for (const p of roleProblems(r)) problems.push({ path: at('roles', i, p.path), message: p.message });
  });

  pack.deals.forEach((d, i) => {
    needEntity(() => at('deals', i, 'payerId'), d.payerId);
    needEntity(() => at('deals', i, 'payeeId'), d.payeeId);
    needEntity(
      () => at('deals', i, 'reportedById'),
      d.reportedById,
      REPORTER_KINDS,
      'a media outlet or broadcaster',
    );
    for (const p of dealProblems(d)) problems.push({ path: at('deals', i, p.path), message: p.message });
  });

  const translationOf = new Map(pack.quotes.map((q) => [q.id, q.translationOfId]));
  pack.quotes.forEach((q, i) => {
    needEntity(() => at('quotes', i, 'speakerId'), q.speakerId);
    if (q.translationOfId === null) return;
    const path = () => at('quotes', i, 'translationOfId');
    if (q.translationOfId === q.id)
      problems.push({ path: path(), message: 'must not refer to the quote itself' });
    else if (!has('quote', q.translationOfId))
      problems.push({ path: path(), message: missing('quote', q.translationOfId) });
    else if (translationOf.get(q.translationOfId) === q.id)
      problems.push({
        path: path(),
        message: `makes "${q.id}" and "${q.translationOfId}" translations of each other`,
      });
  });

  pack.sources.forEach((s, i) => {
    for (const p of sourceProblems(s)) problems.push({ path: at('sources', i, p.path), message: p.message });
    if (s.fileName && !s.fileHash)
      problems.push({ path: at('sources', i, 'fileHash'), message: 'is missing for the named file' });
  });
  pack.files.forEach((f, i) => {
    if (!pack.sources.some((s) => s.fileHash === f.sha256))
      problems.push({ path: at('files', i, 'sha256'), message: 'belongs to no source in this pack' });
  });

  pack.citations.forEach((c, i) => {
    const path = () => at('citations', i, 'factId');
    if (c.factType === 'entity') needEntity(path, c.factId);
    else if (!has(c.factType, c.factId))
      problems.push({ path: path(), message: missing(c.factType, c.factId) });
    if (!has('source', c.sourceId))
      problems.push({ path: at('citations', i, 'sourceId'), message: missing('source', c.sourceId) });
  });

  return problems.length ? { ok: false, problems } : { ok: true, pack };
}
