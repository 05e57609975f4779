import { z } from 'zod';
import { channel } from './define';
import { storedText } from './storedText';
import { factRefSchema } from './claims';
import { CORRECTION_LIMITS, type ArticleCorrections, type Correction } from '../domain/corrections';
import type { DeskCorrectionRecord } from '../desk/correctionRecords';

const id = storedText(64);
const wording = storedText(CORRECTION_LIMITS.text);
const claimIds = z.array(id).max(CORRECTION_LIMITS.links);
const facts = z.array(factRefSchema).max(CORRECTION_LIMITS.links);

/** Corrections of published articles: the notes under the article and the offers to write one. */
export const correctionsContract = {
  'corrections:list': channel<ArticleCorrections>()(z.object({ articleId: id }).strict()),
  /** The renderer may pick the id; settling the offers for the named claims happens with it. */
  'corrections:create': channel<Correction>()(
    z
      .object({
        articleId: id,
        id: id.optional(),
        wrong: wording,
        right: wording,
        claimIds: claimIds.default([]),
        facts: facts.default([]),
      })
      .strict(),
  ),
  /** Only before the correction has gone out in an export. */
  'corrections:update': channel<Correction>()(
    z
      .object({ id, wrong: wording, right: wording, claimIds: claimIds.optional(), facts: facts.optional() })
      .strict(),
  ),
  /** Withdraws a correction no export has carried; its history is kept. */
  'corrections:withdraw': channel<{ id: string }>()(z.object({ id }).strict()),
  /** "No correction needed" for one offer. */
  'corrections:dismiss-offer': channel<ArticleCorrections>()(
    z.object({ seq: z.number().int().positive() }).strict(),
  ),
  /** The article's corrections, withdrawn ones included, as they travel in its desk document ('corrections' Y.Map). */
  'corrections:desk-read': channel<DeskCorrectionRecord[]>()(z.object({ articleId: id }).strict()),
  /** Corrections that arrived from the desk, into the local tables (each record is checked by the handler). */
  'corrections:desk-apply': channel<{ changed: number; waiting: number }>()(
    z.object({ articleId: id, records: z.array(z.record(z.string(), z.unknown())).max(5000) }).strict(),
  ),
};
