import { claimRanges } from '../article/blocks';
import type { ArticleBody, Claim } from '../domain/articles';

/**
 * Claims in reading order: those marked in the stored body by first appearance, then claims the
 * editor has marked since the last save (in the text but not yet in the body) by creation, then
 * claims removed from the text by creation. Matches the numbering of the fact-check report.
 */
export function orderClaims<C extends Claim>(claims: readonly C[], body: ArticleBody | null): C[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const ordered: C[] = [];
  const seen = new Set<string>();
  if (body) {
    for (const range of claimRanges(body)) {
      const claim = byId.get(range.claimId);
      if (claim && claim.inText && !seen.has(claim.id)) {
        seen.add(claim.id);
        ordered.push(claim);
      }
    }
  }
  const byCreation = (a: C, b: C) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  const rest = claims.filter((c) => !seen.has(c.id));
  return [
    ...ordered,
    ...rest.filter((c) => c.inText).sort(byCreation),
    ...rest.filter((c) => !c.inText).sort(byCreation),
  ];
}
