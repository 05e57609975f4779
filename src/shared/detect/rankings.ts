import type { ArticleLanguage } from '../domain/articles';
import { matchesAtWordStart } from '../language/word-start-matches';
import type { FoundSpan } from './found-span';

const DE_RANKING = [
  'Tabellen(?:erste|zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte|zehnte|vorletzte|letzte|führer(?:in)?|spitze|platz|zweiter|dritter|erster|vierter|letzter|vorletzter)[nrs]?',
  'Spitzenreiter(?:in)?',
  'Schlusslicht',
  'Torschützenkönig(?:in)?',
  'Tor(?:jäger|schützen)liste',
  'beste[nrs]? (?:Torschütze|Torschützin|Torjäger|Vorlagengeber|Platzierung|Saison|Ergebnis)',
  '[Ee]rstmals',
  '[Ee]rstmalig',
  '[Zz]um ersten Mal',
  'erste[nrs]? (?:Titel|Meisterschaft|Sieg|Heimsieg|Auswärtssieg|Pokalsieg|Aufstieg|Frau|Spielerin|Spieler|Verein|Klub|Club|Streamer|Streamerin|Doku)',
  '(?:am )?(?:teuerste|größte|höchste|meistgesehene|erfolgreichste|jüngste|älteste|schnellste|meiste|beste|torgefährlichste|wertvollste|erfolgreichste|meistverkaufte|populärste)[nmrs]?(?= [\\p{Lu}])(?: [\\p{Lu}][\\p{L}-]+)?',
  '(?:auf )?(?:Platz|Rang) (?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\\d{1,2})',
  '(?:auf dem |auf )(?:ersten|zweiten|dritten|vierten|fünften|letzten|vorletzten|\\d{1,2}\\.) (?:Platz|Rang|Tabellenplatz)',
  '(?:Deutscher |deutscher )?(?:Vize)?[Mm]eister(?:in)?',
  'Meistertitel',
  'Pokalsieger(?:in)?',
  'Aufsteiger(?:in)?',
  'Absteiger(?:in)?',
  'ungeschlagen',
  'Marktführer(?:in)?',
  '(?:auf dem )?(?<!auf den )(?:Relegationsrang|Relegationsplatz|Abstiegsplatz|Abstiegsrang|Aufstiegsplatz|Aufstiegsrang|Europapokalplatz|Champions-League-Platz)',
  // The look-behind comes after the word so it runs only where an ordinal was found.
  '(?:Erster|Zweiter|Dritter|Vierter|Fünfter|Sechster|Siebter|Achter|Neunter|Zehnter|Letzter|Vorletzter)(?<=(?:bleibt|ist|wird|wurde|war|liegt|steht|bleiben|sind|als)(?: \\p{L}+){0,2} \\p{L}+)',
];

const EN_RANKING = [
  '(?:league|table) leaders',
  'top of the (?:table|league|standings)',
  'bottom of the (?:table|league|standings)',
  '(?:top|leading|record|all-time top|all-time leading) (?:scorer|goalscorer|goal-scorer|assist provider)',
  '(?:club |league |transfer |all-time |new |world |attendance |viewing |streaming )?records?(?:-breaking|-equalling|-equaling)?',
  '(?:broke|breaks|set|sets|equalled|equaled|matched) (?:a |the |his |her |their |its )?(?:own |new |club |league |all-time )?record',
  'record-breaking',
  'all-time',
  'for the first time',
  'first ever',
  'first-ever',
  'the first (?:woman|man|player|club|team|streamer|title|trophy|league title|win|victory)',
  'most (?:expensive|watched|successful|valuable|decorated|capped|followed|streamed|viewed|goals|assists|points|wins)',
  'most-(?:watched|streamed|viewed|followed|capped)',
  '(?:biggest|highest|largest|youngest|oldest|fastest|best-selling|best-paid|highest-paid|costliest) [\\w-]+',
  '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|bottom|\\d{1,2}(?:st|nd|rd|th)) place',
  '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|rd|th)) in the (?:table|league|standings)',
  '(?:league |cup )?champions(?! league)',
  'finished (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|bottom|top|last|\\d{1,2}(?:st|nd|rd|th))',
  "(?:their|his|her|its|the club’s|the club's) (?:best|worst|highest|lowest) (?:league |table )?(?:position|finish|placing|result|season|start)",
  'runners-up',
  'unbeaten',
  'promoted',
  'relegated',
  'market leader',
];

// A word starts where no letter or digit stands before; that is checked by matchesAtWordStart,
// not by a look-behind in front of the alternation (see there why).
const compile = (parts: string[], flags: string) =>
  new RegExp(`(?:${parts.map((p) => `(?:${p})`).join('|')})(?![\\p{L}\\p{N}])`, flags);
const DE_RE = compile(DE_RANKING, 'gu');
const REKORD = /[Rr]ekord/g;
const EN_RE = compile(EN_RANKING, 'giu');
const WORD_CHAR = { de: /^[\p{L}\p{N}]$/u, en: /^[\p{L}\p{N}]$/iu };

/** Records and table positions: "Tabellenzweiter", "Rekord", "erstmals", "most expensive". */
export function findRankings(text: string, lang: ArticleLanguage): FoundSpan[] {
  const out: FoundSpan[] = [];
  for (const m of matchesAtWordStart(text, lang === 'de' ? DE_RE : EN_RE, WORD_CHAR[lang])) {
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  if (lang === 'de') {
    // "Rekord" inside any compound ("Vereinsrekord", "Rekordumsatz"): found by its literal,
    // then widened to the whole word, which is far cheaper than a pattern tried at every word.
    REKORD.lastIndex = 0;
    for (let m = REKORD.exec(text); m; m = REKORD.exec(text)) {
      let a = m.index;
      let b = m.index + m[0].length;
      while (a > 0 && /[\p{L}-]/u.test(text[a - 1])) a--;
      while (b < text.length && /[\p{L}-]/u.test(text[b])) b++;
      if (!out.some((o) => o.start < b && a < o.end)) out.push({ start: a, end: b });
      REKORD.lastIndex = b;
    }
    out.sort((x, y) => x.start - y.start);
  }
  return out;
}
