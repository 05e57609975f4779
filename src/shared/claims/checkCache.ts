import type { ArticleLanguage, Claim } from '../domain/articles';
import type { ExportFacts } from '../export/context';
import type { ClaimContext } from './context';
import { runClaimChecks, type ClaimCheckResult } from './warnings';

/** 53-bit FNV-1a over UTF-16 code units: a short key for the facts an article links to. */
function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(36)}.${(h2 & 0x1fffff).toString(36)}`;
}

/**
 * Remembers check results, because the panel re-reads every claim after each change while
 * only one claim changed. A result is reused only for the same claim wording, context, links,
 * status, language and the same linked facts (any edit to a fact changes the key).
 */
export class ClaimCheckCache {
  private readonly entries = new Map<string, ClaimCheckResult>();

  constructor(private readonly limit = 5000) {}

  /** One call per article read: the facts are serialised once for all its claims. */
  forFacts(facts: ExportFacts, lang: ArticleLanguage) {
    const factsKey = `${lang}|${hash(JSON.stringify(facts))}`;
    return (claim: Pick<Claim, 'text' | 'links' | 'status'>, context: ClaimContext): ClaimCheckResult => {
      const key = `${factsKey}|${claim.status}|${JSON.stringify(claim.links)}|${context.start}|${context.end}|${context.text}`;
      const hit = this.entries.get(key);
      if (hit) {
        // Refresh its place so the oldest entries leave first.
        this.entries.delete(key);
        this.entries.set(key, hit);
        return hit;
      }
      const result = runClaimChecks(claim, context, facts, lang);
      this.entries.set(key, result);
      if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
      return result;
    };
  }

  get size(): number {
    return this.entries.size;
  }
}
