import type { RoleView } from '../shared/contract/facts-types';
import { roleProblems, type RoleInput, type RoleUpdate } from '../shared/domain/fact-inputs';
import type { Role } from '../shared/domain/facts';
import { UserError } from '../shared/result';
import type { Actor } from './audit';
import { citationsFor, deleteCitationsOf } from './citations';
import { assertNotLinked } from './claim-links';
import type { Db } from './db';
import { entityRef, entityRefProblems, ORGANISATION_KINDS } from './entity-refs';
import { refuse } from './fact-problems';
import { roleTable } from './fact-tables';
import {
  deleteRecord,
  getRecord,
  getRecords,
  insertRecord,
  newFactId,
  sameRecord,
  updateRecord,
} from './records';

export function getRole(db: Db, id: string): Role | null {
  return getRecord(db, roleTable, id);
}

function requireRole(db: Db, id: string): Role {
  const r = getRole(db, id);
  if (!r) throw new UserError('not_found', { key: 'noSuchRole', params: { id } });
  return r;
}

function check(db: Db, r: Omit<Role, 'id'>): void {
  const problems = [
    ...entityRefProblems(db, 'personId', r.personId, ['person'], 'a person'),
    ...entityRefProblems(db, 'organisationId', r.organisationId, ORGANISATION_KINDS, 'an organisation'),
    ...roleProblems(r),
  ];
  if (problems.length) refuse({ key: 'theRole' }, problems);
}

export function createRole(db: Db, input: RoleInput, actor: Actor, id = newFactId('role')): Role {
  return db.transaction(() => {
    check(db, input);
    return insertRecord(db, roleTable, { id, ...input }, actor);
  })();
}

export function updateRole(db: Db, input: RoleUpdate, actor: Actor): Role {
  return db.transaction(() => {
    const before = requireRole(db, input.id);
    check(db, input);
    const after: Role = { ...input };
    return sameRecord(roleTable, before, after) ? before : updateRecord(db, roleTable, before, after, actor);
  })();
}

export function deleteRole(db: Db, id: string, actor: Actor): void {
  db.transaction(() => {
    const role = requireRole(db, id);
    assertNotLinked(db, 'role', id, { key: 'theRoleNamed', params: { title: role.title } });
    deleteCitationsOf(db, 'role', id, actor);
    deleteRecord(db, roleTable, role, actor);
  })();
}

function views(db: Db, roles: Role[]): RoleView[] {
  return roles.map((r) => ({
    ...r,
    person: entityRef(db, r.personId)!,
    organisation: entityRef(db, r.organisationId),
    citations: citationsFor(db, 'role', r.id),
  }));
}

/** A person's roles, the most recent first (open-ended ones before ended ones of the same start). */
export function rolesOfPerson(db: Db, personId: string): RoleView[] {
  return views(
    db,
    getRecords(db, roleTable, 'WHERE person_id = ? ORDER BY date_from IS NULL, date_from DESC, seq DESC', [
      personId,
    ]),
  );
}

export function rolesAtOrganisation(db: Db, organisationId: string): RoleView[] {
  return views(
    db,
    getRecords(
      db,
      roleTable,
      'WHERE organisation_id = ? ORDER BY date_from IS NULL, date_from DESC, seq DESC',
      [organisationId],
    ),
  );
}

/**
 * The role a person held on a date, written the way a quote carries it: "Kapitänin, SV Rotheide".
 * Without a date, the current role (no end date). Null when no role covers it.
 */
export function roleAtTime(db: Db, personId: string, date: string | null): string | null {
  const candidates = rolesOfPerson(db, personId).filter((r) =>
    date ? (r.from === null || r.from <= date) && (r.to === null || r.to >= date) : r.to === null,
  );
  const r = candidates[0];
  if (!r) return null;
  return r.organisation ? `${r.title}, ${r.organisation.name}` : r.title;
}
