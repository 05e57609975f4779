import type { FactRef } from '../../shared/domain/facts';
import type { ExportFacts } from '../../shared/export/context';
import type { Db } from '../../store/db';
import { buildFactPack } from '../../store/factpacks';

const EMPTY: ExportFacts = { entities: [], roles: [], deals: [], quotes: [], sources: [], citations: [] };

/**
 * The linked facts with everything the checks and labels need next to them (speakers and their
 * roles, the organisations of those roles, deal parties, citations and the cited sources): the
 * same selection the fact store exports as a pack.
 */
export function linkedFacts(db: Db, refs: readonly FactRef[]): ExportFacts {
  if (refs.length === 0) return EMPTY;
  const { entities, roles, deals, quotes, sources, citations } = buildFactPack(db, { refs });
  return { entities, roles, deals, quotes, sources, citations };
}
