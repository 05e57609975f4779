import { realCalendarDate } from '../domain/fact-inputs';
import {
  AMOUNT_PRECISIONS,
  DEAL_KINDS,
  DEAL_STATUSES,
  ENTITY_KINDS,
  QUOTE_OCCASIONS,
  QUOTE_STATUSES,
  SOURCE_KINDS,
} from '../domain/facts';
import { isKnownCurrency } from '../facts/amount';
import type { PackSection } from './schema';

// The pack schema (zod) spent about a tenth of a bench-pack import (150,000 records) building
// its result record by record. Almost every record of a real pack is already in the form the
// schema returns: trimmed text, null for "not given", every field present, nothing extra. Such a
// record is recognised here by plain checks and taken as it is (copied in the schema's key
// order); everything else — anything the schema would refuse, or change (trim, fill in a
// default, turn "" into null, drop a repeated alias) — goes through the schema, which writes
// the messages. So a check here may only say "yes" where the schema says "valid, unchanged";
// as-is.test.ts holds them side by side.

type Check = (value: unknown) => boolean;

const SHA256 = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** factId: 1–100 characters, not trimmed. */
const id: Check = (v) => typeof v === 'string' && v.length >= 1 && v.length <= 100;
const ref: Check = (v) => v === null || id(v);
/** requiredText(max): the schema trims, so only text without outer white space is as-is. */
const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length >= 1 && v.length <= max && v.trim() === v && !v.includes('\u0000');
/** optionalText(max): null, or non-empty trimmed text ("" becomes null in the schema). */
const optionalText = (max: number): Check => {
  const some = text(max);
  // optionalText has no NUL rule; text() refusing a NUL only sends such a record to the schema.
  return (v) => v === null || some(v);
};
const date: Check = (v) => v === null || (typeof v === 'string' && DATE.test(v) && realCalendarDate(v));
const oneOf = (values: readonly string[]): Check => {
  const set = new Set<unknown>(values);
  return (v) => set.has(v);
};
const minor: Check = (v) => v === null || (Number.isSafeInteger(v) && (v as number) >= 0);
const currency: Check = (v) =>
  v === null || (typeof v === 'string' && CURRENCY.test(v) && isKnownCurrency(v));
const language: Check = (v) => typeof v === 'string' && v.trim() === v && LANGUAGE.test(v);
const hash: Check = (v) => v === null || (typeof v === 'string' && SHA256.test(v));
const alias = text(200);
/** The schema keeps the first of repeated aliases; a list without repeats is as-is. */
const aliases: Check = (v) => {
  if (!Array.isArray(v) || v.length > 50) return false;
  for (const a of v) if (!alias(a)) return false;
  return new Set(v).size === v.length;
};

/** Per section: each field of the schema, in its order, with the check for an as-is value. */
export const AS_IS_FIELDS: Partial<Record<PackSection, readonly (readonly [string, Check])[]>> = {
  entities: [
    ['id', id],
    ['kind', oneOf(ENTITY_KINDS)],
    ['name', text(200)],
    ['aliases', aliases],
    ['note', optionalText(2000)],
  ],
  deals: [
    ['id', id],
    ['kind', oneOf(DEAL_KINDS)],
    ['payerId', ref],
    ['payeeId', ref],
    ['subject', text(500)],
    ['amountMinor', minor],
    ['amountMaxMinor', minor],
    ['currency', currency],
    ['precision', oneOf(AMOUNT_PRECISIONS)],
    ['dateFrom', date],
    ['dateTo', date],
    ['status', oneOf(DEAL_STATUSES)],
    ['reportedById', ref],
    ['notes', optionalText(5000)],
  ],
  quotes: [
    ['id', id],
    ['speakerId', id],
    ['roleAtTime', optionalText(300)],
    ['wording', text(10000)],
    ['language', language],
    ['date', date],
    ['occasion', oneOf(QUOTE_OCCASIONS)],
    ['translationOfId', ref],
    ['status', oneOf(QUOTE_STATUSES)],
    ['notes', optionalText(5000)],
  ],
  sources: [
    ['id', id],
    ['kind', oneOf(SOURCE_KINDS)],
    ['title', text(500)],
    ['publisher', optionalText(200)],
    ['url', optionalText(2000)],
    ['publishedAt', date],
    ['accessedAt', date],
    ['notes', optionalText(5000)],
    ['fileHash', hash],
    ['fileName', optionalText(255)],
  ],
};

/**
 * The record as the pack schema would return it, when the schema would return it unchanged;
 * undefined when the schema has to look at it (to refuse it or to change it).
 */
export function recordAsIs(section: PackSection, value: unknown): Record<string, unknown> | undefined {
  const fields = AS_IS_FIELDS[section];
  if (!fields || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  // strict(): no field beyond the schema's; and a missing one would be filled in (or refused).
  if (Object.keys(record).length !== fields.length) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, check] of fields) {
    if (!Object.hasOwn(record, key)) return undefined;
    const v = record[key];
    if (!check(v)) return undefined;
    out[key] = Array.isArray(v) ? [...(v as unknown[])] : v;
  }
  return out;
}
