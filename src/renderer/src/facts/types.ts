import type { SearchKind } from '../../../shared/contract/facts';

/** What a detail view shows: one record of a searchable kind. */
export interface FactTarget {
  type: SearchKind;
  id: string;
}
