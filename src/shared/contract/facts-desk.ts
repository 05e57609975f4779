import { z } from 'zod';
import { factId } from '../domain/facts';
import type { DuplicateGroup } from '../desk/duplicates';
import { DESK_FACT_KINDS } from '../desk/names';
import { channel } from './define';

/** Joining a desk with local facts: how many are not shared yet, and the duplicate groups to decide. */
export interface DeskJoinPreview {
  unshared: number;
  groups: DuplicateGroup[];
}

export const factsDeskContract = {
  'facts:desk-join-preview': channel<DeskJoinPreview>()(z.object({}).strict()),
  /**
   * Shares the local facts with the desk: per duplicate group (in preview order) "use-desk" folds
   * the local record into the desk's, "keep-both" shares it as its own record.
   */
  'facts:desk-share': channel<{ merged: number }>()(
    z.object({ decisions: z.array(z.enum(['use-desk', 'keep-both'])).max(10_000) }).strict(),
  ),
  /** "Keep local (not shared)": reads the flag, or sets it when `local` is given; unsetting shares the fact. */
  'facts:desk-local': channel<{ local: boolean }>()(
    z.object({ type: z.enum(DESK_FACT_KINDS), id: factId, local: z.boolean().optional() }).strict(),
  ),
};
