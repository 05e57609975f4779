import { roleKeyOf, roleSatisfiedBy, type RoleKey } from '../language/roles';
import { foldForMatch } from '../language/fold';
import { entityIndex, type EntityIndex } from './entities';
import type { KnownPerson } from './types';

/** What the detector can ask about the people the fact store knows. */
export interface PeopleIndex {
  isEmpty: boolean;
  /** Names and aliases as person entities, so findPeople sees them as people. */
  mentions: EntityIndex;
  /** The one known person a written name, alias or surname stands for; undefined when none or several fit. */
  byName(written: string): KnownPerson | undefined;
  /**
   * The one person who held the role on `date` (every holder without a date), narrowed by an
   * organisation hint ("Nordhafen" in "Nordhafen-Kapitän"); undefined when none or several fit.
   */
  roleHolder(role: string, orgHint: string | undefined, date: string | undefined): KnownPerson | undefined;
}

const EMPTY: PeopleIndex = {
  isEmpty: true,
  mentions: entityIndex(undefined),
  byName: () => undefined,
  roleHolder: () => undefined,
};

const cache = new WeakMap<readonly KnownPerson[], PeopleIndex>();

const lastWord = (name: string) => name.slice(name.lastIndexOf(' ') + 1);

// "Almentaler" and "Almentals" name the organisation "FC Almental": compare folded stems.
const stem = (s: string) => foldForMatch(s).replace(/(?:er|s|es|ers)$/, '');

function orgFits(org: string | undefined, hint: string): boolean {
  if (!org) return false;
  const h = stem(hint);
  return (
    h.length >= 3 &&
    foldForMatch(org)
      .split(/[\s-]+/)
      .some((w) => w.startsWith(h) || stem(w) === h)
  );
}

const activeOn = (r: { from?: string; to?: string }, date: string | undefined) =>
  !date || ((!r.from || r.from <= date) && (!r.to || date <= r.to));

export function peopleIndex(people: readonly KnownPerson[] | undefined): PeopleIndex {
  if (!people || people.length === 0) return EMPTY;
  const hit = cache.get(people);
  if (hit) return hit;
  const byKey = new Map<string, KnownPerson[]>();
  const put = (key: string, p: KnownPerson) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(p)) list.push(p);
    byKey.set(key, list);
  };
  for (const p of people) {
    for (const n of [p.name, ...p.aliases]) {
      put(n, p);
      put(lastWord(n), p);
    }
  }
  const roles = people.flatMap((p) => p.roles.map((r) => ({ person: p, key: roleKeyOf(r.title), role: r })));
  const index: PeopleIndex = {
    isEmpty: false,
    mentions: entityIndex(
      people.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, kind: 'person' })),
    ),
    byName(written) {
      const list = byKey.get(written);
      return list && list.length === 1 ? list[0] : undefined;
    },
    roleHolder(role, orgHint, date) {
      const key: RoleKey | null = roleKeyOf(role);
      if (!key) return undefined;
      let fits = roles.filter((r) => r.key && roleSatisfiedBy(key, r.key) && activeOn(r.role, date));
      if (orgHint) fits = fits.filter((r) => orgFits(r.role.org, orgHint));
      const persons = [...new Set(fits.map((r) => r.person))];
      return persons.length === 1 ? persons[0] : undefined;
    },
  };
  cache.set(people, index);
  return index;
}
