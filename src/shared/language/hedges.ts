// Hedges mark a statement as reported rather than established: "angeblich",
// "laut Strivo", "soll … gezahlt haben", "reportedly", "is understood to".
//
// German "sollen" is a hedge only in its hearsay use, which is recognisable by
// the perfect infinitive after it: "Strivo soll sieben Millionen gezahlt haben"
// (Strivo is said to have paid). With a plain infinitive it is an instruction or a
// plan ("Der Trainer soll morgen entscheiden") and is not reported as a hedge.
// The same holds for "wollen" + perfect infinitive ("will nichts gewusst haben",
// claims to have known nothing). "sollte" is left out: "sollte … haben" is
// mostly conditional or counterfactual in news copy.

import type { TextLanguage } from './amounts';
import { matchesAtWordStart, splitWordStart } from './word-start-matches';

export type HedgeKind = 'modal' | 'attribution' | 'adverb';

export interface Hedge {
  text: string;
  start: number;
  end: number;
  kind: HedgeKind;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

// Past participles: ge-forms (gezahlt, angeboten), inseparable prefixes (bezahlt,
// überwiesen, unterschrieben) and -iert verbs (kassiert), plus worden/gewesen.
const PARTICIPLE =
  '(?:\\p{Ll}*ge\\p{Ll}+(?:t|en)|(?:be|er|ver|zer|ent|emp|über|unter|miss|hinter)\\p{Ll}+(?:t|en)|\\p{Ll}+iert|worden|gewesen)';

interface Pattern {
  re: RegExp;
  kind: HedgeKind;
  /** How far after the match a named source (for "laut", "according to") may extend the hedge. */
  source?: 'de' | 'en';
  /** Attribution with "zufolge", whose source stands before it. */
  sourceBefore?: boolean;
  /** Phrases that look like the hedge but are not ("according to plan"). */
  notBefore?: RegExp;
  /** A cheap test the text must pass before the (costlier) pattern is run. */
  need?: RegExp;
}

const GERMAN: Pattern[] = [
  {
    re: new RegExp(`${B}(?:angeblich|mutma(?:ß|ss)lich|vermeintlich)\\p{L}{0,2}${E}`, 'giu'),
    kind: 'adverb',
    need: /angeblich|mutma(?:ß|ss)lich|vermeintlich/iu,
  },
  { re: new RegExp(`${B}(?:vermutlich|offenbar)${E}`, 'giu'), kind: 'adverb', need: /vermutlich|offenbar/iu },
  { re: new RegExp(`${B}dem\\s+Vernehmen\\s+nach${E}`, 'giu'), kind: 'adverb', need: /vernehmen/iu },
  {
    re: new RegExp(
      `${B}(?:soll|sollen|will|wollen)${E}[^.!?;:]{0,120}?${B}${PARTICIPLE}\\s+(?:haben|sein)${E}`,
      'gu',
    ),
    kind: 'modal',
    need: /soll|will|woll/u,
  },
  {
    re: new RegExp(`${B}${PARTICIPLE}\\s+(?:haben|sein)\\s+(?:soll|sollen|will|wollen)${E}`, 'gu'),
    kind: 'modal',
    need: /soll|will|woll/u,
  },
  {
    re: new RegExp(
      `${B}(?:laut|nach)\\s+[\\p{L}\\p{N}.]+-(?:Informationen|Angaben|Recherchen|Berichten)${E}`,
      'giu',
    ),
    kind: 'attribution',
    need: /-(?:Informationen|Angaben|Recherchen|Berichten)/i,
  },
  { re: new RegExp(`${B}laut${E}`, 'giu'), kind: 'attribution', source: 'de', need: /laut/iu },
  // Verb first after the claim: "…, berichtet das Portal „Transferfenster“".
  {
    re: new RegExp(
      `(?<=,\\s*)(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)\\s+(?:das|der|die)${E}`,
      'gu',
    ),
    kind: 'attribution',
    source: 'de',
    need: /berichtet|meldet|schreibt|schrieb/u,
  },
  // Estimates: "geschätzte 1,8 Millionen", "Branchenkenner schätzen den Wert auf …".
  {
    re: new RegExp(`${B}(?:geschätzte?[nmrs]?|schätz(?:t|en|te|ten)|Schätzungen\\s+zufolge)${E}`, 'giu'),
    kind: 'adverb',
    need: /schätz/iu,
  },
  { re: new RegExp(`${B}zufolge${E}`, 'giu'), kind: 'attribution', sourceBefore: true, need: /zufolge/iu },
  // The medium first: "Die »Kellerbacher Rundschau« berichtet, …", "Der Nordhafener Kurier
  // meldet, …" — a quoted name, or a name ending like a newspaper's.
  {
    re: new RegExp(
      `${B}(?:(?:Die|Der|Das|die|der|das)\\s+)?(?:„[^“”\\n]{1,60}[“”]|»[^«\\n]{1,60}«|"[^"\\n]{1,60}"|‚[^‘’\\n]{1,60}[‘’]|(?:\\p{Lu}[\\p{L}-]*\\s+){0,2}(?:\\p{Lu}\\p{L}*)?(?:Zeitung|zeitung|Rundschau|Anzeiger|Kurier|Bote|Post|post|Nachrichten|Blatt|blatt|Echo|Presse|presse|Journal|Express|Allgemeine|Magazin|magazin|Portal|portal))\\s+(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)(?=\\s*,|\\s+(?:dass|unter|am|an|in|von|vom)${E})`,
      'gu',
    ),
    kind: 'attribution',
    need: /berichtet|meldet|schreibt|schrieb/,
  },
  {
    re: new RegExp(
      `${B}wie\\s+(?:[\\p{L}\\p{N}'’.„“”"»«-]+\\s+){1,6}?(?:berichtet|berichtete|berichten|berichteten|meldet|meldete|melden|meldeten|schreibt|schrieb|schreiben|schrieben|erfuhr|erfahren\\s+hat|erfahren\\s+haben|enthüllte)${E}`,
      'giu',
    ),
    kind: 'attribution',
    need: /bericht|meld|schreib|schrieb|erfuhr|erfahren|enthüllte/iu,
  },
  {
    re: new RegExp(
      `${B}nach\\s+(?:eigenen\\s+|übereinstimmenden\\s+|unbestätigten\\s+)?(?:Medien)?(?:Angaben|Informationen|Berichten|Recherchen)${E}`,
      'giu',
    ),
    kind: 'attribution',
    source: 'de',
    need: /angaben|informationen|berichten|recherchen/iu,
  },
  {
    re: new RegExp(`${B}(?:wie\\s+es\\s+(?:heißt|hieß)|(?:heißt|hieß)\\s+es)${E}`, 'giu'),
    kind: 'attribution',
    need: /heißt|hieß/iu,
  },
  {
    re: new RegExp(
      `${B}aus\\s+(?:(?:Vereins|Klub|Club|Verbands|Mannschafts)kreisen|informierten\\s+Kreisen|dem\\s+Umfeld)${E}`,
      'giu',
    ),
    kind: 'attribution',
    source: 'de',
    need: /kreisen|umfeld/iu,
  },
];

const ENGLISH: Pattern[] = [
  {
    re: new RegExp(
      `${B}(?:reportedly|allegedly|supposedly|apparently|purportedly|reputedly|alleged|rumou?red)${E}`,
      'giu',
    ),
    kind: 'adverb',
    need: /reportedly|alleg|suppos|apparent|purport|reput|rumo/iu,
  },
  {
    re: new RegExp(`(?<=${B}(?:the|a|an|its|their)\\s+)reported${E}`, 'giu'),
    kind: 'adverb',
    need: /reported/iu,
  },
  { re: new RegExp(`${B}(?:an\\s+)?estimated${E}`, 'giu'), kind: 'adverb', need: /estimated/iu },
  // "The Valley Post understands", "the Gazette has learned": the medium stands before the verb.
  {
    re: new RegExp(
      `${B}(?:(?:The|the)\\s+)?(?:\\p{Lu}[\\p{L}\\p{N}'’.-]*\\s+){1,4}(?:understands|has\\s+learned|has\\s+learnt|has\\s+been\\s+told)${E}`,
      'gu',
    ),
    kind: 'attribution',
    need: /understands|has (?:learned|learnt|been told)/,
  },
  {
    re: new RegExp(
      `${B}(?:is|are|was|were|has\\s+been|have\\s+been|had\\s+been)\\s+(?:widely\\s+)?(?:said|understood|believed|thought|reported|alleged|rumou?red|claimed)\\s+to${E}`,
      'giu',
    ),
    kind: 'modal',
    need: /(?:said|understood|believed|thought|reported|alleged|rumou?red|claimed)\s+to/iu,
  },
  {
    re: new RegExp(`${B}according\\s+to${E}`, 'giu'),
    kind: 'attribution',
    source: 'en',
    notBefore: /^\s+(?:plan|schedule)\b/i,
    need: /according/iu,
  },
  // "as first reported by The Harbury Mercury": the medium follows the verb.
  {
    re: new RegExp(`${B}as\\s+(?:first\\s+|originally\\s+)?(?:reported|revealed)\\s+by${E}`, 'giu'),
    kind: 'attribution',
    source: 'en',
    need: /(?:reported|revealed)\s+by/iu,
  },
  // "The Hollstedt Gazette has reported that …".
  {
    re: new RegExp(
      `${B}(?:(?:The|the)\\s+)?(?:\\p{Lu}[\\p{L}\\p{N}'’.-]*\\s+){1,4}(?:has|have|had)\\s+(?:reported|revealed)(?:\\s+that)?${E}`,
      'gu',
    ),
    kind: 'attribution',
    need: /(?:has|have|had) (?:reported|revealed)/,
  },
  {
    re: new RegExp(
      `${B}as\\s+(?:[\\p{L}\\p{N}'’.„“”"»«-]+\\s+){1,6}?(?:reported|reports|revealed|first\\s+reported|has\\s+reported|has\\s+learned|understands)${E}`,
      'giu',
    ),
    kind: 'attribution',
    need: /report|revealed|learned|understands/iu,
  },
  {
    // "Sources told the Hollstedt Gazette that …": the medium told is the source.
    re: new RegExp(
      `${B}(?:(?:industry|club|senior|league|well-placed)\\s+)?(?:sources|insiders)\\s+(?:have\\s+)?told${E}`,
      'giu',
    ),
    kind: 'attribution',
    source: 'en',
    need: /sources|insiders/iu,
  },
  {
    re: new RegExp(
      `${B}(?:(?:industry|club|senior|league|well-placed)\\s+)?(?:sources|insiders)\\s+(?:say|said|claim|claimed|suggest|suggested|indicate|indicated|put|believe|expect|close\\s+to)${E}`,
      'giu',
    ),
    kind: 'attribution',
    need: /sources|insiders/iu,
  },
  {
    re: new RegExp(
      `${B}it\\s+is\\s+(?:understood|believed|thought|claimed|reported|alleged)${E}(?!\\s+to${E})`,
      'giu',
    ),
    kind: 'attribution',
    need: /it\s+is/iu,
  },
  {
    re: new RegExp(`${B}(?:reported|reports)\\s+that${E}`, 'giu'),
    kind: 'attribution',
    need: /report(?:ed|s)\s+that/iu,
  },
  { re: new RegExp(`${B}citing${E}`, 'giu'), kind: 'attribution', source: 'en', need: /citing/iu },
  // "…, the Sentinel reported." / "Per The Ledger, …".
  {
    re: new RegExp(
      `(?<=,\\s*)(?:the\\s+)?(?:\\p{Lu}[\\p{L}\\p{N}'’.-]*\\s+){1,4}(?:reported|reports|revealed)(?=(?:\\s+(?:on\\s+\\p{Lu}\\p{Ll}+|last\\s+\\p{Ll}+|this\\s+\\p{Ll}+|yesterday|today|earlier|overnight))?\\s*[.;]|\\s*$)`,
      'gu',
    ),
    kind: 'attribution',
    need: /reported|reports|revealed/,
  },
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}])Per(?=\\s+(?:the\\s+|The\\s+)?\\p{Lu})`, 'gu'),
    kind: 'attribution',
    source: 'en',
    need: /Per/u,
  },
];

const DE_ARTICLES = new Set([
  'der',
  'die',
  'das',
  'des',
  'dem',
  'den',
  'ein',
  'eine',
  'einem',
  'einer',
  'eines',
  'von',
  'aus',
]);
const EN_ARTICLES = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

/**
 * End of the source named after "laut"/"according to": articles and capitalised
 * words up to the next punctuation, at most six words. English may add one
 * lower-case noun ("according to the club"); German nouns are capitalised, so a
 * lower-case German word ends the source.
 */
function sourceEnd(text: string, from: number, lang: 'de' | 'en'): number {
  // A source in quotation marks: laut „Almentaler Bote“, laut "Sportwoche", according to “The Ledger”.
  const quoted =
    /^\s*(?:(?:der|die|das|dem|des|the)\s+)?(?:„[^“”\n]{1,60}[“”]|"[^"\n]{1,60}"|»[^«\n]{1,60}«|“[^”\n]{1,60}”|‚[^‘’\n]{1,60}[‘’]|‘[^’\n]{1,60}’|'[^'\n]{1,60}'(?![\p{L}]))/u.exec(
      text.slice(from),
    );
  if (quoted) return from + quoted[0].length;
  const re = /\s*([\p{L}\p{N}][\p{L}\p{N}'’.-]*)/uy;
  re.lastIndex = from;
  let end = from;
  let words = 0;
  let tookNoun = false;
  let m: RegExpExecArray | null;
  while (words < 6 && (m = re.exec(text))) {
    const word = m[1].replace(/[.]$/, '');
    const lower = word.toLowerCase();
    const wordEnd = re.lastIndex - (m[1].length - word.length);
    if ((lang === 'de' ? DE_ARTICLES : EN_ARTICLES).has(lower)) {
      // English sources do not continue with a new article ("according to Strivo the fee").
      if (lang === 'en' && tookNoun) break;
      // "laut einem Bericht des »Sportecho«": the medium's quoted name ends the source.
      const named =
        /^\s*(?:„[^“”\n]{1,60}[“”]|"[^"\n]{1,60}"|»[^«\n]{1,60}«|“[^”\n]{1,60}”|‚[^‘’\n]{1,60}[‘’]|‘[^’\n]{1,60}’)/u.exec(
          text.slice(wordEnd),
        );
      if (named && tookNoun) return wordEnd + named[0].length;
    } else if (/^\p{N}/u.test(word)) {
      // "laut Vereinsangaben 1,5 Millionen": the amount is not part of the source.
      break;
    } else if (/^[\p{Lu}]/u.test(word)) {
      end = wordEnd;
      tookNoun = true;
      // "schreibt das Vereinsmagazin „Rotheide live“": the kind of medium, then its quoted name.
      const named =
        /^\s*(?:„[^“”\n]{1,60}[“”]|"[^"\n]{1,60}"|»[^«\n]{1,60}«|“[^”\n]{1,60}”|‚[^‘’\n]{1,60}[‘’]|‘[^’\n]{1,60}’)/u.exec(
          text.slice(wordEnd),
        );
      if (named) return wordEnd + named[0].length;
    } else if (lang === 'en' && !tookNoun) {
      end = wordEnd;
      tookNoun = true;
      // "according to a report in The Ledger": the report's medium is the source.
      // "according to figures from the consultancy Pitchside Analytics", "a report in 'The Flyer'".
      const medium =
        /^\s+(?:in|by|from|on)\s+(?:the\s+|The\s+)?(?:\p{Ll}+\s+(?=\p{Lu}))?(?:'[^'\n]{1,60}'|‘[^’\n]{1,60}’|“[^”\n]{1,60}”|"[^"\n]{1,60}"|\p{Lu}[\p{L}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{N}'’-]*){0,3})/u.exec(
          text.slice(end),
        );
      if (
        /^(?:report|reports|statement|interview|article|story|figures|data|research|analysis|documents|estimates)$/.test(
          lower,
        ) &&
        medium
      )
        end += medium[0].length;
      break;
    } else {
      break;
    }
    words++;
  }
  return end;
}

/** Start of the source before "zufolge": "Berichten zufolge", "Informationen der Sportwoche zufolge". */
function sourceStart(text: string, before: number): number {
  const words = Array.from(text.slice(0, before).matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu));
  let start = before;
  let taken = 0;
  for (let k = words.length - 1; k >= 0 && taken < 5; k--) {
    const w = words[k];
    const idx = w.index ?? 0;
    const between = text.slice(idx + w[0].length, start);
    if (/[,.;:!?]/.test(between)) break;
    if (/^\p{Lu}/u.test(w[0]) || (taken > 0 && DE_ARTICLES.has(w[0].toLowerCase()))) {
      start = idx;
      taken++;
    } else {
      break;
    }
  }
  return start;
}

// Patterns that open with the word-start look-behind are run without it (see matchesAtWordStart).
const splitPatterns = new Map<RegExp, ReturnType<typeof splitWordStart>>(
  [...GERMAN, ...ENGLISH].map((p) => [p.re, splitWordStart(p.re)]),
);

function matchesOf(text: string, patterns: Pattern[]): Hedge[] {
  const out: Hedge[] = [];
  for (const p of patterns) {
    if (p.need && !p.need.test(text)) continue;
    const split = splitPatterns.get(p.re);
    p.re.lastIndex = 0;
    for (const m of split ? matchesAtWordStart(text, split.re, split.before) : text.matchAll(p.re)) {
      let start = m.index ?? 0;
      let end = start + m[0].length;
      if (p.notBefore && p.notBefore.test(text.slice(end))) continue;
      if (p.source) {
        const sEnd = sourceEnd(text, end, p.source);
        // "laut" without a named source is the adjective "loud".
        if (sEnd === end && /^laut$/i.test(m[0])) continue;
        end = sEnd;
      }
      if (p.sourceBefore) {
        const sStart = sourceStart(text, start);
        if (sStart === start) continue;
        start = sStart;
      }
      out.push({ text: text.slice(start, end), start, end, kind: p.kind });
    }
  }
  return out;
}

/**
 * Every hedge in `text`, left to right, without overlaps (the longer of two
 * overlapping hedges wins). Without `lang`, German and English cues are both used.
 */
export function findHedges(text: string, lang?: TextLanguage): Hedge[] {
  const patterns = [...(lang !== 'en' ? GERMAN : []), ...(lang !== 'de' ? ENGLISH : [])];
  const all = matchesOf(text, patterns).sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start),
  );
  const kept: Hedge[] = [];
  for (const h of all) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) {
      if (h.end - h.start > last.end - last.start) kept[kept.length - 1] = h;
      continue;
    }
    kept.push(h);
  }
  return kept;
}
