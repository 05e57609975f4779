import { z } from 'zod';

// Verified facts as they cross process boundaries and live in fact packs.
// Dates are ISO calendar dates (YYYY-MM-DD); timestamps are ISO 8601 instants.

export const ENTITY_KINDS = ['person', 'club', 'company', 'broadcaster', 'media', 'competition'] as const;
export const DEAL_KINDS = [
  'transfer',
  'broadcast_rights',
  'sponsorship',
  'documentary_access',
  'salary',
  'release_clause',
  'other',
] as const;
export const AMOUNT_PRECISIONS = [
  'exact',
  'approximately',
  'at_least',
  'at_most',
  'range',
  'undisclosed',
] as const;
export const DEAL_STATUSES = ['confirmed', 'reported', 'rumoured', 'denied', 'withdrawn'] as const;
export const QUOTE_STATUSES = ['verified', 'unverified', 'disputed', 'retracted'] as const;
export const QUOTE_OCCASIONS = [
  'press_release',
  'interview',
  'press_conference',
  'social_post',
  'broadcast',
  'other',
] as const;
export const SOURCE_KINDS = [
  'web_page',
  'document',
  'press_release',
  'interview_recording',
  'broadcast',
  'social_post',
  'personal_communication',
] as const;
export const FACT_TYPES = ['entity', 'role', 'deal', 'quote', 'source'] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];
export type DealKind = (typeof DEAL_KINDS)[number];
export type AmountPrecision = (typeof AMOUNT_PRECISIONS)[number];
export type DealStatus = (typeof DEAL_STATUSES)[number];
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export type QuoteOccasion = (typeof QUOTE_OCCASIONS)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type FactType = (typeof FACT_TYPES)[number];

/** A real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export const isoDate = z.string().refine(isRealIsoDate, { message: 'must be a real date (YYYY-MM-DD)' });

export function isRealIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 code such as EUR' });

export const factId = z.string().min(1).max(100);

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  note: string | null;
}

export interface Role {
  id: string;
  personId: string;
  title: string;
  organisationId: string | null;
  from: string | null;
  to: string | null;
}

export interface Deal {
  id: string;
  kind: DealKind;
  payerId: string | null;
  payeeId: string | null;
  subject: string;
  /** Integer minor units (cents); for a range this is the lower bound. Null when undisclosed. */
  amountMinor: number | null;
  /** Upper bound in minor units, only for precision "range". */
  amountMaxMinor: number | null;
  currency: string | null;
  precision: AmountPrecision;
  dateFrom: string | null;
  dateTo: string | null;
  status: DealStatus;
  reportedById: string | null;
  notes: string | null;
}

export interface Quote {
  id: string;
  speakerId: string;
  roleAtTime: string | null;
  wording: string;
  language: string;
  date: string | null;
  occasion: QuoteOccasion;
  translationOfId: string | null;
  status: QuoteStatus;
  notes: string | null;
}

export interface Source {
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  accessedAt: string | null;
  notes: string | null;
  /** SHA-256 (hex) of an attached file stored once in the data dir. */
  fileHash: string | null;
  fileName: string | null;
}

export interface Citation {
  id: string;
  factType: 'entity' | 'role' | 'deal' | 'quote';
  factId: string;
  sourceId: string;
  locator: string | null;
  excerpt: string | null;
}

export interface FactRef {
  type: FactType;
  id: string;
  /** A link to a source may say where in it: "p. 3" and the passage (see shared/sources/locator.ts). */
  locator?: string | null;
  excerpt?: string | null;
}
