import type { ArticleLanguage } from '../domain/articles';
import type { FoundSpan } from './found-span';

// Match results are checkable like any figure. A bare "15:30" is a kick-off time, so German
// scores need a result word around them or a verb of winning or losing shortly before.
const DE_SCORE =
  /(?<![\p{L}\p{N}:])(?:(?:Sieg|Niederlage|Remis|Unentschieden|Erfolg|Pleite) \(?)?\d{1,2}:\d{1,2}(?:-(?:Sieg|Heimsieg|Auswärtssieg|Niederlage|Heimniederlage|Auswärtsniederlage|Remis|Unentschieden|Erfolg|Pleite|Triumph))?\)?(?![\p{L}\p{N}:])/gu;
const DE_RESULT_BEFORE =
  /(?:\bmit|endete|endet|gewann|gewinnt|verlor|verliert|siegte|siegt|unterlag|unterliegt|trennten sich|trennen sich)(?: [\p{L}]+){0,3} $/u;
const EN_SCORE =
  /(?<![\p{L}\p{N}])(?:\d{1,2}-\d{1,2} (?:home |away )?(?:win|victory|defeat|draw|loss|thrashing|triumph)|(?:won|lost|drew|beat [\p{Lu}][\p{L}-]*(?: [\p{Lu}][\p{L}-]*)?) \d{1,2}-\d{1,2})(?![\p{L}\p{N}])/gu;

export function findScores(text: string, lang: ArticleLanguage): FoundSpan[] {
  const out: FoundSpan[] = [];
  // Every score has two digits around a colon or a hyphen; most text has none.
  if (!(lang === 'en' ? /\d-\d/ : /\d:\d/).test(text)) return out;
  if (lang === 'en') {
    EN_SCORE.lastIndex = 0;
    for (let m = EN_SCORE.exec(text); m; m = EN_SCORE.exec(text))
      out.push({ start: m.index, end: m.index + m[0].length });
    return out;
  }
  DE_SCORE.lastIndex = 0;
  for (let m = DE_SCORE.exec(text); m; m = DE_SCORE.exec(text)) {
    let found = m[0];
    if (found.endsWith(')') && !found.includes('(')) found = found.slice(0, -1);
    const worded = /[\p{L}]/u.test(found);
    if (
      !worded &&
      (/^ Uhr/.test(text.slice(m.index + found.length)) ||
        !DE_RESULT_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index)))
    )
      continue;
    out.push({ start: m.index, end: m.index + found.length });
  }
  return out;
}
