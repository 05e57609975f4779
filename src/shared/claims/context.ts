import { bodyToBlocks, lineUnits, type Inline } from '../article/blocks';
import type { ArticleBody } from '../domain/articles';

/** The paragraph around a claim mark, and the mark's offsets in it. */
export interface ClaimContext {
  text: string;
  start: number;
  end: number;
}

/**
 * Contexts of every claim marked in `body`, keyed by claim id: the whole block the mark stands in
 * (a line break inside a paragraph stays part of it, as in the editor), with the offsets of the
 * claim's first stretch of marks in it. Offsets are JavaScript string indices.
 */
export function claimContextsFromBody(body: ArticleBody): Map<string, ClaimContext> {
  const out = new Map<string, ClaimContext>();
  for (const unit of lineUnits(bodyToBlocks(body))) {
    let text = '';
    const spans = new Map<string, { start: number; end: number }>();
    const visit = (inlines: Inline[]) => {
      for (const inline of inlines) {
        if (inline.type === 'text') text += inline.text;
        else if (inline.type === 'break') text += '\n';
        else if (inline.type === 'link') visit(inline.children);
        else {
          const start = text.length;
          visit(inline.children);
          for (const id of inline.ids) {
            const span = spans.get(id);
            // Later parts of a claim in the same block widen its stretch.
            if (span) span.end = text.length;
            else spans.set(id, { start, end: text.length });
          }
        }
      }
    };
    visit(unit);
    for (const [id, span] of spans) if (!out.has(id)) out.set(id, { text, ...span });
  }
  return out;
}

/** Whether a context is usable: the offsets lie inside its text. */
export function isValidContext(ctx: ClaimContext): boolean {
  return ctx.start >= 0 && ctx.start <= ctx.end && ctx.end <= ctx.text.length;
}
