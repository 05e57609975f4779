import fc from 'fast-check';
import type { z } from 'zod';
import { anyValue, hostileNumber, hostileString } from './hostileValues';

export interface ArbitraryOptions {
  /** Values known to exist (article ids, fact ids…) so hostile calls reach the handlers past "not found". */
  knownIds: () => string[];
  knownNumbers: () => number[];
  /** Overrides by field name, e.g. a sandboxed export folder. */
  fields?: Record<string, fc.Arbitrary<unknown>>;
}

interface Def {
  type: string;
  [key: string]: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A string the schema's own limits would accept most of the time, hostile in content. */
function stringFor(schema: z.ZodType, field: string, options: ArbitraryOptions): fc.Arbitrary<string> {
  const s = schema as unknown as { minLength: number | null; maxLength: number | null };
  const max = s.maxLength ?? 1_000_000;
  const min = s.minLength ?? 0;
  const fitted = hostileString().map((v) => (v.length > max ? v.slice(0, max) : v.padEnd(min, 'x')));
  const isId = /(^id$|Id$|^ref$)/.test(field);
  return fc.oneof(
    {
      weight: isId ? 6 : 0,
      arbitrary: fc
        .constant(null)
        .chain(() => fc.constantFrom(...(options.knownIds().length ? options.knownIds() : ['none']))),
    },
    { weight: 6, arbitrary: fitted },
    { weight: 1, arbitrary: hostileString() },
  );
}

function numberFor(schema: z.ZodType, options: ArbitraryOptions): fc.Arbitrary<number> {
  const n = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  const min = Number.isFinite(n.minValue) ? (n.minValue as number) : -1e9;
  const max = Number.isFinite(n.maxValue) ? (n.maxValue as number) : 1e9;
  const valid = n.isInt
    ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) })
    : fc.double({ min, max, noNaN: true });
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .constant(null)
        .chain(() => fc.constantFrom(...(options.knownNumbers().length ? options.knownNumbers() : [1]))),
    },
    { weight: 4, arbitrary: valid },
    { weight: 2, arbitrary: hostileNumber() },
  );
}

/**
 * A fast-check arbitrary producing values in the shape of a zod schema (zod 4 internals: `_zod.def`),
 * with hostile strings and numbers inside, and now and then a value of the wrong type or an extra key.
 */
export function arbitraryFor(
  schema: z.ZodType,
  options: ArbitraryOptions,
  field = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const override = options.fields?.[field];
  if (override) return override;
  const def = defOf(schema);
  const inner = (s: unknown, name = field) => arbitraryFor(s as z.ZodType, options, name, depth + 1);
  const wrong = (a: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 12, arbitrary: a }, { weight: 1, arbitrary: anyValue() });
  switch (def.type) {
    case 'string':
      return wrong(stringFor(schema, field, options));
    case 'number':
      return wrong(numberFor(schema, options));
    case 'boolean':
      return wrong(fc.boolean());
    case 'literal':
      return wrong(fc.constantFrom(...(def.values as unknown[])));
    case 'enum':
      return wrong(
        fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...Object.values(def.entries as Record<string, unknown>)) },
          { weight: 1, arbitrary: hostileString() },
        ),
      );
    case 'optional':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: inner(def.innerType) },
      );
    case 'nullable':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: inner(def.innerType) },
      );
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return depth > 8 ? anyValue() : inner((def.getter as () => unknown)());
    case 'array':
      return wrong(fc.array(inner(def.element), { maxLength: depth > 4 ? 1 : 4 }));
    case 'tuple':
      return wrong(fc.tuple(...(def.items as unknown[]).map((i) => inner(i))));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => inner(o)));
    case 'intersection':
      return fc
        .tuple(inner(def.left), inner(def.right))
        .map(([a, b]) => (isPlain(a) && isPlain(b) ? { ...a, ...b } : a));
    case 'record':
      return wrong(
        fc.dictionary(
          hostileString().map((k) => k.slice(0, 40)),
          inner(def.valueType),
          { maxKeys: 3 },
        ),
      );
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const keys = Object.keys(shape);
      const model = Object.fromEntries(keys.map((k) => [k, arbitraryFor(shape[k]!, options, k, depth + 1)]));
      const required = keys.filter(
        (k) => !['optional', 'default', 'prefault'].includes(defOf(shape[k]!).type),
      );
      const record = fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
      const withExtra = fc
        .tuple(record, hostileString(), anyValue())
        .map(([r, k, v]) => ({ ...r, [k.slice(0, 40) || '__proto__']: v }));
      return wrong(fc.oneof({ weight: 10, arbitrary: record }, { weight: 1, arbitrary: withExtra }));
    }
    case 'unknown':
    case 'any':
      return anyValue();
    default:
      return anyValue();
  }
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
