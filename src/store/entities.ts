import type { EntitySuggestion, EntityView } from '../shared/contract/facts-types';
import type { EntityInput, EntityUpdate } from '../shared/domain/fact-inputs';
import type { Entity, EntityKind } from '../shared/domain/facts';
import { joined, type ErrorKey } from '../shared/errorText';
import { REPORTER_KINDS } from '../shared/factpack/validate';
import { buildFtsMatch, parseSearchInput } from '../shared/search/query';
import { UserError } from '../shared/result';
import type { Actor } from './audit';
import { citationsFor, deleteCitationsOf } from './citations';
import { assertNotLinked, linkedArticles } from './claim-links';
import type { Db } from './db';
import { refuse } from './fact-problems';
export { entityRef } from './entity-refs';
import { entityTable } from './fact-tables';
import { prepared } from './prepared';
import { deleteRecord, getRecord, insertRecord, newFactId, sameRecord, updateRecord } from './records';
import { rolesAtOrganisation, rolesOfPerson } from './roles';

export function getEntity(db: Db, id: string): Entity | null {
  return getRecord(db, entityTable, id);
}

export function requireEntity(db: Db, id: string): Entity {
  const e = getEntity(db, id);
  if (!e) throw new UserError('not_found', { key: 'noSuchEntity', params: { id } });
  return e;
}

export function createEntity(db: Db, input: EntityInput, actor: Actor, id = newFactId('ent')): Entity {
  return db.transaction(() => insertRecord(db, entityTable, { id, ...input }, actor))();
}

function usage(db: Db, id: string) {
  const count = (sql: string, ...params: unknown[]) => (prepared(db, sql).get(...params) as { n: number }).n;
  return {
    asPerson: count('SELECT count(*) AS n FROM roles WHERE person_id = ?', id),
    asOrganisation: count('SELECT count(*) AS n FROM roles WHERE organisation_id = ?', id),
    asParty: count('SELECT count(*) AS n FROM deals WHERE payer_id = ? OR payee_id = ?', id, id),
    asReporter: count('SELECT count(*) AS n FROM deals WHERE reported_by_id = ?', id),
    asSpeaker: count('SELECT count(*) AS n FROM quotes WHERE speaker_id = ?', id),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Problems a change of kind would cause for the records that point at the entity. */
function kindChangeProblems(db: Db, before: Entity, kind: EntityKind) {
  if (before.kind === kind) return [];
  const u = usage(db, before.id);
  const problems: { path: string; message: string }[] = [];
  if (kind !== 'person' && u.asPerson)
    problems.push({
      path: 'kind',
      message: `must stay "person" while ${plural(u.asPerson, 'role names', 'roles name')} this person`,
    });
  if (kind === 'person' && u.asOrganisation)
    problems.push({
      path: 'kind',
      message: `cannot become "person" while ${plural(u.asOrganisation, 'role is', 'roles are')} held at this organisation`,
    });
  if (!REPORTER_KINDS.includes(kind) && u.asReporter)
    problems.push({
      path: 'kind',
      message: `must stay a media outlet or broadcaster while ${plural(u.asReporter, 'deal names', 'deals name')} it as reporter`,
    });
  return problems;
}

export function updateEntity(db: Db, input: EntityUpdate, actor: Actor): Entity {
  return db.transaction(() => {
    const before = requireEntity(db, input.id);
    const after: Entity = { ...input };
    const problems = kindChangeProblems(db, before, after.kind);
    if (problems.length) refuse({ key: 'quoted', params: { text: before.name } }, problems);
    if (sameRecord(entityTable, before, after)) return before;
    return updateRecord(db, entityTable, before, after, actor);
  })();
}

/**
 * Deletes an entity nobody points at. Refuses, naming what still uses it, when deals,
 * quotes or roles refer to it or an article's claims link to it; its own citations go with it.
 */
export function deleteEntity(db: Db, id: string, actor: Actor): void {
  db.transaction(() => {
    const entity = requireEntity(db, id);
    assertNotLinked(db, 'entity', id, { key: 'quoted', params: { text: entity.name } });
    const u = usage(db, id);
    const counts: [ErrorKey, number][] = [
      ['roleCount', u.asPerson + u.asOrganisation],
      ['dealCount', u.asParty + u.asReporter],
      ['quoteCount', u.asSpeaker],
    ];
    const uses = counts.filter(([, count]) => count > 0).map(([key, count]) => ({ key, params: { count } }));
    if (uses.length)
      throw new UserError('conflict', {
        key: 'entityInUse',
        params: { name: entity.name, uses: joined(uses) },
      });
    deleteCitationsOf(db, 'entity', id, actor);
    deleteRecord(db, entityTable, entity, actor);
  })();
}

export function entityView(db: Db, id: string): EntityView {
  const entity = requireEntity(db, id);
  const u = usage(db, id);
  return {
    entity,
    roles: rolesOfPerson(db, id),
    members: rolesAtOrganisation(db, id),
    dealCount: u.asParty + u.asReporter,
    quoteCount: u.asSpeaker,
    citations: citationsFor(db, 'entity', id),
    linkedArticles: linkedArticles(db, 'entity', id),
  };
}

/**
 * Type-ahead for entity pickers: names and aliases matching what was typed so far
 * (folded, prefix on the last word), best matches first; without input, by name.
 */
export function suggestEntities(
  db: Db,
  query: string,
  options: { kinds?: readonly EntityKind[]; limit?: number } = {},
): EntitySuggestion[] {
  const limit = Math.min(options.limit ?? 10, 50);
  const kinds = options.kinds?.length ? options.kinds : null;
  const kindSql = kinds ? `AND e.kind IN (${kinds.map(() => '?').join(', ')})` : '';
  const match = buildFtsMatch(parseSearchInput(query, { typing: true }));
  type Row = { id: string; name: string; kind: EntityKind; aliases: string };
  let rows: Row[];
  if (match === null) {
    if (query.trim()) return [];
    rows = prepared(
      db,
      `SELECT e.id, e.name, e.kind, e.aliases FROM entities e WHERE 1 = 1 ${kindSql} ORDER BY e.name LIMIT ?`,
    ).all(...(kinds ?? []), limit) as Row[];
  } else {
    rows = prepared(
      db,
      `SELECT e.id, e.name, e.kind, e.aliases FROM entity_fts JOIN entities e ON e.seq = entity_fts.rowid
       WHERE entity_fts MATCH ? ${kindSql} ORDER BY bm25(entity_fts), e.name LIMIT ?`,
    ).all(match, ...(kinds ?? []), limit) as Row[];
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    aliases: JSON.parse(r.aliases) as string[],
  }));
}
