import type { ArticleLanguage } from '../domain/articles';
import { parseNumberWord } from '../language/numberWords';
import type { FoundSpan } from './dates';

const DE_NOUNS =
  'Tore|Toren|Treffer|Spiele|Spielen|Partien|Siege|Siegen|Niederlagen|Unentschieden|Punkte|Punkten|Folgen|Episoden|Teile|Teilen|Titel|Titeln|Meisterschaften|Pokale|Zuschauer|Zuschauerinnen|Fans|Abonnenten|Abonnentinnen|Follower|Followern|Aufrufe|Aufrufen|Views|Jahre|Jahren|Spieltage|Spieltagen|Einsätze|Einsätzen|Länderspiele|Länderspielen|Vorlagen|Assists|Kameras|Drehtage|Drehtagen|Staffeln|Mitglieder|Mitgliedern|Tickets|Dauerkarten|Stunden|Minuten|Saisons|Spielzeiten|Transfers|Neuzugänge|Neuzugängen|Zugänge|Streams|Folge|Tor|Titel|Sieg|Punkt|Jahr|Spiel|Einsatz|Staffel|Stunde|Millionen Zuschauer|Millionen Aufrufe|Millionen Follower|Millionen Abonnenten';
const EN_NOUNS =
  'goals|goal|games|game|matches|match|wins|win|victories|defeats|draws|points|point|episodes|episode|parts|part|titles|title|trophies|trophy|viewers|fans|subscribers|followers|views|years|year|appearances|appearance|assists|caps|clean sheets|seasons|season|members|tickets|season tickets|hours|minutes|signings|streams|cameras|million viewers|million views|million followers|million subscribers';

const DE_NUM = '\\d{1,3}(?:\\.\\d{3})+|\\d+(?:,\\d+)?|[a-zäöüß]+';
const EN_NUM = '\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|[a-z]+(?:-[a-z]+)?';
const DE_ADJ = '(?:(?:weitere[n]?|neue[n]?|eigene[n]?|volle[n]?|lange[n]?|knapp|rund|fast|über|mehr als|genau|nur|gut|insgesamt)\\s+)?';
const EN_ADJ = '(?:(?:more|new|further|straight|consecutive|full|extra|league|competitive|separate)\\s+)?';

const DE_COUNT = new RegExp(
  [
    `(?<n>${DE_NUM})-?teilige[nmrs]?`,
    `zum\\s+(?<ord>[a-zäöü]+|\\d+\\.)\\s+Mal`,
    `(?<n2>${DE_NUM})(?:\\s+(?<scale>Millionen|Mio\\.))?\\s+${DE_ADJ}(?:${DE_NOUNS})`,
  ].map((p) => `(?:${p})`).join('|'),
  'gu',
);
const EN_COUNT = new RegExp(
  [
    `(?<n>${EN_NUM})-(?:part|episode|year|game|match)`,
    `for\\s+the\\s+(?<ord>[a-z]+|\\d+(?:st|nd|rd|th))\\s+(?:time|straight time|consecutive time)`,
    `(?<n2>${EN_NUM})(?:\\s+(?<scale>million))?\\s+${EN_ADJ}(?:${EN_NOUNS})`,
  ].map((p) => `(?:${p})`).join('|'),
  'giu',
);

const DE_ORDINALS: Record<string, number> = {
  zweiten: 2, dritten: 3, vierten: 4, fünften: 5, sechsten: 6, siebten: 7, achten: 8, neunten: 9, zehnten: 10,
  elften: 11, zwölften: 12, x: NaN,
};
const EN_ORDINALS: Record<string, number> = {
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12,
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
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    if ((before && /[\p{L}\p{N}.,]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const g = m.groups ?? {};
    let value: number | null = null;
    if (g.ord !== undefined) {
      const o = g.ord.toLowerCase();
      value = /^\d/.test(o) ? parseInt(o, 10) : (ordinals[o] ?? null);
    } else {
      const raw = g.n ?? g.n2;
      value = raw === undefined ? null : readNumber(raw, lang);
      if (value !== null && g.scale) value *= 1_000_000;
    }
    if (value === null) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, value: Number.isNaN(value) ? undefined : value });
  }
  return out;
}
