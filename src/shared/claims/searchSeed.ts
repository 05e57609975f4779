import type { ArticleLanguage, ClaimKind } from '../domain/articles';
import { findAttribution } from '../detect/find-attribution';
import { findRoleTerms } from '../language/roles';
import type { ClaimContext } from './context';
import { quoteInContext } from './quoteSpan';

export type SeedKind = 'entity' | 'deal' | 'quote' | 'source';

/** What the link popover searches for first; the checker can change both. */
export interface LinkSearchSeed {
  query: string;
  kinds: SeedKind[];
  /** The speaker the text names, shown as a hint next to the quote search. */
  speaker: string | null;
}

const WORD_RE = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function firstWords(text: string, n: number): string {
  return Array.from(text.matchAll(WORD_RE), (m) => m[0])
    .slice(0, n)
    .join(' ');
}

/** Capitalised words of a phrase that are not role words: "Kapitänin Jana Kowalczyk" → "Jana Kowalczyk". */
function namePart(text: string): string {
  let rest = text;
  for (const role of findRoleTerms(text).reverse()) rest = rest.slice(0, role.start) + rest.slice(role.end);
  return Array.from(rest.matchAll(WORD_RE), (m) => m[0])
    .filter((w) => /^\p{Lu}/u.test(w))
    .join(' ');
}

/**
 * The first search of the link popover, taken from the claim: a quote is found by its first words
 * (the store searches wordings, and a slip later in the quote must not hide it), deals are listed
 * for an amount, a role claim looks for the person it names, anything else for its own words.
 */
export function linkSearchSeed(
  kind: ClaimKind,
  context: ClaimContext,
  lang: ArticleLanguage,
): LinkSearchSeed {
  const marked = context.text.slice(context.start, context.end);
  switch (kind) {
    case 'quote': {
      const span = quoteInContext(context, lang);
      const attribution = findAttribution(context.text, span.start, span.end, lang);
      return { query: firstWords(span.wording, 4), kinds: ['quote'], speaker: attribution?.name ?? null };
    }
    case 'amount':
      return { query: '', kinds: ['deal'], speaker: null };
    case 'role':
      return { query: namePart(marked) || firstWords(marked, 3), kinds: ['entity'], speaker: null };
    default:
      return { query: firstWords(marked, 4), kinds: [], speaker: null };
  }
}
