import { z } from 'zod';
import { isKnownCurrency } from '../facts/amount';
import {
  AMOUNT_PRECISIONS,
  DEAL_KINDS,
  DEAL_STATUSES,
  ENTITY_KINDS,
  QUOTE_OCCASIONS,
  QUOTE_STATUSES,
  SOURCE_KINDS,
  factId,
} from './facts';

// Field-by-field validation of verified facts, shared by the app's forms (through the
// contract), the CLI and fact-pack import, so every way in accepts exactly the same data.
// Messages complete a sentence that starts with the field name: "amount must be a number".

const oneOf = (values: readonly string[]) => `must be one of: ${values.join(', ')}`;
const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: oneOf(values) });

// SQLite's length() stops at a NUL, so the store's "not empty" checks would see "\u0000x" as empty.
export const requiredText = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

/** Empty text and null both mean "not given". */
export const optionalText = (max: number) =>
  z
    .string({ message: 'must be text or null' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const DATE_MESSAGE = 'must be a real date (YYYY-MM-DD)';
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Same answer as isRealIsoDate for YYYY-MM-DD text, without building a Date (imports check 100,000s). */
export function realCalendarDate(value: string): boolean {
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  // isRealIsoDate refuses years below 100 (Date.UTC reads them as 19xx); so do we.
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS[m - 1]);
}
export const dateField = z
  .string({ message: DATE_MESSAGE })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE, abort: true })
  .refine(realCalendarDate, { message: DATE_MESSAGE, abort: true });
export const optionalDate = dateField.nullable().default(null);
export const optionalRef = factId.nullable().default(null);

const CURRENCY_MESSAGE = 'must be an ISO 4217 currency code such as EUR';
export const currencyField = z
  .string({ message: CURRENCY_MESSAGE })
  .regex(/^[A-Z]{3}$/, { message: CURRENCY_MESSAGE, abort: true })
  .refine(isKnownCurrency, { message: CURRENCY_MESSAGE, abort: true });

const minorUnits = z
  .number({ message: 'must be a number' })
  .int('must be a whole number of minor units (cents)')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

export const languageCode = z
  .string({ message: 'must be a language code such as de or en' })
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as de or en');

export interface FieldProblem {
  path: string;
  message: string;
}

// ---- fields -------------------------------------------------------------------------

export const entityFields = {
  kind: enumOf(ENTITY_KINDS),
  name: requiredText(200),
  aliases: z
    .array(requiredText(200), { message: 'must be a list of names' })
    .max(50, 'must be at most 50 names')
    .default([])
    .transform((list) => [...new Set(list)]),
  note: optionalText(2000),
};

export const roleFields = {
  personId: factId,
  title: requiredText(200),
  organisationId: optionalRef,
  from: optionalDate,
  to: optionalDate,
};

export const dealFields = {
  kind: enumOf(DEAL_KINDS),
  payerId: optionalRef,
  payeeId: optionalRef,
  subject: requiredText(500),
  amountMinor: minorUnits.nullable().default(null),
  amountMaxMinor: minorUnits.nullable().default(null),
  currency: currencyField.nullable().default(null),
  precision: enumOf(AMOUNT_PRECISIONS),
  dateFrom: optionalDate,
  dateTo: optionalDate,
  status: enumOf(DEAL_STATUSES),
  reportedById: optionalRef,
  notes: optionalText(5000),
};

export const quoteFields = {
  speakerId: factId,
  roleAtTime: optionalText(300),
  wording: requiredText(10000),
  language: languageCode,
  date: optionalDate,
  occasion: enumOf(QUOTE_OCCASIONS),
  translationOfId: optionalRef,
  status: enumOf(QUOTE_STATUSES),
  notes: optionalText(5000),
};

export const sourceFields = {
  kind: enumOf(SOURCE_KINDS),
  title: requiredText(500),
  publisher: optionalText(200),
  url: optionalText(2000),
  publishedAt: optionalDate,
  accessedAt: optionalDate,
  notes: optionalText(5000),
};

export const CITED_FACT_TYPES = ['entity', 'role', 'deal', 'quote'] as const;
export type CitedFactType = (typeof CITED_FACT_TYPES)[number];

export const citationFields = {
  factType: enumOf(CITED_FACT_TYPES),
  factId,
  sourceId: factId,
  locator: optionalText(200),
  excerpt: optionalText(5000),
};

// ---- rules across fields --------------------------------------------------------------

type Out<T extends z.ZodRawShape> = z.output<z.ZodObject<T>>;
export type EntityFields = Out<typeof entityFields>;
export type RoleFields = Out<typeof roleFields>;
export type DealFields = Out<typeof dealFields>;
export type QuoteFields = Out<typeof quoteFields>;
export type SourceFields = Out<typeof sourceFields>;
export type CitationFields = Out<typeof citationFields>;

function periodProblems(from: string | null, to: string | null, toPath: string): FieldProblem[] {
  return from && to && from > to ? [{ path: toPath, message: 'must not be before the start date' }] : [];
}

export function roleProblems(r: RoleFields): FieldProblem[] {
  return periodProblems(r.from, r.to, 'to');
}

export function dealProblems(d: DealFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (d.payerId && d.payeeId && d.payerId === d.payeeId)
    problems.push({ path: 'payeeId', message: 'must differ from the payer (payer and payee must differ)' });
  if (d.precision === 'undisclosed') {
    if (d.amountMinor !== null)
      problems.push({ path: 'amountMinor', message: 'must be empty when the amount is undisclosed' });
    if (d.amountMaxMinor !== null)
      problems.push({ path: 'amountMaxMinor', message: 'must be empty when the amount is undisclosed' });
  } else {
    if (d.amountMinor === null) problems.push({ path: 'amountMinor', message: 'must be a number' });
    if (d.currency === null) problems.push({ path: 'currency', message: CURRENCY_MESSAGE });
    if (d.precision === 'range') {
      if (d.amountMaxMinor === null)
        problems.push({ path: 'amountMaxMinor', message: 'must be a number for a range' });
      else if (d.amountMinor !== null && d.amountMaxMinor < d.amountMinor)
        problems.push({ path: 'amountMaxMinor', message: 'must not be below the lower amount' });
    } else if (d.amountMaxMinor !== null) {
      problems.push({ path: 'amountMaxMinor', message: 'is only used when the precision is a range' });
    }
  }
  problems.push(...periodProblems(d.dateFrom, d.dateTo, 'dateTo'));
  return problems;
}

export function sourceProblems(s: SourceFields): FieldProblem[] {
  if (!s.url) return [];
  try {
    const u = new URL(s.url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return [];
  } catch {
    // fall through to the message
  }
  return [{ path: 'url', message: 'must be a web address starting with http:// or https://' }];
}

function withRules<T extends z.ZodRawShape, O>(shape: T, rules: ((value: O) => FieldProblem[]) | null) {
  const schema = z.object(shape).strict();
  if (!rules) return schema;
  return schema.superRefine((value, ctx) => {
    for (const p of rules(value as O))
      ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message });
  });
}

// ---- inputs: create takes the fields, update the fields plus the id ----------------------

const withId = <T extends z.ZodRawShape>(shape: T) => ({ id: factId, ...shape });

export const entityInput = withRules(entityFields, null);
export const entityUpdate = withRules(withId(entityFields), null);
export const roleInput = withRules(roleFields, roleProblems);
export const roleUpdate = withRules(withId(roleFields), roleProblems);
export const dealInput = withRules(dealFields, dealProblems);
export const dealUpdate = withRules(withId(dealFields), dealProblems);
export const quoteInput = withRules(quoteFields, null);
export const quoteUpdate = withRules(withId(quoteFields), null);
export const sourceInput = withRules(sourceFields, sourceProblems);
export const sourceUpdate = withRules(withId(sourceFields), sourceProblems);
export const citationInput = withRules(citationFields, null);
export const citationUpdate = withRules(
  withId({
    locator: citationFields.locator,
    excerpt: citationFields.excerpt,
    sourceId: citationFields.sourceId,
  }),
  null,
);

export type EntityInput = z.output<typeof entityInput>;
export type EntityUpdate = z.output<typeof entityUpdate>;
export type RoleInput = z.output<typeof roleInput>;
export type RoleUpdate = z.output<typeof roleUpdate>;
export type DealInput = z.output<typeof dealInput>;
export type DealUpdate = z.output<typeof dealUpdate>;
export type QuoteInput = z.output<typeof quoteInput>;
export type QuoteUpdate = z.output<typeof quoteUpdate>;
export type SourceInput = z.output<typeof sourceInput>;
export type SourceUpdate = z.output<typeof sourceUpdate>;
export type CitationInput = z.output<typeof citationInput>;
export type CitationUpdate = z.output<typeof citationUpdate>;
