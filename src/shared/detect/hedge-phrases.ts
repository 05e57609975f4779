import type { ArticleLanguage } from '../domain/articles';

export type HedgeKind = 'modal' | 'adverb' | 'source';

export interface HedgeSpan {
  start: number;
  end: number;
  text: string;
  kind: HedgeKind;
}

// "soll/sollen" are hedges in reported claims ("Strivo soll zahlen"); "sollte" is usually a
// conditional or advice, so it is left out.
const DE = [
  { kind: 'modal', re: '(?:soll|sollen)' },
  { kind: 'adverb', re: '(?:[Aa]ngeblich|[Oo]ffenbar|[Mm]utmaßlich|[Vv]ermutlich|Gerüchten zufolge|[Dd]em Vernehmen nach|wie es heißt)' },
  { kind: 'source', re: '(?:(?:Medien|Presse)?[Bb]erichten zufolge|(?:[Nn]ach )?Informationen (?:des|der|von|vom) [\\p{Lu}][\\p{L}-]*(?: [\\p{Lu}][\\p{L}-]*)*(?: zufolge)?|[Ll]aut (?:(?:dem|der|des|einem|einer) )?[\\p{Lu}][\\p{L}-]*(?: [\\p{Lu}][\\p{L}-]*)*|[Ww]ie (?:(?:der|die|das) )?[\\p{Lu}][\\p{L}-]*(?: [\\p{Lu}][\\p{L}-]*)* berichtet(?:e)?)' },
] as const;

const EN = [
  { kind: 'modal', re: '(?:(?:is|are|was|were) (?:said|understood|believed|thought|reported|rumou?red|expected) to)' },
  { kind: 'adverb', re: '(?:[Rr]eportedly|[Aa]llegedly|[Ss]upposedly|[Aa]pparently|[Pp]urportedly|[Rr]umou?red)' },
  { kind: 'source', re: '(?:[Aa]ccording to (?:(?:the|a) )?[\\p{Lu}][\\p{L}’\'-]*(?: [\\p{Lu}][\\p{L}’\'-]*)*|[Aa]ccording to (?:reports|sources|people familiar with [\\w ]+?)(?=[,.;])|[Ss]ources (?:say|said|claim)|it is understood)' },
] as const;

const compile = (list: readonly { kind: string; re: string }[], flags: string) =>
  list.map((h) => ({ kind: h.kind as HedgeKind, re: new RegExp(h.re, flags) }));
const DE_RES = compile(DE, 'gu');
const EN_RES = compile(EN, 'gu');

/** Words and phrases that mark a claim as reported rather than established. */
export function findHedgePhrases(text: string, lang: ArticleLanguage): HedgeSpan[] {
  const out: HedgeSpan[] = [];
  for (const { kind, re } of lang === 'de' ? DE_RES : EN_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = text[m.index - 1];
      const after = text[m.index + m[0].length];
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) {
        re.lastIndex = m.index + 1;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
