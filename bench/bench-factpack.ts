/**
 * The synthetic fact pack the benchmarks share: 100,000 quotes, 20,000 deals, 20,000 sources
 * and 10,000 entities in German and English, the same every run (a fixed seed).
 */
import { FACTPACK_FORMAT, FACTPACK_VERSION, type FactPack } from '../src/shared/factpack/schema';

export const COUNTS = { entities: 10_000, deals: 20_000, quotes: 100_000, sources: 20_000 };

// ---- deterministic synthetic data ----------------------------------------------------

let seed = 20260324;
export const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
export const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];

// Text with a realistic shape: a few very frequent function words, a long tail of compound
// nouns and verb forms (Zipf-like), names built from syllables so most are distinct.
const FIRST = [
  'Jana',
  'Lutz',
  'Heike',
  'Tomasz',
  'Elif',
  'Ruben',
  'Martina',
  'Daniel',
  'Sophie',
  'Jörg',
  'Paula',
  'Karim',
  'Greta',
  'Finn',
  'Mats',
  'Özlem',
  'Björn',
  'Ida',
  'Jürgen',
  'Chloé',
  'Kai',
  'Lea',
  'Noah',
  'Sören',
];
const LAST_HEAD = [
  'Kow',
  'Göt',
  'Mül',
  'Brand',
  'Schö',
  'Wei',
  'Lind',
  'Vogel',
  'Alb',
  'Krü',
  'Schä',
  'Hoff',
  'Jä',
  'Fuchs',
  'Bäck',
  'Groß',
  'Dvoř',
  'Øster',
  'Nie',
  'Had',
];
const LAST_TAIL = [
  'alczyk',
  'ze',
  'ler',
  't',
  'ller',
  'ßbach',
  'qvist',
  'sang',
  'recht',
  'ger',
  'fer',
  'mann',
  'ák',
  'gaard',
  'minen',
  'dad',
  'ke',
  'horst',
  'bauer',
  'er',
];
export const LAST = LAST_HEAD.flatMap((h) => LAST_TAIL.map((t) => h + t));
export const PLACES = [
  'Rotheide',
  'Almental',
  'Nordwald',
  'Fürstenbrück',
  'Sandhafen',
  'Großmoor',
  'Lindenau',
  'München',
  'Köln',
  'Düsseldorf',
  'Lübeck',
  'Zürich',
  'Graz',
  'Brückstedt',
  'Hafenau',
  'Mühlberg',
  'Bärental',
  'Schönau',
  'Weißenfeld',
  'Eichstätt',
];
const CLUB_PREFIX = ['SV', 'FC', 'TSV', 'VfL', 'SC', 'Sportfreunde', 'Kickers', 'Borussia', '1. FC', 'Union'];
const COMPANIES = [
  'Versicherung',
  'Energie',
  'Logistik',
  'Brauhaus',
  'Bank',
  'Pictures',
  'Media',
  'Motors',
  'Telekom',
  'Reisen',
];
const DE_FUNCTION = [
  'die',
  'der',
  'und',
  'das',
  'wir',
  'ist',
  'nicht',
  'ich',
  'es',
  'ein',
  'eine',
  'für',
  'mit',
  'auf',
  'zu',
  'dass',
  'haben',
  'war',
  'sehr',
  'auch',
  'noch',
  'nur',
  'schon',
  'wieder',
  'heute',
  'gegen',
  'nach',
  'über',
  'vor',
  'jetzt',
  'uns',
  'den',
  'dem',
  'im',
  'am',
];
const DE_PARTS = [
  'Vertrag',
  'Verlängerung',
  'Trainer',
  'Wechsel',
  'Spiel',
  'Saison',
  'Rechte',
  'Sponsor',
  'Stadion',
  'Fan',
  'Mannschaft',
  'Ablöse',
  'Klausel',
  'Tor',
  'Sturm',
  'Abwehr',
  'Mittelfeld',
  'Nachwuchs',
  'Pokal',
  'Liga',
  'Rückrunde',
  'Hinrunde',
  'Übertragung',
  'Geschäft',
  'Führung',
  'Leistung',
  'Entscheidung',
  'Zukunft',
  'Kader',
  'Transfer',
  'Gehalt',
  'Prämie',
  'Verein',
  'Präsident',
  'Kabine',
  'Training',
  'Verletzung',
  'Heim',
  'Auswärts',
  'Finale',
];
export const DE_WORDS = [...DE_PARTS, ...DE_PARTS.flatMap((a) => DE_PARTS.map((b) => a + b.toLowerCase()))];
const DE_VERBS = [
  'spielen',
  'gewinnen',
  'verlieren',
  'unterschreiben',
  'verlängern',
  'wechseln',
  'sprechen',
  'sagen',
  'glauben',
  'wissen',
  'kämpfen',
  'arbeiten',
  'zahlen',
  'bestätigen',
  'dementieren',
  'verhandeln',
  'überzeugen',
  'enttäuschen',
  'träumen',
  'zählen',
].flatMap((v) => [v, v.replace(/en$/, 't'), `ge${v.replace(/en$/, 't')}`, v.replace(/en$/, 'e')]);
const EN_FUNCTION = [
  'the',
  'and',
  'a',
  'we',
  'is',
  'not',
  'I',
  'it',
  'to',
  'of',
  'for',
  'with',
  'on',
  'that',
  'have',
  'was',
  'very',
  'also',
  'still',
  'only',
  'again',
  'today',
  'against',
  'after',
  'about',
  'now',
  'us',
  'our',
  'this',
  'in',
];
const EN_PARTS = [
  'contract',
  'extension',
  'coach',
  'transfer',
  'match',
  'season',
  'rights',
  'sponsor',
  'stadium',
  'fan',
  'squad',
  'fee',
  'clause',
  'goal',
  'striker',
  'defence',
  'midfield',
  'academy',
  'cup',
  'league',
  'deal',
  'broadcast',
  'business',
  'board',
  'performance',
  'decision',
  'future',
  'player',
  'salary',
  'bonus',
  'club',
  'chairman',
  'dressing-room',
  'training',
  'injury',
  'home',
  'away',
  'final',
  'window',
  'bid',
];
const EN_WORDS = [...EN_PARTS, ...EN_PARTS.flatMap((a) => EN_PARTS.slice(0, 20).map((b) => `${a}-${b}`))];
const EN_VERBS = [
  'play',
  'win',
  'lose',
  'sign',
  'extend',
  'move',
  'speak',
  'say',
  'believe',
  'know',
  'fight',
  'work',
  'pay',
  'confirm',
  'deny',
  'negotiate',
  'convince',
  'disappoint',
  'dream',
  'count',
].flatMap((v) => [v, `${v}s`, `${v}ed`, `${v}ing`]);
const DEAL_SUBJECTS = [
  'Transfer von',
  'Streamingrechte für',
  'Trikotsponsoring mit',
  'Loan of',
  'Broadcast rights in',
  'Stadionname in',
  'Documentary access at',
  'Vertragsverlängerung von',
];

/** Zipf-like: low indices far more often than high ones. */
export const zipf = <T>(list: readonly T[]): T => list[Math.floor(Math.pow(rand(), 2.5) * list.length)];
function sentence(german: boolean, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.5) out.push(zipf(german ? DE_FUNCTION : EN_FUNCTION));
    else if (r < 0.8) out.push(zipf(german ? DE_WORDS : EN_WORDS));
    else if (r < 0.95) out.push(zipf(german ? DE_VERBS : EN_VERBS));
    else out.push(pick(rand() < 0.5 ? PLACES : LAST));
  }
  return out.join(' ');
}
const date = () =>
  `20${String(18 + Math.floor(rand() * 9))}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;

export function generate(): FactPack {
  const entities: FactPack['entities'] = [];
  for (let i = 0; i < COUNTS.entities; i++) {
    const r = rand();
    if (r < 0.6) {
      const first = pick(FIRST);
      const last = pick(LAST);
      entities.push({
        id: `e${i}`,
        kind: 'person',
        name: `${first} ${last}`,
        aliases: rand() < 0.2 ? [last] : [],
        note: null,
      });
    } else if (r < 0.85) {
      const place = pick(PLACES);
      entities.push({
        id: `e${i}`,
        kind: 'club',
        name: `${pick(CLUB_PREFIX)} ${place} ${i % 7 === 0 ? 'II' : ''}`.trim(),
        aliases: [],
        note: null,
      });
    } else if (r < 0.95) {
      entities.push({
        id: `e${i}`,
        kind: 'company',
        name: `${pick(LAST)} ${pick(COMPANIES)}`,
        aliases: [],
        note: null,
      });
    } else {
      entities.push({
        id: `e${i}`,
        kind: 'media',
        name: `${pick(PLACES)}er ${pick(['Kurier', 'Anzeiger', 'Rundschau', 'Post', 'Echo'])}`,
        aliases: [],
        note: null,
      });
    }
  }
  const people = entities.filter((e) => e.kind === 'person').map((e) => e.id);
  const media = entities.filter((e) => e.kind === 'media').map((e) => e.id);
  const deals: FactPack['deals'] = [];
  for (let i = 0; i < COUNTS.deals; i++) {
    const payer = pick(entities).id;
    let payee = pick(entities).id;
    if (payee === payer) payee = entities[(Number(payer.slice(1)) + 1) % entities.length].id;
    const undisclosed = rand() < 0.15;
    const range = !undisclosed && rand() < 0.1;
    const amount = Math.round(rand() * 5_000_000) * 100;
    deals.push({
      id: `d${i}`,
      kind: pick(['transfer', 'broadcast_rights', 'sponsorship', 'salary', 'other'] as const),
      payerId: payer,
      payeeId: payee,
      subject: `${pick(DEAL_SUBJECTS)} ${pick(PLACES)} ${sentence(rand() < 0.5, 3)}`,
      amountMinor: undisclosed ? null : amount,
      amountMaxMinor: range ? amount + 100_000_00 : null,
      currency: undisclosed ? null : pick(['EUR', 'EUR', 'EUR', 'GBP', 'CHF']),
      precision: undisclosed
        ? 'undisclosed'
        : range
          ? 'range'
          : pick(['exact', 'approximately', 'at_least', 'at_most'] as const),
      dateFrom: date(),
      dateTo: null,
      status: pick(['confirmed', 'reported', 'rumoured', 'denied'] as const),
      reportedById: rand() < 0.5 ? pick(media) : null,
      notes: rand() < 0.4 ? sentence(true, 8) : null,
    });
  }
  const quotes: FactPack['quotes'] = [];
  for (let i = 0; i < COUNTS.quotes; i++) {
    const german = rand() < 0.6;
    quotes.push({
      id: `q${i}`,
      speakerId: pick(people),
      roleAtTime: null,
      wording: `${sentence(german, 8 + Math.floor(rand() * 20))}.`,
      language: german ? 'de' : 'en',
      date: date(),
      occasion: pick(['interview', 'press_conference', 'press_release', 'social_post'] as const),
      translationOfId: null,
      status: pick(['verified', 'unverified', 'disputed'] as const),
      notes: null,
    });
  }
  const sources: FactPack['sources'] = [];
  for (let i = 0; i < COUNTS.sources; i++) {
    sources.push({
      id: `s${i}`,
      kind: pick(['web_page', 'press_release', 'interview_recording', 'document'] as const),
      title: `${sentence(rand() < 0.5, 6)} ${pick(PLACES)}`,
      publisher: `${pick(PLACES)}er Kurier`,
      url: `https://news.example/${i}`,
      publishedAt: date(),
      accessedAt: null,
      notes: null,
      fileHash: null,
      fileName: null,
    });
  }
  return {
    format: FACTPACK_FORMAT,
    version: FACTPACK_VERSION,
    title: 'bench',
    exportedAt: null,
    entities,
    roles: [],
    deals,
    quotes,
    sources,
    citations: [],
    files: [],
  };
}
