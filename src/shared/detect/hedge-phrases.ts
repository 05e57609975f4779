import type { ArticleLanguage } from '../domain/articles';
import { findHedges } from '../language/hedges';

export type HedgeKind = 'modal' | 'adverb' | 'source';

export interface HedgeSpan {
  start: number;
  end: number;
  text: string;
  kind: HedgeKind;
}

// The shared hedge finder takes German "soll/sollen" as a hedge only before a perfect
// infinitive ("soll gezahlt haben"). In reported copy the plain infinitive is hedged too
// ("Strivo soll sieben Millionen zahlen", citing a newspaper), so the detector adds it, and
// the English "is expected to", which the shared list leaves out.
const EXTRA: Record<ArticleLanguage, RegExp> = {
  de: /(?<![\p{L}\p{N}])(?:soll|sollen)(?![\p{L}\p{N}])/gu,
  en: /(?<![\p{L}\p{N}])(?:(?:is|are|was|were) (?:expected|set|poised|tipped) to|(?:believed|thought|understood|said|reported) to be)(?![\p{L}\p{N}])/gu,
};

/**
 * Hedges of one sentence, offsets relative to `text`. Run per sentence so a hedge whose
 * source stands before it ("Berichten zufolge") never reaches into the previous sentence.
 */
// Words every hedge of the shared finder (and of EXTRA) contains; a sentence without any of
// them is skipped, since running some thirty patterns over every sentence is the single
// largest cost of a full pass. Keep in step with language/hedges.ts.
const TRIGGERS: Record<ArticleLanguage, RegExp> = {
  de: /angeblich|mutma|vermeintlich|vermutlich|offenbar|vernehmen|soll|woll|will|laut|zufolge|bericht|meld|schreib|schrieb|erfuhr|erfahren|enthüllt|angaben|informationen|heißt|hieß|kreisen|umfeld|schätz|recherch/i,
  en: /report|alleg|suppos|apparent|purport|reput|rumo|said|understood|believed|thought|claimed|according|revealed|learned|understands|sources|insiders|citing|expected|set to|poised|tipped|it is|estimat|learnt|been told/i,
};

export function findSentenceHedges(
  text: string,
  from: number,
  to: number,
  lang: ArticleLanguage,
): HedgeSpan[] {
  const sentence = text.slice(from, to);
  // "Per The Ledger" is case-sensitive; "per week" must not wake the hedge patterns.
  if (!TRIGGERS[lang].test(sentence) && !(lang === 'en' && /\bPer\s/.test(sentence))) return [];
  const out: HedgeSpan[] = findHedges(sentence, lang).map((h) => ({
    start: h.start + from,
    end: h.end + from,
    text: h.text,
    kind: h.kind === 'attribution' ? 'source' : h.kind,
  }));
  // "soll laut „Bote“ … bezahlt haben": the modal hedge spans the clause and swallows the
  // attribution inside it, whose source the claim still needs.
  for (const h of [...out]) {
    if (h.kind !== 'modal') continue;
    const firstWord = h.text.search(/\s/);
    if (firstWord < 0) continue;
    for (const inner of findHedges(h.text.slice(firstWord), lang)) {
      if (inner.kind !== 'attribution') continue;
      const start = h.start + firstWord + inner.start;
      out.push({ start, end: start + inner.text.length, text: inner.text, kind: 'source' });
    }
  }
  const extra = EXTRA[lang];
  extra.lastIndex = 0;
  for (let m = extra.exec(sentence); m; m = extra.exec(sentence)) {
    const start = m.index + from;
    const end = start + m[0].length;
    if (out.some((h) => h.start < end && start < h.end)) continue;
    out.push({ start, end, text: m[0], kind: 'modal' });
  }
  return out.sort((a, b) => a.start - b.start);
}
