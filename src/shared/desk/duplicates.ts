import type { Deal, Entity, Quote } from '../domain/facts';
import { foldForMatch } from '../language/fold';

/**
 * Duplicate matching when a member with a local fact store joins a desk: the same person,
 * club or company under its name or an alias, the same quote (wording and speaker), the same
 * deal (parties, amount, date). Matches are grouped so the member decides once per group.
 */

export interface FactSet {
  entities: readonly Entity[];
  deals: readonly Deal[];
  quotes: readonly Quote[];
}

export type DuplicateKind = 'entity' | 'deal' | 'quote';

export interface DuplicateGroup {
  kind: DuplicateKind;
  /** What the group has in common, for the dialog: a name, the quote's first words, the deal's subject. */
  label: string;
  localIds: string[];
  deskIds: string[];
}

/** What the member chose for a group: use the desk's record (local ids map onto it), or keep both. */
export type DuplicateDecision = 'use-desk' | 'keep-both';

const fold = (s: string) => foldForMatch(s);
/** Quote wording compared without typographic quote marks, punctuation runs and spacing. */
const wordingKey = (s: string) =>
  fold(s)
    .replace(/[„“”‚‘’"'«»‹›]/g, '')
    .replace(/[.,;:!?…–—-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function names(e: Entity): Set<string> {
  return new Set([e.name, ...e.aliases].map(fold).filter(Boolean));
}

/** Union-find over "local:<id>" and "desk:<id>" keys, so chains of matches form one group. */
class Groups {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function collect<T extends { id: string }>(
  kind: DuplicateKind,
  local: readonly T[],
  desk: readonly T[],
  pairs: [string, string][],
  label: (r: T) => string,
): DuplicateGroup[] {
  const groups = new Groups();
  for (const [l, d] of pairs) groups.union(`local:${l}`, `desk:${d}`);
  const byRoot = new Map<string, DuplicateGroup>();
  const localById = new Map(local.map((r) => [r.id, r]));
  const deskById = new Map(desk.map((r) => [r.id, r]));
  for (const [l, d] of pairs) {
    const root = groups.find(`local:${l}`);
    let g = byRoot.get(root);
    if (!g) {
      g = { kind, label: label(deskById.get(d) ?? localById.get(l)!), localIds: [], deskIds: [] };
      byRoot.set(root, g);
    }
    if (!g.localIds.includes(l)) g.localIds.push(l);
    if (!g.deskIds.includes(d)) g.deskIds.push(d);
  }
  return [...byRoot.values()].map((g) => ({ ...g, localIds: g.localIds.sort(), deskIds: g.deskIds.sort() }));
}

/** Entities of the same kind sharing a folded name or alias ("Lena Kowalczyk" = alias "L. Kowalczyk"). */
export function matchEntities(local: readonly Entity[], desk: readonly Entity[]): DuplicateGroup[] {
  const index = new Map<string, Entity[]>();
  for (const d of desk) {
    for (const n of names(d)) {
      const key = `${d.kind}|${n}`;
      index.set(key, [...(index.get(key) ?? []), d]);
    }
  }
  const pairs: [string, string][] = [];
  for (const l of local) {
    if (desk.some((d) => d.id === l.id)) continue; // the same record, already shared
    const hits = new Set<Entity>();
    for (const n of names(l)) for (const d of index.get(`${l.kind}|${n}`) ?? []) hits.add(d);
    for (const d of hits) pairs.push([l.id, d.id]);
  }
  return collect('entity', local, desk, pairs, (e) => e.name);
}

/** A local entity id → the desk entity ids it may be, from the entity groups. */
function entityAliases(
  groups: readonly DuplicateGroup[],
): (localId: string | null, deskId: string | null) => boolean {
  const same = new Set<string>();
  for (const g of groups)
    if (g.kind === 'entity') for (const l of g.localIds) for (const d of g.deskIds) same.add(`${l}|${d}`);
  return (l, d) => l === d || (l !== null && d !== null && same.has(`${l}|${d}`));
}

export function matchQuotes(
  local: readonly Quote[],
  desk: readonly Quote[],
  sameEntity: (l: string | null, d: string | null) => boolean,
): DuplicateGroup[] {
  const index = new Map<string, Quote[]>();
  for (const d of desk) index.set(wordingKey(d.wording), [...(index.get(wordingKey(d.wording)) ?? []), d]);
  const pairs: [string, string][] = [];
  for (const l of local) {
    if (desk.some((d) => d.id === l.id)) continue;
    for (const d of index.get(wordingKey(l.wording)) ?? [])
      if (sameEntity(l.speakerId, d.speakerId)) pairs.push([l.id, d.id]);
  }
  const words = (q: Quote) => q.wording.split(/\s+/).slice(0, 8).join(' ');
  return collect('quote', local, desk, pairs, words);
}

export function matchDeals(
  local: readonly Deal[],
  desk: readonly Deal[],
  sameEntity: (l: string | null, d: string | null) => boolean,
): DuplicateGroup[] {
  const pairs: [string, string][] = [];
  for (const l of local) {
    if (desk.some((d) => d.id === l.id)) continue;
    for (const d of desk) {
      const sameParties = sameEntity(l.payerId, d.payerId) && sameEntity(l.payeeId, d.payeeId);
      const sameAmount =
        l.amountMinor === d.amountMinor && l.amountMaxMinor === d.amountMaxMinor && l.currency === d.currency;
      if (sameParties && sameAmount && l.dateFrom === d.dateFrom) pairs.push([l.id, d.id]);
    }
  }
  return collect('deal', local, desk, pairs, (d) => d.subject);
}

/** Every duplicate group between a local store and the desk's: entities first, then quotes and deals by matched people. */
export function findDuplicates(local: FactSet, desk: FactSet): DuplicateGroup[] {
  const entities = matchEntities(local.entities, desk.entities);
  const sameEntity = entityAliases(entities);
  return [
    ...entities,
    ...matchQuotes(local.quotes, desk.quotes, sameEntity),
    ...matchDeals(local.deals, desk.deals, sameEntity),
  ];
}

/**
 * Local id → desk id for the groups the member answered "use the desk's record". A group
 * with several desk records maps onto the first (ids sorted), so the choice is the same on
 * every run.
 */
export function idMapFor(
  groups: readonly DuplicateGroup[],
  decisions: ReadonlyMap<number, DuplicateDecision>,
): Map<string, string> {
  const map = new Map<string, string>();
  groups.forEach((g, i) => {
    if (decisions.get(i) !== 'use-desk') return;
    for (const l of g.localIds) map.set(l, g.deskIds[0]);
  });
  return map;
}
