import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../src/shared/contract';
import { dispatch, type HandlerContext } from '../../src/main/handlers';
import { disposeContext, tempContext } from '../../src/main/handlers/testing';
import { storeState, unchangedSince } from './canonicalDump';
import { recordFigure } from './figures';
import { anyValue, deeplyNested, hostileString } from './hostileValues';
import { sized } from './size';
import { arbitraryFor } from './zodArbitrary';

/**
 * IPC fuzz: every channel of the contract gets inputs in its own shape with hostile values,
 * inputs of the wrong type, and deeply nested ones. No call may end in `internal` or throw out
 * of dispatch, and a refused call must leave the store (tables and files) exactly as it was.
 */
const PER_CHANNEL = sized(20, 140);
const SEED = Number(process.env.FACTDESK_FUZZ_SEED ?? 20261206);

let ctx: HandlerContext;
let exportDir: string;
const opened: string[] = [];

function knownIds(): string[] {
  const q = (sql: string) => ctx.db.prepare(sql).pluck().all() as string[];
  return [
    ...q('SELECT id FROM articles LIMIT 5'),
    ...q('SELECT id FROM claims LIMIT 5'),
    ...q('SELECT id FROM entities LIMIT 3'),
    ...q('SELECT id FROM deals LIMIT 3'),
    ...q('SELECT id FROM quotes LIMIT 3'),
    ...q('SELECT id FROM sources LIMIT 3'),
  ];
}
const knownNumbers = () =>
  ctx.db.prepare('SELECT id FROM article_revisions ORDER BY id DESC LIMIT 5').pluck().all() as number[];

/** Lexical-shaped bodies with hostile text, link targets, formats and styles, and unknown node types. */
function bodyArbitrary(): fc.Arbitrary<unknown> {
  const { node } = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({
        type: fc.constantFrom('text', 'text', 'linebreak', 'tab', 'image', 'script'),
        version: fc.constant(1),
        text: hostileString(),
        format: fc.oneof(fc.integer({ min: 0, max: 2047 }), hostileString()),
        style: fc.oneof(
          fc.constant(''),
          hostileString(),
          fc.constant('background-image:url(https://xss.invalid/1)'),
        ),
        detail: fc.integer({ min: 0, max: 3 }),
        mode: fc.constantFrom('normal', 'token', 'segmented', 'evil'),
      }),
      fc.record({
        type: fc.constantFrom(
          'paragraph',
          'heading',
          'quote',
          'list',
          'listitem',
          'link',
          'autolink',
          'mark',
          'root',
          'evil',
        ),
        version: fc.constant(1),
        url: hostileString(),
        tag: fc.oneof(fc.constantFrom('h2', 'h3', 'ul', 'ol'), hostileString()),
        listType: fc.constantFrom('bullet', 'number', 'check', 'x'),
        ids: fc.array(hostileString(), { maxLength: 2 }),
        children: fc.array(tie('node'), { maxLength: 3 }),
      }),
    ),
  }));
  return fc.record({
    schemaVersion: fc.constantFrom(1, 1, 1, 2),
    editorState: fc.record({
      root: fc.record({
        type: fc.constant('root'),
        version: fc.constant(1),
        children: fc.array(node, { maxLength: 4 }),
      }),
    }),
  });
}

/** A valid fact pack with a few of its values replaced by hostile ones, so the importer gets past the envelope. */
function mutatedPack(pack: unknown): fc.Arbitrary<unknown> {
  const leaves: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    if (leaves.length > 2000) return;
    if (Array.isArray(v)) v.slice(0, 20).forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
    else leaves.push(p);
  };
  walk(pack, []);
  return fc
    .array(fc.tuple(fc.nat({ max: Math.max(leaves.length - 1, 0) }), fc.oneof(hostileString(), anyValue())), {
      minLength: 1,
      maxLength: 4,
    })
    .map((edits) => {
      const copy = structuredClone(pack) as Record<string | number, unknown>;
      for (const [i, value] of edits) {
        const p = leaves[i];
        if (!p || p.length === 0) continue;
        let at = copy as Record<string | number, unknown>;
        for (const k of p.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
        at[p[p.length - 1]!] = value;
      }
      return copy;
    });
}

interface Finding {
  channel: Channel;
  what: string;
  input: string;
}

function describeInput(input: unknown): string {
  try {
    const s = JSON.stringify(input, (_k, v: unknown) =>
      typeof v === 'bigint'
        ? `${v}n`
        : typeof v === 'string' && v.length > 200
          ? `${v.slice(0, 60)}…(${v.length} chars)`
          : v,
    );
    return (s ?? String(input)).slice(0, 600);
  } catch {
    return String(input).slice(0, 200);
  }
}

/** Accepted channels that answer "no" inside their value (a fact pack with problems). */
function refusedInValue(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'applied' in value &&
    (value as { applied: unknown }).applied === false
  );
}

/** A fresh store per channel, so what one channel wrote neither hides nor slows another's. */
async function seededContext(): Promise<void> {
  ctx = tempContext({ prefix: 'factdesk-fuzz-' });
  ctx.platform.openExternal = async (url) => {
    opened.push(url);
    return true;
  };
  exportDir = path.join(ctx.dataDir, 'fuzz-exports');
  fs.mkdirSync(exportDir);
  const must = async (channel: Channel, input: unknown) => {
    const r = await dispatch(channel, input, ctx);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  await must('facts:load-sample', {});
  const doc = await must('articles:create', { headline: 'SV Rotheide holt Lena Kowalczyk', language: 'de' });
  const meta = doc.meta as { id: string };
  await must('articles:save', {
    id: meta.id,
    baseRev: doc.rev,
    body: {
      schemaVersion: 1,
      editorState: {
        root: {
          type: 'root',
          version: 1,
          children: [
            {
              type: 'paragraph',
              version: 1,
              children: [
                {
                  type: 'text',
                  version: 1,
                  text: 'FC Nordhafen zahlt 2,5 Millionen Euro.',
                  format: 0,
                  style: '',
                  detail: 0,
                  mode: 'normal',
                },
              ],
            },
          ],
        },
      },
    },
  });
  await must('revisions:create', { articleId: meta.id, name: 'Erste Fassung' });
}
afterAll(() => {
  if (ctx) disposeContext(ctx);
});

describe('IPC fuzz over every channel of the contract', () => {
  it(
    `sends ${PER_CHANNEL} generated inputs per channel plus deep nesting: 0 internal errors, 0 throws, 0 partial writes`,
    { timeout: sized(5, 60) * 60_000 },
    async () => {
      await seededContext();
      const packResult = await dispatch('facts:export-pack', {}, ctx);
      const pack = packResult.ok ? packResult.value : {};
      const optionsFor = () => ({
        knownIds,
        knownNumbers,
        fields: {
          body: bodyArbitrary(),
          pack: fc.oneof({ weight: 3, arbitrary: mutatedPack(pack) }, { weight: 1, arbitrary: anyValue() }),
          // Exports go to a sandbox folder or to paths the handler must refuse; never elsewhere on this machine.
          directory: fc.oneof(
            fc.constant(exportDir),
            hostileString().map((s) => s.replace(/^[/\\]+/, '')),
          ),
          path: fc.oneof(
            fc.constant(path.join(exportDir, 'missing.md')),
            hostileString().map((s) => s.replace(/^[/\\]+/, '')),
          ),
        },
      });
      const findings: Finding[] = [];
      let inputs = 0;
      let refused = 0;
      const rssJumps: string[] = [];
      for (const [index, channel] of CHANNELS.entries()) {
        const rssBefore = process.resourceUsage().maxRSS;
        if (index > 0) {
          disposeContext(ctx);
          await seededContext();
        }
        const shaped = arbitraryFor(contract[channel].input, optionsFor());
        const generated = fc.sample(
          fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: anyValue() }),
          {
            numRuns: PER_CHANNEL,
            seed: SEED + index,
          },
        );
        const nested = [
          deeplyNested(sized(2_000, 20_000)),
          { id: deeplyNested(5_000) },
          { ...(generated[0] as object), extra: deeplyNested(3_000) },
        ];
        for (const input of [...generated, ...nested]) {
          inputs++;
          const before = storeState(ctx.db, ctx.dataDir, [exportDir]);
          let result: Awaited<ReturnType<typeof dispatch>>;
          try {
            result = await dispatch(channel, input, ctx);
          } catch (err) {
            findings.push({
              channel,
              what: `dispatch threw: ${String(err).slice(0, 200)}`,
              input: describeInput(input),
            });
            continue;
          }
          if (!result.ok && result.error.code === 'internal') {
            findings.push({
              channel,
              what: `internal: ${result.error.message.slice(0, 200)}`,
              input: describeInput(input),
            });
          }
          if (!result.ok || refusedInValue(result.value)) {
            refused++;
            if (!unchangedSince(before, ctx.db, ctx.dataDir, [exportDir])) {
              findings.push({ channel, what: 'refused call changed the store', input: describeInput(input) });
            }
          }
        }
        const grownMb = Math.round((process.resourceUsage().maxRSS - rssBefore) / 1024);
        if (grownMb > 300) rssJumps.push(`${channel} +${grownMb} MB`);
      }
      const badUrls = opened.filter((u) => !/^(https?:|mailto:)/i.test(u));
      for (const url of badUrls)
        findings.push({ channel: 'shell:open-external', what: 'opened a non-web URL', input: url });
      const internals = findings.filter(
        (f) => f.what.startsWith('internal') || f.what.startsWith('dispatch threw'),
      ).length;
      const partial = findings.filter((f) => f.what === 'refused call changed the store').length;
      recordFigure({
        suite: 'IPC fuzz',
        tried: `${inputs.toLocaleString('en')} inputs over ${CHANNELS.length} channels (${refused.toLocaleString('en')} refused)`,
        lost: 0,
        executed: internals + badUrls.length,
        partial,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        note: `internal/throws: ${internals}, seed ${SEED}${rssJumps.length ? `; peak grew in ${rssJumps.join(', ')}` : ''}`,
      });
      expect(
        findings,
        findings
          .slice(0, 15)
          .map((f) => `${f.channel} — ${f.what}\n   ${f.input}`)
          .join('\n'),
      ).toEqual([]);
      expect(inputs).toBeGreaterThanOrEqual(CHANNELS.length * PER_CHANNEL);
    },
  );
});
