import type { ArticleLanguage } from '../domain/articles';

// German compounds build roles freely ("Kaderplanerin", "Strivo-Geschäftsführer"), so a
// suffix test catches what a list cannot; the exclusions are compounds that share a suffix
// but name a table position or an object, not a person's job.
const DE_ROLE_SUFFIX =
  /(?:kapitän|trainer|direktor|führer|chef|präsident|leiter|sprecher|vorstand|berater|manager|produzent|moderator|gründer|vorsitzende|vorsitzender|torhüter|torwart|stürmer|verteidiger|spieler|planer|kommentator|regisseur|streamer|intendant|eigner|inhaber|scout|agent|koordinator|analyst|schiedsrichter|macher|beauftragte|beauftragter|redakteur|reporter|schatzmeister|läufer|keeper|kapitänin|coach)(?:in|innen)?$/i;

const DE_NOT_ROLES = new Set(
  [
    'tabellenführer', 'spitzenreiter', 'reiseführer', 'marktführer', 'tabellenführerin', 'spieler',
    'gegenspieler', 'mitspieler', 'fußballspieler', 'ersatzspieler', 'profispieler', 'einwechselspieler',
    'auswechselspieler', 'feldspieler', 'ausläufer', 'vorläufer', 'nachfolger',
  ],
);

const EN_ROLE_WORDS = new Set(
  `captain coach manager director chairman chairwoman chair president owner goalkeeper keeper
  striker defender midfielder winger presenter producer streamer spokesperson spokesman
  spokeswoman agent founder co-founder commentator ceo coo cfo boss skipper chief executive
  head analyst scout referee host narrator showrunner`.split(/\s+/),
);

/** Multi-word English roles, longest first so "head coach" wins over "coach". */
export const EN_ROLE_PHRASES = [
  'director of football', 'sporting director', 'managing director', 'chief executive officer',
  'chief executive', 'chief operating officer', 'head coach', 'assistant coach', 'team manager',
  'club captain', 'general manager', 'head of content', 'head of sport', 'executive producer',
  'board member', 'vice-president', 'vice president',
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
  key = key.replace(/innen$/, '').replace(/in$/, '');
  if (key === 'vorsitzender') key = 'vorsitzende';
  return key;
}

export function roleGender(word: string, lang: ArticleLanguage): 'm' | 'f' | undefined {
  // German sports copy uses the masculine form for men and "-in" for women; loan words
  // such as "Coach" or "Manager" are used for both.
  if (lang === 'de') return /in(?:nen)?$/.test(word) ? 'f' : /(?:coach|manager|scout|agent|keeper)$/i.test(word) ? undefined : 'm';
  const lower = word.toLowerCase();
  if (lower === 'chairwoman' || lower === 'spokeswoman') return 'f';
  if (lower === 'chairman' || lower === 'spokesman') return 'm';
  return undefined;
}
