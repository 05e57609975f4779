// A small bilingual vocabulary of club and company roles, so that "Kapitänin",
// "captain" and a stored role titled "Spielführerin" are recognised as one role.

import type { ArticleLanguage } from '../domain/articles';
import { foldForMatch } from './fold';

export const ROLE_KEYS = [
  'captain',
  'vice_captain',
  'head_coach',
  'assistant_coach',
  'specialist_coach',
  'sporting_director',
  'managing_director',
  'chief_executive',
  'president',
  'vice_president',
  'chair',
  'spokesperson',
  'player',
  'goalkeeper',
  'defender',
  'midfielder',
  'forward',
  'agent',
  'owner',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

// German terms also match at the end of a compound ("Vereinspräsident", "Rotheide-Trainer");
// English terms match whole words only.
const ROLE_TERMS: Record<RoleKey, { de: string[]; en: string[] }> = {
  captain: {
    de: ['Kapitän', 'Kapitänin', 'Spielführer', 'Spielführerin', 'Mannschaftskapitän'],
    en: ['captain', 'skipper', 'club captain'],
  },
  vice_captain: { de: ['Vizekapitän', 'Vizekapitänin'], en: ['vice captain', 'vice-captain'] },
  head_coach: {
    de: ['Trainer', 'Trainerin', 'Cheftrainer', 'Cheftrainerin', 'Chefcoach', 'Coach'],
    en: ['coach', 'head coach', 'manager'],
  },
  assistant_coach: {
    de: ['Co-Trainer', 'Co-Trainerin', 'Assistenztrainer', 'Assistenztrainerin'],
    en: ['assistant coach', 'assistant manager'],
  },
  specialist_coach: {
    de: ['Torwarttrainer', 'Torwarttrainerin', 'Konditionstrainer', 'Athletiktrainer', 'Fitnesstrainer'],
    en: ['goalkeeping coach', 'goalkeeper coach', 'fitness coach'],
  },
  sporting_director: {
    de: [
      'Sportdirektor',
      'Sportdirektorin',
      'Sportchef',
      'Sportchefin',
      'Sportvorstand',
      'Sportvorständin',
      'Sportgeschäftsführer',
      'Sportgeschäftsführerin',
    ],
    en: [
      'sporting director',
      'sports director',
      'director of football',
      'director of sport',
      'football director',
    ],
  },
  managing_director: {
    de: ['Geschäftsführer', 'Geschäftsführerin'],
    en: ['managing director', 'general manager'],
  },
  chief_executive: {
    de: ['Vorstandsvorsitzender', 'Vorstandsvorsitzende', 'Vorstandschef', 'Vorstandschefin'],
    en: ['chief executive', 'chief executive officer', 'CEO'],
  },
  president: { de: ['Präsident', 'Präsidentin'], en: ['president'] },
  vice_president: { de: ['Vizepräsident', 'Vizepräsidentin'], en: ['vice president', 'vice-president'] },
  chair: {
    de: [
      'Aufsichtsratsvorsitzender',
      'Aufsichtsratsvorsitzende',
      'Aufsichtsratschef',
      'Vorsitzender',
      'Vorsitzende',
    ],
    en: ['chairman', 'chairwoman', 'chair', 'chairperson'],
  },
  spokesperson: {
    de: ['Sprecher', 'Sprecherin', 'Pressesprecher', 'Pressesprecherin'],
    en: ['spokesperson', 'spokesman', 'spokeswoman', 'press officer'],
  },
  player: { de: ['Spieler', 'Spielerin', 'Profi'], en: ['player', 'footballer'] },
  goalkeeper: {
    de: ['Torwart', 'Torhüter', 'Torhüterin', 'Keeper', 'Schlussmann'],
    en: ['goalkeeper', 'keeper'],
  },
  defender: {
    de: ['Verteidiger', 'Verteidigerin', 'Abwehrspieler', 'Abwehrspielerin'],
    en: ['defender', 'centre-back'],
  },
  midfielder: { de: ['Mittelfeldspieler', 'Mittelfeldspielerin'], en: ['midfielder'] },
  forward: {
    de: ['Stürmer', 'Stürmerin', 'Angreifer', 'Angreiferin', 'Torjäger'],
    en: ['forward', 'striker'],
  },
  agent: { de: ['Berater', 'Beraterin', 'Spielerberater'], en: ['agent'] },
  owner: { de: ['Eigentümer', 'Eigentümerin', 'Besitzer', 'Besitzerin'], en: ['owner'] },
};

/** A text role that is also satisfied by a more specific stored role ("Spieler" by "Torhüterin"). */
const ALSO_SATISFIED_BY: Partial<Record<RoleKey, RoleKey[]>> = {
  player: ['goalkeeper', 'defender', 'midfielder', 'forward', 'captain', 'vice_captain'],
};

// Inflection endings a German role word may carry: Trainers, Präsidenten, Kapitänin.
const DE_ENDINGS = ['', 's', 'n', 'en', 'in', 'innen'];

const FORMER_WORDS = new Set([
  'ehemalige',
  'ehemaliger',
  'ehemaligen',
  'fruhere',
  'fruherer',
  'fruheren',
  'einstige',
  'einstiger',
  'einstigen',
  'former',
  'ex',
]);

interface Term {
  key: RoleKey;
  words: string[];
  compound: boolean;
  length: number;
}

function foldWord(w: string): string {
  return foldForMatch(w).replace(/-/g, '').replace(/'s$/, '');
}

const TERMS: Term[] = (Object.entries(ROLE_TERMS) as Array<[RoleKey, { de: string[]; en: string[] }]>)
  .flatMap(([key, t]) => [
    ...t.de.map((s) => ({ key, words: [foldWord(s)], compound: true, length: foldWord(s).length })),
    ...t.en.map((s) => {
      const words = s.split(' ').map(foldWord);
      return { key, words, compound: false, length: words.join(' ').length };
    }),
  ])
  .sort((a, b) => b.length - a.length);

export interface RoleMention {
  key: RoleKey;
  /** The role words as written, e.g. "Rotheide-Trainer" or "head coach". */
  text: string;
  start: number;
  end: number;
  /** Marked as a past role: "Ex-Kapitän", "ehemaliger Trainer", "former captain". */
  former: boolean;
}

const WORD_RE = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

interface Word {
  text: string;
  folded: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  return Array.from(text.matchAll(WORD_RE), (m) => ({
    text: m[0],
    folded: foldWord(m[0]),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

function termMatchesAt(term: Term, words: Word[], i: number): boolean {
  if (i + term.words.length > words.length) return false;
  if (term.compound) {
    const w = words[i].folded;
    return DE_ENDINGS.some((e) => w.endsWith(term.words[0] + e));
  }
  return term.words.every((tw, k) => words[i + k].folded === tw);
}

/** Every role named in `text`, left to right, preferring the longest term at each word. */
export function findRoleTerms(text: string): RoleMention[] {
  const words = wordsOf(text);
  const found: RoleMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const term = TERMS.find((t) => termMatchesAt(t, words, i));
    if (!term) continue;
    const lastIndex = i + term.words.length - 1;
    const before = words.slice(Math.max(0, i - 2), i).map((w) => w.folded);
    const former = before.some((w) => FORMER_WORDS.has(w)) || /^ex-/i.test(words[i].text);
    const start = words[i].start;
    const end = words[lastIndex].end;
    found.push({ key: term.key, text: text.slice(start, end), start, end, former });
    i = lastIndex;
  }
  return found;
}

/** The first role named in `text`. */
export function findRoleTerm(text: string): RoleMention | null {
  return findRoleTerms(text)[0] ?? null;
}

/** The role key a stored title or text phrase stands for, or null when it uses no known term. */
export function roleKeyOf(title: string): RoleKey | null {
  return findRoleTerm(title)?.key ?? null;
}

/** Whether a role named in the text is covered by a role the person actually held. */
export function roleSatisfiedBy(textRole: RoleKey, heldRole: RoleKey): boolean {
  return textRole === heldRole || (ALSO_SATISFIED_BY[textRole]?.includes(heldRole) ?? false);
}

// ---------------------------------------------------------------------------------------------
// Role words in running text. The detector reads roles word by word while it looks for people
// ("Kapitän Jonas Brehm", "the club's head coach"); the vocabulary above maps a role to its
// RoleKey for the fact store. Both live here so there is one place that knows what a role is.

// German compounds build roles freely ("Kaderplanerin", "Strivo-Geschäftsführer"), so a
// suffix test catches what a list cannot; the exclusions are compounds that share a suffix
// but name a table position or an object, not a person's job.
const DE_ROLE_SUFFIX =
  /(?:kapitän|trainer|direktor|führer|chef|präsident|leiter|sprecher|vorstand|berater|manager|produzent|moderator|gründer|vorsitzende|vorsitzender|torhüter|torwart|stürmer|verteidiger|spieler|planer|kommentator|regisseur|streamer|intendant|eigner|inhaber|scout|agent|koordinator|analyst|schiedsrichter|macher|beauftragte|beauftragter|redakteur|reporter|schatzmeister|läufer|keeper|kapitänin|coach)(?:in|innen)?$/i;

const DE_NOT_ROLES = new Set([
  'tabellenführer',
  'spitzenreiter',
  'reiseführer',
  'marktführer',
  'tabellenführerin',
  'spieler',
  'gegenspieler',
  'mitspieler',
  'fußballspieler',
  'ersatzspieler',
  'profispieler',
  'einwechselspieler',
  'auswechselspieler',
  'feldspieler',
  'ausläufer',
  'vorläufer',
  'nachfolger',
]);

const EN_ROLE_WORDS = new Set(
  `captain coach manager director chairman chairwoman chair president owner goalkeeper keeper
  striker defender midfielder winger presenter producer streamer spokesperson spokesman
  spokeswoman agent founder co-founder commentator ceo coo cfo boss skipper chief executive
  head analyst scout referee host narrator showrunner trainer promoter`.split(/\s+/),
);

/** Multi-word English roles, longest first so "head coach" wins over "coach". */
export const EN_ROLE_PHRASES = [
  'director of football',
  'sporting director',
  'managing director',
  'chief executive officer',
  'chief executive',
  'chief operating officer',
  'head coach',
  'assistant coach',
  'team manager',
  'club captain',
  'general manager',
  'head of content',
  'head of sport',
  'executive producer',
  'board member',
  'vice-president',
  'vice president',
];

// Article vocabulary repeats a lot, and the suffix test is the costliest check per word.
const memo = { de: new Map<string, boolean>(), en: new Map<string, boolean>() };

export function isRoleWord(word: string, lang: ArticleLanguage): boolean {
  const cache = memo[lang];
  let known = cache.get(word);
  if (known === undefined) {
    known = testRoleWord(word, lang);
    if (cache.size > 50000) cache.clear();
    cache.set(word, known);
  }
  return known;
}

function testRoleWord(word: string, lang: ArticleLanguage): boolean {
  if (lang === 'de' && word.length < 4) return false;
  const lower = word.toLowerCase();
  if (lang === 'de') {
    if (!/^\p{Lu}/u.test(word)) return false;
    return DE_ROLE_SUFFIX.test(lower) && !DE_NOT_ROLES.has(lower);
  }
  return EN_ROLE_WORDS.has(lower);
}

/**
 * A key that lets "die Trainerin" find the person introduced as "Trainerin Jana Kowalczyk":
 * feminine endings and organisation prefixes ("Strivo-Geschäftsführerin") are dropped.
 */
export function roleKey(word: string): string {
  let key = word.toLowerCase();
  const dash = key.lastIndexOf('-');
  if (dash > 0 && !key.startsWith('co-')) key = key.slice(dash + 1);
  // German feminine endings; English "captain" keeps its "in".
  if (!/ain$/.test(key)) key = key.replace(/innen$/, '').replace(/in$/, '');
  if (key === 'vorsitzender') key = 'vorsitzende';
  return key;
}

export function roleGender(word: string, lang: ArticleLanguage): 'm' | 'f' | undefined {
  // German sports copy uses the masculine form for men and "-in" for women; loan words
  // such as "Coach" or "Manager" are used for both.
  if (lang === 'de')
    return /in(?:nen)?$/.test(word)
      ? 'f'
      : /(?:coach|manager|scout|agent|keeper)$/i.test(word)
        ? undefined
        : 'm';
  const lower = word.toLowerCase();
  if (lower === 'chairwoman' || lower === 'spokeswoman') return 'f';
  if (lower === 'chairman' || lower === 'spokesman') return 'm';
  return undefined;
}
