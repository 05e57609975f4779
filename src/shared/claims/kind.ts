import { detect } from '../detect';
import type { ArticleLanguage, ClaimKind } from '../domain/articles';
import { parseAmounts } from '../language/amounts';
import { findRoleTerm } from '../language/roles';
import type { ClaimContext } from './context';

const QUOTE_MARKS = /[„“”"«»‚‘’‹›]/u;
const DATE_WORDS =
  /\b\d{1,2}\.\s?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/u;

/**
 * A first guess at what kind of claim a marked stretch is, so "Mark as claim" needs no extra
 * question: the claim detector's reading of the paragraph where it overlaps the mark, else
 * the shape of the marked text itself. The checker can change it afterwards.
 */
export function guessClaimKind(context: ClaimContext, lang: ArticleLanguage): ClaimKind {
  const marked = context.text.slice(context.start, context.end);
  const overlapping = detect(context.text, { lang })
    .filter((s) => s.start < context.end && s.end > context.start)
    .map((s) => ({ s, overlap: Math.min(s.end, context.end) - Math.max(s.start, context.start) }))
    .sort((a, b) => b.overlap - a.overlap)[0]?.s;
  if (overlapping) {
    if (
      overlapping.kind === 'quote' ||
      overlapping.kind === 'amount' ||
      overlapping.kind === 'date' ||
      overlapping.kind === 'role'
    )
      return overlapping.kind;
  }
  if (QUOTE_MARKS.test(marked)) return 'quote';
  if (parseAmounts(marked, lang).length > 0) return 'amount';
  if (DATE_WORDS.test(marked)) return 'date';
  if (findRoleTerm(marked)) return 'role';
  return 'other';
}
