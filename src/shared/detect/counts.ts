import type { ArticleLanguage } from '../domain/articles';
import { parseNumberWord } from '../language/numberWords';
import { matchesAtWordStart } from '../language/word-start-matches';
import type { FoundSpan } from './found-span';

const DE_NOUNS =
  'Tore|Toren|Treffer|Treffern|Spiele|Spielen|Partien|Siege|Siegen|Niederlagen|Unentschieden|Punkte|Punkten|Folgen|Episoden|Teile|Teilen|Titel|Titeln|Meisterschaften|Pokale|Zuschauer|Zuschauern|Zuschauerinnen|Plätze|Plätzen|Sitzplätze|Stehplätze|Monate|Monaten|Wochen|Tage|Tagen|Spielerinnen|Spieler|Spielern|Kameraleute|Folgen|Menschen|Personen|Besucher|Besuchern|Fans|Abonnenten|Abonnentinnen|Follower|Followern|Aufrufe|Aufrufen|Views|Jahre|Jahren|Spieltage|Spieltagen|Einsätze|Einsätzen|Länderspiele|Länderspielen|Vorlagen|Assists|Kameras|Drehtage|Drehtagen|Staffeln|Mitglieder|Mitgliedern|Tickets|Dauerkarten|Stunden|Minuten|Saisons|Spielzeiten|Transfers|Neuzugänge|Neuzugängen|Profis|Profi|Zugänge|Streams|Folge|Tor|Titel|Sieg|Punkt|Jahr|Spiel|Einsatz|Staffel|Stunde|Millionen Zuschauer|Millionen Aufrufe|Millionen Follower|Millionen Abonnenten';
const EN_NOUNS =
  'goals|goal|games|game|matches|match|wins|win|victories|defeats|draws|points|point|episodes|episode|parts|part|titles|title|trophies|trophy|viewers|fans|subscribers|followers|views|years|year|appearances|appearance|assists|caps|clean sheets|seasons|season|months|weeks|days|people|spectators|visitors|players|professionals|signings|members|tickets|season tickets|hours|minutes|signings|streams|cameras|million viewers|million views|million followers|million subscribers';

// Longest first, so "Toren" is tried before "Tore" and the word boundary after it holds.
const alternation = (words: string) =>
  [...new Set(words.split('|'))].sort((a, b) => b.length - a.length).join('|');

// Number words are recognised by their first element, so the pattern is not tried on every
// lowercase word; the value is then read by the shared number-word parser.
const DE_NUM =
  '\\d{1,3}(?:\\.\\d{3})+|\\d+(?:,\\d+)?|(?:eins?|zwei|zwo|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|anderthalb)[a-zäöüß]*';
const EN_NUM =
  '\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)[a-z]*(?:-[a-z]+)?';
const DE_ADJ =
  '(?:(?:weitere[n]?|neue[n]?|eigene[n]?|volle[n]?|lange[n]?|knapp|rund|fast|über|mehr als|genau|nur|gut|insgesamt)\\s+)?';
const EN_ADJ =
  '(?:(?:more|new|further|straight|consecutive|full|extra|league|competitive|separate|[a-z]+-[a-z]+)\\s+)?';

// No letter, digit or number punctuation may stand before a count; matchesAtWordStart checks
// that instead of a look-behind in front of the alternation (see there why).
const bounded = (parts: string[]) => `(?:${parts.map((p) => `(?:${p})`).join('|')})(?![\\p{L}\\p{N}])`;
const NOT_BEFORE = { de: /^[\p{L}\p{N}.,-]$/u, en: /^[\p{L}\p{N}.,-]$/iu };

const DE_COUNT = new RegExp(
  bounded([
    `(?<n>${DE_NUM})-?teilige[nmrs]?`,
    `zum\\s+(?<ord>[a-zäöü]+|\\d+\\.)\\s+Mal`,
    `(?<n2>${DE_NUM})(?:\\s+(?<scale>Millionen|Mio\\.))?\\s+${DE_ADJ}(?:${alternation(DE_NOUNS)}|\\p{Lu}\\p{Ll}+(?:${alternation(DE_NOUNS.toLowerCase())}))`,
    `(?:der|die|das|den|dem|sein|seine|seinen|seinem|ihr|ihre|ihren|ihrem) (?<ord2>zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte|zehnte|elfte|zwölfte|\\d{1,2}\\.)[nrs]? (?:\\p{Lu}\\p{Ll}*(?:sieg|tor|treffer|titel|spiel|niederlage|einsatz)|Sieg|Niederlage|Remis|Titel|Spiel|Tor|Treffer|Einsatz)(?: in Folge)?`,
  ]),
  'gu',
);
const EN_COUNT = new RegExp(
  bounded([
    `(?<n>${EN_NUM})-(?:part|episode|year|game|match)(?!-old)`,
    `for\\s+the\\s+(?<ord>[a-z]+|\\d+(?:st|nd|rd|th))\\s+(?:time|straight time|consecutive time)`,
    `(?<n2>${EN_NUM})(?:\\s+(?<scale>million))?\\s+${EN_ADJ}(?:${alternation(EN_NOUNS)})`,
    `(?:a|the|their|his|her) (?<ord2>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|rd|th)) (?:straight |consecutive )?(?:win|victory|defeat|title|trophy|goal|game|clean sheet)(?: in a row)?`,
  ]),
  'giu',
);

const DE_ORDINALS: Record<string, number> = {
  zweiten: 2,
  dritten: 3,
  vierten: 4,
  fünften: 5,
  sechsten: 6,
  siebten: 7,
  achten: 8,
  neunten: 9,
  zehnten: 10,
  elften: 11,
  zwölften: 12,
  x: NaN,
};
const EN_ORDINALS: Record<string, number> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};

const ARTICLE_WORDS = new Set(['ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'a', 'an']);

function readNumber(raw: string, lang: ArticleLanguage): number | null {
  if (/^\d/.test(raw)) {
    const normal = lang === 'de' ? raw.replace(/\./g, '').replace(',', '.') : raw.replace(/,/g, '');
    const v = Number(normal);
    return Number.isFinite(v) ? v : null;
  }
  if (ARTICLE_WORDS.has(raw.toLowerCase())) return null;
  return parseNumberWord(raw, lang);
}

/**
 * Counts: "dreiteilige Serie", "zum fünften Mal", "zwölf Tore", "three-part", "for the third
 * time", "1,2 Millionen Zuschauer". "zum ersten Mal"/"for the first time" are records, not counts.
 */
export function findCounts(text: string, lang: ArticleLanguage): FoundSpan[] {
  const re = lang === 'de' ? DE_COUNT : EN_COUNT;
  const ordinals = lang === 'de' ? DE_ORDINALS : EN_ORDINALS;
  const out: FoundSpan[] = [];
  for (const m of matchesAtWordStart(text, re, NOT_BEFORE[lang])) {
    const g = m.groups ?? {};
    let value: number | null = null;
    const ord = g.ord ?? g.ord2;
    if (ord !== undefined) {
      const o = ord.toLowerCase().replace(/e[rs]?$/, 'en');
      value = /^\d/.test(o) ? parseInt(o, 10) : (ordinals[o] ?? null);
    } else {
      const raw = g.n ?? g.n2;
      value = raw === undefined ? null : readNumber(raw, lang);
      if (value !== null && g.scale) value *= 1_000_000;
    }
    if (value === null) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: Number.isNaN(value) ? undefined : value });
  }
  return out;
}
