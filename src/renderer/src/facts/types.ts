import type { SearchKind } from '../../../shared/contract/facts';

/** What a detail view shows: one record of a searchable kind. */
export interface FactTarget {
  type: SearchKind;
  id: string;
  /** For a source: where to open its text (a locator and the passage). */
  place?: { locator: string | null; excerpt: string | null } | null;
}
