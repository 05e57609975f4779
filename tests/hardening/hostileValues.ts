import fc from 'fast-check';
import { loadXssCorpus } from './xssCorpus';

/** Strings no form would send: injections, traversal, control and unpaired characters, parser breakers. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202E\u2066evil',
  '\u2028\u2029',
  '\r\n\r\n',
  '\t\v\f',
  "'; DROP TABLE articles; --",
  '" OR 1=1 --',
  "x') OR ('1'='1",
  '%s%s%s%n',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/dev/zero',
  'CON',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'NaN',
  '-0',
  '1e309',
  '9007199254740993',
  'null',
  'undefined',
  '{"__proto__":{"polluted":true}}',
  '</script><script>alert(1)</script>',
  'Ünïcödé ẞ 🏟️ ⚽ 👨‍👩‍👧',
  'e\u0301\u0301\u0301\u0301\u0301',
  'SV Rotheide',
  'sv-rotheide:fc-nordhafen',
  'fact:deal:1',
  'https://sv-rotheide.example/a?b=c#d',
  'mailto:lena.kowalczyk@example.test',
  '2026-02-30',
  '2026-13-01T25:61:61Z',
  '0000-00-00',
  '∞',
  'a'.repeat(300),
  `${'a'.repeat(40_000)}!`,
  '('.repeat(5000),
  '['.repeat(5000),
  '*'.repeat(5000),
  '"'.repeat(2000),
];

const corpus = loadXssCorpus().map((p) => p.text);

/** Any string at all, weighted towards the ones that break things. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 4, arbitrary: fc.constantFrom(...corpus) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 400 }) },
    // Huge: one or two megabytes, far beyond any text limit in the contract.
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }).map((mb) => 'x'.repeat(mb * 1024 * 1024)) },
  );
}

export function hostileNumber(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(
      0,
      -0,
      -1,
      1,
      2 ** 31,
      -(2 ** 31),
      2 ** 53,
      Number.MAX_SAFE_INTEGER + 2,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
    ),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.integer(),
    fc.double(),
  );
}

/** A value nested `depth` levels deep in arrays or objects, for parsers and recursive walkers. */
export function deeplyNested(depth: number, leaf: unknown = 'x'): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++)
    value = i % 2 === 0 ? [value] : { children: [value], type: 'paragraph', version: 1 };
  return value;
}

/** Values of every type: for "wrong type" inputs. */
export function anyValue(): fc.Arbitrary<unknown> {
  return fc.anything({
    maxDepth: 4,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
    withObjectString: true,
  });
}
