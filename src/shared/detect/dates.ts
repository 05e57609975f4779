import type { ArticleLanguage } from '../domain/articles';
import { scanAnchored } from './anchored-scan';
import type { FoundSpan } from './found-span';

const DE_MONTH =
  '(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Okt\\.|Nov\\.|Dez\\.)';
const DE_DAY =
  '(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)(?:abend|nachmittag|morgen|vormittag|mittag)?';
const DE_PREP =
  '(?:(?:ab|seit|bis|vom|von|zum|am|im|bis zum|bis Ende|ab dem|seit dem|nach dem|vor dem|Anfang|Mitte|Ende|spätestens|frühestens|noch im|schon im|erst im|erst am|bereits am|bereits im)\\s+)';
const DE_REL =
  '(?:vergangene[nmrs]?|letzte[nmrs]?|kommende[nmrs]?|nächste[nmrs]?|diese[nmrs]?|neue[nmrs]?|abgelaufene[nmrs]?|laufende[nmrs]?|kommende[nmrs]?)';
const YEAR = '(?:19|20)\\d{2}';
const SEASON_YEARS = `${YEAR}\\s?[/–-]\\s?(?:\\d{2}|${YEAR})`;

const DE_PATTERNS = [
  `${DE_PREP}?\\d{1,2}\\.\\s?${DE_MONTH}(?:\\s+${YEAR})?`,
  `${DE_PREP}?\\d{1,2}\\.\\s?\\d{1,2}\\.(?:${YEAR}|\\d{2})?`,
  `${DE_PREP}${DE_MONTH}(?:\\s+${YEAR})?`,
  `${DE_MONTH}\\s+${YEAR}`,
  `(?:am|seit|bis|ab|vom|zum)\\s+(?:${DE_REL}\\s+)?${DE_DAY}`,
  `${DE_REL}\\s+${DE_DAY}`,
  `(?:in der |in die |zur |der |die |seit der |bis zur |ab der )?(?:${DE_REL}\\s+)?(?:Saison|Spielzeit|Rückrunde|Hinrunde|Winterpause|Sommerpause|Transferperiode)\\s+${SEASON_YEARS}`,
  `(?:in der |zur |seit der |bis zur |ab der |der |die )${DE_REL}\\s+(?:Saison|Spielzeit|Rückrunde|Hinrunde|Winterpause|Sommerpause|Transferperiode)`,
  `(?:in der |zur |seit der |bis zur |ab der )(?:Rückrunde|Hinrunde|Winterpause|Sommerpause)`,
  `(?:im |seit dem |bis zum )?(?:${DE_REL}\\s+)(?:Jahr|Geschäftsjahr|Sommer|Winter|Frühjahr|Herbst|Monat|Woche|Wochenende)`,
  `${DE_REL}\\s+(?:Woche|Monat|Jahr|Wochenende)`,
  `(?:im|seit dem|bis zum|ab dem)\\s+(?:Sommer|Winter|Frühjahr|Herbst|Jahr)\\s+${YEAR}`,
  `(?:im\\s+)?(?:Sommer|Winter|Frühjahr|Herbst)\\s+${YEAR}`,
  `(?:im|bis zum|seit dem|ab dem|zum|bis in den|über den)\\s+(?:Sommer|Winter|Frühjahr|Frühling|Herbst)`,
  `(?:bis|seit|ab|im Jahr|bis Ende|Ende|Anfang|Mitte|von|nach)\\s+${YEAR}`,
  `(?:bis|seit|ab)\\s+(?:zum\\s+)?(?:Saisonende|Saisonstart|Saisonbeginn|Jahresende|Vertragsende)`,
  `(?:im|zum)\\s+Vorjahr`,
  `(?:in der|seit der|aus der)\\s+Vorsaison`,
  `(?:nach dem|am|vor dem|bis zum|zum|seit dem|ab dem)\\s+\\d{1,2}\\.\\s+Spieltag`,
  `in der\\s+\\d{1,3}\\.\\s+(?:Minute|Spielminute)`,
  `vor\\s+(?:\\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|einem|einer)\\s+(?:Jahren|Jahr|Monaten|Monat|Wochen|Woche|Tagen)`,
  `(?:am\\s+)?(?:gestrigen|heutigen)\\s+${DE_DAY}`,
  `(?:gestern|vorgestern)(?:abend|morgen|nachmittag)?`,
];

const EN_MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const EN_DAY =
  '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\\s+(?:night|evening|morning|afternoon))?';
const EN_PREP =
  '(?:(?:on|from|since|until|till|by|in|at the end of|the end of|the start of|early|late|mid-|by the end of|before|after)\\s*)';
const EN_REL =
  '(?:last|next|this|previous|coming|past|the previous|the coming|the past|the current|the new|the next|the last)';

const EN_PATTERNS = [
  `${EN_PREP}?\\d{1,2}(?:st|nd|rd|th)?\\s+${EN_MONTH}(?:,?\\s+${YEAR})?`,
  `${EN_PREP}?${EN_MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?`,
  `${EN_PREP}${EN_MONTH}(?:\\s+${YEAR})?`,
  `${EN_MONTH}\\s+${YEAR}`,
  `(?:on|since|until|by)\\s+(?:${EN_REL}\\s+)?${EN_DAY}`,
  `${EN_REL}\\s+${EN_DAY}`,
  `(?:the\\s+)?${SEASON_YEARS}\\s+(?:season|campaign|financial year|fiscal year)`,
  `in the\\s+\\d{1,3}(?:st|nd|rd|th)\\s+minute`,
  `(?:the\\s+)?(?:season|campaign)\\s+${SEASON_YEARS}`,
  `${EN_REL}\\s+(?:season|campaign|summer|winter|spring|autumn|year|month|week|weekend|transfer window)`,
  `(?:the\\s+)?(?:summer|winter|spring|autumn|January|summer transfer) (?:of |transfer window of )?${YEAR}`,
  `(?:in|since|until|by|before|after|from|through|in early|in late|the end of)\\s+${YEAR}`,
  `(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|a)\\s+(?:years|months|weeks|days|year|month|week)\\s+ago`,
  `(?:earlier|later)\\s+this\\s+(?:year|month|week|season)`,
  `(?:the\\s+)?end of (?:the )?(?:season|year|month)`,
  `yesterday`,
];

// Boundaries live inside the pattern (not in a check afterwards) so that a failed
// alternative backtracks into the next one: "until June 2027" must not stop at "June 20".
const compile = (patterns: string[], flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.map((p) => `(?:${p})`).join('|')})(?![\\p{L}\\p{N}])`, flags);
const DE_RE = compile(DE_PATTERNS, 'giuy');
const EN_RE = compile(EN_PATTERNS, 'giuy');

/** Dates and time references: "ab dem 3. März", "in der vergangenen Saison", "on 3 March". */
// Every date pattern contains a digit or one of these words.
const ANCHOR = {
  de: /\d+|jan|feb|märz|apr|mai|jun|jul|aug|sep|okt|nov|dez|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|saison|spielzeit|runde|pause|periode|jahr|sommer|winter|herbst|frühjahr|frühling|monat|woche|gestern/giu,
  en: /\d+|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|season|campaign|summer|winter|spring|autumn|year|month|week|window|yesterday|end of/giu,
};

/** Dates and time references: "ab dem 3. März", "in der vergangenen Saison", "on 3 March". */
export function findDates(text: string, lang: ArticleLanguage): FoundSpan[] {
  return scanAnchored(text, ANCHOR[lang], lang === 'de' ? DE_RE : EN_RE, 4);
}
