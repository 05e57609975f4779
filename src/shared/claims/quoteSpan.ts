import { scanQuotes } from '../detect/quote-marks';
import type { ArticleLanguage } from '../domain/articles';
import type { ClaimContext } from './context';

export interface QuoteSpanInContext {
  /** The words between the quote marks (or the marked text when it has none). */
  wording: string;
  /** The quotation (marks included) the attribution is looked for around. */
  start: number;
  end: number;
}

/** Finds the quotation the claim marks: the mark itself, the quote inside it, or the quote around it. */
export function quoteInContext(context: ClaimContext, lang: ArticleLanguage): QuoteSpanInContext {
  const marked = context.text.slice(context.start, context.end);
  const spans = scanQuotes(context.text, lang).spans;
  const best = spans
    .map((s) => ({ s, overlap: Math.min(s.end, context.end) - Math.max(s.start, context.start) }))
    .filter((x) => x.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap)[0]?.s;
  if (!best) return { wording: marked, start: context.start, end: context.end };
  const markCoversQuote = best.start >= context.start && best.end <= context.end;
  const wording = markCoversQuote ? context.text.slice(best.start + 1, best.end - 1) : marked;
  return { wording, start: best.start, end: best.end };
}
