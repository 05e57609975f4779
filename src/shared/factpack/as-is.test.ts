import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AS_IS_FIELDS, recordAsIs } from './as-is';
import { describeIssues } from './problems';
import { factPackSchema, packDeal, packEntity, packQuote, packSource, type PackSection } from './schema';
import { validateFactPack } from './validate';

const SCHEMAS: [PackSection, z.ZodObject][] = [
  ['entities', packEntity],
  ['deals', packDeal],
  ['quotes', packQuote],
  ['sources', packSource],
];

const BASE: Record<string, Record<string, unknown>> = {
  entities: { id: 'ent-1', kind: 'person', name: 'Mario Götze', aliases: ['Götze', 'Mario'], note: null },
  deals: {
    id: 'deal-1',
    kind: 'transfer',
    payerId: 'ent-1',
    payeeId: 'ent-2',
    subject: 'Wechsel nach München',
    amountMinor: 1_500_000_000,
    amountMaxMinor: null,
    currency: 'EUR',
    precision: 'approximately',
    dateFrom: '2024-02-29',
    dateTo: null,
    status: 'reported',
    reportedById: null,
    notes: 'laut Kurier',
  },
  quotes: {
    id: 'q-1',
    speakerId: 'ent-1',
    roleAtTime: null,
    wording: 'Wir bleiben zusammen.',
    language: 'de-AT',
    date: '2025-01-31',
    occasion: 'interview',
    translationOfId: null,
    status: 'verified',
    notes: null,
  },
  sources: {
    id: 'src-1',
    kind: 'web_page',
    title: 'Interview',
    publisher: 'Kurier',
    url: 'https://example.org/a',
    publishedAt: null,
    accessedAt: '2025-02-01',
    notes: null,
    fileHash: 'a'.repeat(64),
    fileName: 'a.pdf',
  },
};

// Values that the schema accepts unchanged, changes, or refuses, tried in every field.
const CANDIDATES: unknown[] = [
  null,
  undefined,
  '',
  ' ',
  'x',
  ' x',
  'x ',
  'Götze',
  'a\u0000b',
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(200),
  'x'.repeat(201),
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '0099-01-01',
  '2024-1-01',
  '２０２４-01-01',
  'EUR',
  'eur',
  'XYZ',
  'de',
  'de-AT',
  'DE',
  ' de',
  'web_page',
  'transfer',
  'interview',
  'verified',
  'person',
  'approximately',
  'reported',
  'a'.repeat(64),
  'A'.repeat(64),
  'https://example.org',
  0,
  -1,
  1.5,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  NaN,
  '5',
  true,
  [],
  ['a'],
  ['a', 'a'],
  ['a', ' b'],
  Array.from({ length: 50 }, (_, i) => `n${i}`),
  Array.from({ length: 51 }, (_, i) => `n${i}`),
  {},
];

/** The property every as-is record must have: the schema accepts it and returns exactly it. */
function expectSchemaAgrees(schema: z.ZodObject, input: unknown): boolean {
  const fast = recordAsIs(sectionOf(schema), input);
  if (fast === undefined) return false;
  const slow = schema.safeParse(input);
  expect(slow.success, JSON.stringify(input)).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
  return true;
}

const sectionOf = (schema: z.ZodObject) => SCHEMAS.find(([, s]) => s === schema)![0];

describe('recordAsIs', () => {
  it.each(SCHEMAS)('%s: checks exactly the schema’s fields, in its order', (section, schema) => {
    expect(AS_IS_FIELDS[section]!.map(([k]) => k)).toEqual(Object.keys(schema.shape));
  });

  it.each(SCHEMAS)('%s: takes a clean record as it is', (section, schema) => {
    expect(expectSchemaAgrees(schema, BASE[section])).toBe(true);
  });

  it.each(SCHEMAS)(
    '%s: says yes only where the schema accepts the record unchanged, for every field and value tried',
    (section, schema) => {
      let accepted = 0;
      let refused = 0;
      for (const key of Object.keys(BASE[section]))
        for (const value of CANDIDATES) {
          const record = { ...BASE[section], [key]: value };
          if (value === undefined) delete record[key];
          if (expectSchemaAgrees(schema, record)) accepted++;
          else refused++;
        }
      // Both answers occur, so neither side of the property is vacuous.
      expect(accepted).toBeGreaterThan(10);
      expect(refused).toBeGreaterThan(100);
    },
  );

  it('leaves to the schema what it would change or refuse', () => {
    const q = BASE.quotes;
    for (const changed of [
      { ...q, wording: ' Wir bleiben. ' },
      { ...q, notes: '' },
      { ...q, extra: 1 },
      (({ notes: _, ...rest }) => rest)(q),
      { ...q, date: '2023-02-29' },
      { ...q, id: 'x'.repeat(101) },
    ])
      expect(recordAsIs('quotes', changed)).toBeUndefined();
    expect(recordAsIs('entities', { ...BASE.entities, aliases: ['A', 'A'] })).toBeUndefined();
    expect(recordAsIs('deals', { ...BASE.deals, currency: 'XYZ' })).toBeUndefined();
    expect(recordAsIs('deals', { ...BASE.deals, amountMinor: 1.5 })).toBeUndefined();
    expect(recordAsIs('roles', { id: 'r' })).toBeUndefined();
    expect(recordAsIs('quotes', [q])).toBeUndefined();
  });
});

describe('validateFactPack with as-is records', () => {
  it('reports exactly what the schema reports for the whole pack, with paths in the pack', () => {
    const raw = {
      format: 'factdesk-factpack',
      version: 1,
      entities: [
        BASE.entities,
        { ...BASE.entities, id: 'ent-2', name: ' ' },
        { ...BASE.entities, id: 'ent-3' },
        { ...BASE.entities, id: 'ent-4', kind: 'alien', extra: true },
      ],
      quotes: [
        BASE.quotes,
        { ...BASE.quotes, id: 'q-2', language: 'Deutsch' },
        { ...BASE.quotes, id: 'q-3' },
        { ...BASE.quotes, id: 'q-4', date: '2023-02-29', notes: 5 },
      ],
      deals: [
        { ...BASE.deals, currency: 'XYZ' },
        { ...BASE.deals, id: 'deal-2' },
      ],
      sources: [BASE.sources, { ...BASE.sources, id: 'src-2', url: '' }],
    };
    const zod = factPackSchema.safeParse(raw);
    expect(zod.success).toBe(false);
    const whole = describeIssues(raw, zod.error!.issues);
    const result = validateFactPack(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(whole);
    expect(whole.map((p) => p.path)).toEqual([
      '$.entities[1].name',
      '$.entities[3].kind',
      '$.entities[3].extra',
      '$.deals[0].currency',
      '$.quotes[1].language',
      '$.quotes[3].date',
      '$.quotes[3].notes',
    ]);
  });

  it('returns the same pack as the schema for a valid one, in the same order', () => {
    const raw = {
      format: 'factdesk-factpack',
      version: 1,
      entities: [BASE.entities, { ...BASE.entities, id: 'ent-2', name: ' Padded ', aliases: ['x', 'x'] }],
      quotes: [
        { ...BASE.quotes, notes: '' },
        { ...BASE.quotes, id: 'q-2' },
      ],
      deals: [{ ...BASE.deals, payerId: null }],
      sources: [(({ fileHash: _, fileName: __, ...rest }) => rest)(BASE.sources)],
    };
    const result = validateFactPack(raw);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result.ok && result.pack)).toBe(JSON.stringify(factPackSchema.parse(raw)));
  });
});
