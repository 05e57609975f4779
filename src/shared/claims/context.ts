import { claimRanges, plainText } from '../article/blocks';
import type { ArticleBody } from '../domain/articles';

/** The paragraph (one line of the body's plain text) around a claim mark, and the mark's offsets in it. */
export interface ClaimContext {
  text: string;
  start: number;
  end: number;
}

/**
 * Contexts of every claim marked in `body`, keyed by claim id. A claim marked in several
 * places takes its first stretch. Offsets are JavaScript string indices into the paragraph.
 */
export function claimContextsFromBody(body: ArticleBody): Map<string, ClaimContext> {
  const text = plainText(body);
  const out = new Map<string, ClaimContext>();
  for (const range of claimRanges(body)) {
    if (out.has(range.claimId)) continue;
    const lineStart = text.lastIndexOf('\n', range.start - 1) + 1;
    const nextBreak = text.indexOf('\n', range.end);
    const lineEnd = nextBreak === -1 ? text.length : nextBreak;
    // A mark spanning a line break keeps the whole stretch: the check needs all of its text.
    const end = Math.max(lineEnd, range.end);
    out.set(range.claimId, { text: text.slice(lineStart, end), start: range.start - lineStart, end: range.end - lineStart });
  }
  return out;
}

/** Whether a context is usable: the offsets lie inside its text. */
export function isValidContext(ctx: ClaimContext): boolean {
  return ctx.start >= 0 && ctx.start <= ctx.end && ctx.end <= ctx.text.length;
}
