import { z } from 'zod';
import { channel } from './define';
import {
  citationInput,
  citationUpdate,
  currencyField,
  dateField,
  dealInput,
  dealUpdate,
  entityInput,
  entityUpdate,
  quoteInput,
  quoteUpdate,
  roleInput,
  roleUpdate,
  sourceInput,
  sourceUpdate,
} from '../domain/fact-inputs';
import { DEAL_STATUSES, ENTITY_KINDS, FACT_TYPES, QUOTE_STATUSES, factId } from '../domain/facts';
import type { Citation, Deal, Entity, Quote, Role, Source } from '../domain/facts';
import type { FactPack } from '../factpack/schema';
import {
  SEARCH_KINDS,
  type AuditEntry,
  type DealView,
  type EntitySuggestion,
  type EntityView,
  type FactStats,
  type ImportReport,
  type QuoteView,
  type SearchResult,
  type SourceView,
} from './facts-types';

export * from './facts-types';

/** Attachments travel as base64 inside one call; the browser shell accepts bodies up to 64 MiB. */
export const MAX_ATTACHMENT_BYTES = 45 * 1024 * 1024;
const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

const byId = z.object({ id: factId }).strict();
const none = z.object({}).strict();
const minor = z
  .number({ message: 'must be a number' })
  .int('must be a whole number of minor units')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);

export const searchInput = z
  .object({
    query: z.string().max(2000),
    typing: z.boolean().optional(),
    kinds: z.array(z.enum(SEARCH_KINDS)).max(4).optional(),
    status: z
      .enum([...DEAL_STATUSES, ...QUOTE_STATUSES])
      .nullable()
      .optional(),
    entityId: factId.nullable().optional(),
    entityKinds: z.array(z.enum(ENTITY_KINDS)).max(6).optional(),
    dateFrom: dateField.nullable().optional(),
    dateTo: dateField.nullable().optional(),
    currency: currencyField.nullable().optional(),
    amountMin: minor.nullable().optional(),
    amountMax: minor.nullable().optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();
export type SearchInput = z.input<typeof searchInput>;

const factRef = z.object({ type: z.enum(FACT_TYPES), id: factId }).strict();

export const factsContract = {
  'facts:search': channel<SearchResult>()(searchInput),
  'facts:stats': channel<FactStats>()(none),
  'facts:audit': channel<AuditEntry[]>()(
    z
      .object({
        recordType: z.enum(['entity', 'role', 'deal', 'quote', 'source', 'citation']),
        recordId: factId,
      })
      .strict(),
  ),

  'facts:entity-get': channel<EntityView>()(byId),
  'facts:entity-create': channel<Entity>()(entityInput),
  'facts:entity-update': channel<Entity>()(entityUpdate),
  'facts:entity-delete': channel<{ deleted: true }>()(byId),
  'facts:entity-suggest': channel<EntitySuggestion[]>()(
    z
      .object({
        query: z.string().max(200),
        kinds: z.array(z.enum(ENTITY_KINDS)).max(6).optional(),
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
  ),

  'facts:role-create': channel<Role>()(roleInput),
  'facts:role-update': channel<Role>()(roleUpdate),
  'facts:role-delete': channel<{ deleted: true }>()(byId),
  'facts:role-at': channel<{ roleAtTime: string | null }>()(
    z.object({ personId: factId, date: dateField.nullable() }).strict(),
  ),

  'facts:deal-get': channel<DealView>()(byId),
  'facts:deal-create': channel<Deal>()(dealInput),
  'facts:deal-update': channel<Deal>()(dealUpdate),
  'facts:deal-delete': channel<{ deleted: true }>()(byId),

  'facts:quote-get': channel<QuoteView>()(byId),
  'facts:quote-create': channel<Quote>()(quoteInput),
  'facts:quote-update': channel<Quote>()(quoteUpdate),
  'facts:quote-delete': channel<{ deleted: true }>()(byId),

  'facts:source-get': channel<SourceView>()(byId),
  'facts:source-create': channel<Source>()(sourceInput),
  'facts:source-update': channel<Source>()(sourceUpdate),
  'facts:source-delete': channel<{ deleted: true }>()(byId),
  'facts:source-attach-file': channel<Source>()(
    z
      .object({
        sourceId: factId,
        fileName: z.string().min(1, 'must not be empty').max(1000),
        base64: z
          .string()
          .max(MAX_ATTACHMENT_BASE64, `must be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
      })
      .strict(),
  ),
  'facts:source-detach-file': channel<Source>()(z.object({ sourceId: factId }).strict()),
  'facts:source-file': channel<{ fileName: string; size: number; base64: string }>()(
    z.object({ sourceId: factId }).strict(),
  ),

  'facts:citation-create': channel<Citation>()(citationInput),
  'facts:citation-update': channel<Citation>()(citationUpdate),
  'facts:citation-delete': channel<{ deleted: true }>()(byId),

  'facts:export-pack': channel<FactPack>()(
    z
      .object({
        refs: z.array(factRef).max(10000).optional(),
        includeFiles: z.boolean().optional(),
        title: z.string().max(200).nullable().optional(),
      })
      .strict(),
  ),
  /** Validates the whole pack; writes nothing when it has problems or updates that `update` did not confirm. */
  'facts:import-pack': channel<ImportReport>()(
    z.object({ pack: z.unknown(), update: z.boolean().optional() }).strict(),
  ),
  'facts:load-sample': channel<ImportReport>()(z.object({ update: z.boolean().optional() }).strict()),
};
