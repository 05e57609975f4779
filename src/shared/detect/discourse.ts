export type Gender = 'm' | 'f';

/** What kind of job a person has, so "die Spielerin" skips the sporting director named last. */
export type RoleClass = 'player' | 'coach' | 'official' | 'other';

export interface Person {
  /** The fullest form of the name seen so far ("Jonas Brehm" even when later written "Brehm"). */
  name: string;
  gender?: Gender;
  cls?: RoleClass;
  /** Age when the text gives it ("Wrona, 27,"), so "der 24-Jährige" skips people of another age. */
  age?: number;
}

/** What an anaphor ("der 24-Jährige", "die Spielerin", "the forward") says about its person. */
export interface AnaphorHints {
  gender?: Gender;
  cls?: RoleClass;
  age?: number;
}

/**
 * What a paragraph needs to know about the text before it: who was named last, which role
 * belongs to whom, who spoke last. Blocks of paragraphs hand it on, and the incremental
 * detector reuses cached results once a block's incoming context is unchanged.
 */
export interface Discourse {
  readonly known: readonly Person[];
  readonly recent: readonly Person[];
  readonly roles: Readonly<Record<string, string>>;
  readonly lastSpeaker: string | null;
  /** Paragraphs since `lastSpeaker` last spoke; a bare quote inherits a speaker only nearby. */
  readonly lastSpeakerAge: number;
  /** "X sagte:" closing a paragraph, waiting for the quote that opens the next one. */
  readonly pendingSpeaker: string | null;
  /**
   * Clubs named so far, the last sentence's first (in text order), then earlier ones: what
   * "der Klub" or "the Championship side" may refer to (`clubs.ts`).
   */
  readonly clubs: readonly string[];
}

export const EMPTY_DISCOURSE: Discourse = {
  known: [],
  recent: [],
  roles: {},
  lastSpeaker: null,
  lastSpeakerAge: 0,
  pendingSpeaker: null,
  clubs: [],
};

const RECENT_LIMIT = 8;

const sameList = (a: readonly Person[], b: readonly Person[]) =>
  a === b ||
  (a.length === b.length &&
    a.every(
      (p, i) => p.name === b[i].name && p.gender === b[i].gender && p.cls === b[i].cls && p.age === b[i].age,
    ));

export function sameDiscourse(a: Discourse, b: Discourse): boolean {
  if (a === b) return true;
  if (a.lastSpeaker !== b.lastSpeaker || a.lastSpeakerAge !== b.lastSpeakerAge) return false;
  if (a.pendingSpeaker !== b.pendingSpeaker) return false;
  if (a.clubs !== b.clubs && (a.clubs.length !== b.clubs.length || a.clubs.some((c, i) => c !== b.clubs[i])))
    return false;
  if (!sameList(a.recent, b.recent) || !sameList(a.known, b.known)) return false;
  const ka = Object.keys(a.roles);
  const kb = Object.keys(b.roles);
  return ka.length === kb.length && ka.every((k) => a.roles[k] === b.roles[k]);
}

const lastWord = (name: string) => name.slice(name.lastIndexOf(' ') + 1);

interface PersonIndex {
  byName: Map<string, Person>;
  /** The most recently added person for each surname. */
  bySurname: Map<string, Person>;
}

// `known` lists are never mutated once handed on (DiscourseState copies before writing), so
// an index built for one list stays valid for it and is shared by every block that sees it.
const indexes = new WeakMap<readonly Person[], PersonIndex>();

function indexOf(known: readonly Person[]): PersonIndex {
  let index = indexes.get(known);
  if (!index) {
    index = { byName: new Map(), bySurname: new Map() };
    for (const p of known) {
      if (!index.byName.has(p.name)) index.byName.set(p.name, p);
      index.bySurname.set(lastWord(p.name), p);
    }
    indexes.set(known, index);
  }
  return index;
}

/** A working copy of the discourse that one block mutates while it reads its sentences. */
export class DiscourseState {
  private known: Person[];
  private recent: Person[];
  private roles: Record<string, string>;
  lastSpeaker: string | null;
  lastSpeakerAge: number;
  pendingSpeaker: string | null;
  clubs: readonly string[];
  private knownChanged = false;
  private rolesChanged = false;
  // Every token of a sentence asks whether it is a known surname; the index of the current
  // list is kept here rather than fetched from the WeakMap each time.
  private index: PersonIndex | undefined;

  constructor(private readonly from: Discourse) {
    this.known = from.known as Person[];
    this.recent = [...from.recent];
    this.roles = from.roles as Record<string, string>;
    this.lastSpeaker = from.lastSpeaker;
    this.lastSpeakerAge = from.lastSpeakerAge;
    this.pendingSpeaker = from.pendingSpeaker;
    this.clubs = from.clubs;
  }

  /** The known person a written name refers to: the same name, or its surname alone. */
  lookup(written: string): Person | undefined {
    const index = (this.index ??= indexOf(this.known));
    return index.byName.get(written) ?? (written.includes(' ') ? undefined : index.bySurname.get(written));
  }

  isKnownSurname(word: string): boolean {
    return this.lookup(word) !== undefined;
  }

  /** Records a mention and returns the person it refers to. */
  mention(written: string, gender?: Gender, extra: { cls?: RoleClass; age?: number } = {}): Person {
    let person = this.lookup(written);
    if (!person) {
      person = { name: written, gender };
      if (extra.cls) person.cls = extra.cls;
      if (extra.age) person.age = extra.age;
      if (!this.knownChanged) {
        this.known = [...this.known];
        this.knownChanged = true;
      }
      this.known.push(person);
      indexes.delete(this.known);
      this.index = undefined;
    } else if ((gender && !person.gender) || (extra.cls && !person.cls) || (extra.age && !person.age)) {
      const updated: Person = { name: person.name };
      const g = person.gender ?? gender;
      const cls = person.cls ?? extra.cls;
      const age = person.age ?? extra.age;
      if (g) updated.gender = g;
      if (cls) updated.cls = cls;
      if (age) updated.age = age;
      if (!this.knownChanged) {
        this.known = [...this.known];
        this.knownChanged = true;
      }
      this.known[this.known.indexOf(person)] = updated;
      indexes.delete(this.known);
      this.index = undefined;
      person = updated;
    }
    const name = person.name;
    this.recent = [person, ...this.recent.filter((p) => p.name !== name)].slice(0, RECENT_LIMIT);
    return person;
  }

  /** The most recent person a pronoun of this gender can point to, other than those in `skip`. */
  resolvePronoun(gender: Gender | undefined, skip?: ReadonlySet<string>): Person | undefined {
    return this.recent.find((p) => (!gender || !p.gender || p.gender === gender) && !skip?.has(p.name));
  }

  /**
   * The most recent person an anaphor fits: the same gender, no other known age, and a job of
   * the same kind when both are known ("die Spielerin" skips the sporting director named last).
   */
  resolveAnaphor(h: AnaphorHints, skip?: ReadonlySet<string>): Person | undefined {
    const fits = (p: Person) =>
      (!h.gender || !p.gender || p.gender === h.gender) &&
      (!h.age || !p.age || p.age === h.age) &&
      !skip?.has(p.name);
    // A job of the same kind is preferred, not required: "der frühere Profi" may coach now.
    return (
      (h.age ? this.recent.find((p) => p.age === h.age && fits(p)) : undefined) ??
      (h.cls ? this.recent.find((p) => fits(p) && p.cls === h.cls) : undefined) ??
      this.recent.find((p) => fits(p) && (!h.cls || !p.cls || p.cls === h.cls)) ??
      this.recent.find(fits)
    );
  }

  assignRole(key: string, name: string): void {
    if (this.roles[key] === name) return;
    if (!this.rolesChanged) {
      this.roles = { ...this.roles };
      this.rolesChanged = true;
    }
    this.roles[key] = name;
  }

  roleHolder(key: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.roles, key) ? this.roles[key] : undefined;
  }

  spoke(name: string): void {
    this.lastSpeaker = name;
    this.lastSpeakerAge = 0;
  }

  nextParagraph(): void {
    this.lastSpeakerAge += 1;
  }

  snapshot(): Discourse {
    const snap: Discourse = {
      known: this.known,
      recent: this.recent,
      roles: this.roles,
      lastSpeaker: this.lastSpeaker,
      lastSpeakerAge: Math.min(this.lastSpeakerAge, 2),
      pendingSpeaker: this.pendingSpeaker,
      clubs: this.clubs,
    };
    return sameDiscourse(snap, this.from) ? this.from : snap;
  }
}
