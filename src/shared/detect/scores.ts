import type { ArticleLanguage } from '../domain/articles';
import type { FoundSpan } from './dates';

// Match results are checkable like any figure. A bare "15:30" is a kick-off time, so German
// scores need a result word or "mit" in front, English ones a result word after.
const DE = /(?<![\p{L}\p{N}])(?:\d{1,2}:\d{1,2}-(?:Sieg|Heimsieg|Auswärtssieg|Niederlage|Heimniederlage|Auswärtsniederlage|Remis|Unentschieden|Erfolg|Pleite|Triumph)|(?<=(?:\bmit|endete|endet|gewann|gewinnt|verlor|verliert|siegte|siegt|unterlag|unterliegt|trennten sich|trennen sich)(?: [\p{L}]+){0,3} )\d{1,2}:\d{1,2}(?! Uhr)|(?:Sieg|Niederlage|Remis|Unentschieden|Erfolg|Pleite) \(?\d{1,2}:\d{1,2}\)?)(?![\p{L}\p{N}:])/gu;
const EN = /(?<![\p{L}\p{N}])(?:\d{1,2}-\d{1,2} (?:home |away )?(?:win|victory|defeat|draw|loss|thrashing|triumph)|(?:won|lost|drew|beat [\p{Lu}][\p{L}-]*(?: [\p{Lu}][\p{L}-]*)?) \d{1,2}-\d{1,2})(?![\p{L}\p{N}])/gu;

export function findScores(text: string, lang: ArticleLanguage): FoundSpan[] {
  const re = lang === 'de' ? DE : EN;
  const out: FoundSpan[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
