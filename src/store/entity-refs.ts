import type { EntityRef } from '../shared/contract/facts-types';
import type { FieldProblem } from '../shared/domain/fact-inputs';
import type { EntityKind } from '../shared/domain/facts';
import type { Db } from './db';
import { prepared } from './prepared';

// Lookups every fact module needs when it points at entities (payer, speaker, person, …).

export function entityKindOf(db: Db, id: string): EntityKind | undefined {
  return (prepared(db, 'SELECT kind FROM entities WHERE id = ?').get(id) as { kind: EntityKind } | undefined)
    ?.kind;
}

export function entityRef(db: Db, id: string | null): EntityRef | null {
  if (id === null) return null;
  return (
    (prepared(db, 'SELECT id, name, kind FROM entities WHERE id = ?').get(id) as EntityRef | undefined) ??
    null
  );
}

/** Checks that a field points at an existing entity, optionally of certain kinds. */
export function entityRefProblems(
  db: Db,
  path: string,
  id: string | null,
  allowed?: readonly EntityKind[],
  describe?: string,
): FieldProblem[] {
  if (id === null) return [];
  const kind = entityKindOf(db, id);
  if (kind === undefined) return [{ path, message: `refers to an entity that does not exist ("${id}")` }];
  if (allowed && !allowed.includes(kind)) return [{ path, message: `must be ${describe}, not a ${kind}` }];
  return [];
}

export const ORGANISATION_KINDS: readonly EntityKind[] = [
  'club',
  'company',
  'broadcaster',
  'media',
  'competition',
];
