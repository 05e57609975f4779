/**
 * CLI start-up benchmark: how long scripts wait for the built `factdesk` command, against the
 * floor of starting Node itself (`node -e 0`), measured in the same run. On the bench store
 * (the 150,000-record pack of bench/store.ts plus an article with 300 claims) it times:
 *   factdesk --help                        target < 150 ms
 *   factdesk facts search <q> --json       target < 300 ms
 *   factdesk claims check <article-id>     target < 400 ms
 * Each command runs RUNS times; the median is the figure (the first run warms the disk cache).
 *
 * Needs the built app (npm run build). Run: npm run bench:cli
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { blocksToBody, type Block } from '../src/shared/article/blocks';
import { dispatch, type HandlerContext } from '../src/main/handlers';
import { openDatabase } from '../src/store/db';
import { importFactPack } from '../src/store/factpacks';
import { generate } from './bench-factpack';

const RUNS = 9;
const CLAIMS = 300;
const BIN = path.resolve('bin/factdesk.js');

async function value<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The bench store and an article whose claims link to its facts; returns the article id. */
async function benchStore(dir: string): Promise<string> {
  const ctx: HandlerContext = {
    db: openDatabase(path.join(dir, 'factdesk.sqlite')),
    dataDir: dir,
    appVersion: 'bench',
    os: { userName: 'Bench', locale: 'de-DE', platform: process.platform },
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
  };
  try {
    const pack = generate();
    const report = importFactPack(ctx.db, pack, { actor: { user: 'bench' } });
    if (!report.applied) throw new Error(`bench pack not imported: ${report.problems[0]?.message}`);
    const article = await value(
      dispatch('articles:create', { language: 'de', headline: 'CLI-Benchmark' }, ctx),
    );
    const blocks: Block[] = [];
    const claims: { id: string; text: string; ref: { type: 'quote' | 'deal'; id: string } }[] = [];
    for (let i = 0; i < CLAIMS; i++) {
      const id = `c-cli-${String(i).padStart(4, '0')}`;
      const quote = i % 2 === 0;
      const text = quote ? `„${pack.quotes[i].wording}“` : 'sieben Millionen Euro';
      blocks.push({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Der Verein aus Rotheide meldet: ', format: {} },
          { type: 'claim', ids: [id], children: [{ type: 'text', text, format: {} }] },
        ],
      });
      claims.push({
        id,
        text,
        ref: quote ? { type: 'quote', id: pack.quotes[i].id } : { type: 'deal', id: pack.deals[i].id },
      });
    }
    await value(
      dispatch(
        'articles:save',
        { id: article.meta.id, baseRev: article.rev, body: blocksToBody(blocks) },
        ctx,
      ),
    );
    for (const c of claims) {
      const text = `Der Verein aus Rotheide meldet: ${c.text}`;
      await value(
        dispatch(
          'claims:create',
          {
            articleId: article.meta.id,
            id: c.id,
            text: c.text,
            context: { text, start: text.length - c.text.length, end: text.length },
          },
          ctx,
        ),
      );
      await value(dispatch('claims:link', { id: c.id, refs: [c.ref] }, ctx));
    }
    return article.meta.id;
  } finally {
    ctx.db.close();
  }
}

interface Timing {
  median: number;
  min: number;
}

/** Wall time of a child process, median over RUNS. */
function timeCommand(args: string[], env: NodeJS.ProcessEnv, expectStatus: readonly number[]): Timing {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    samples.push(performance.now() - t0);
    if (r.status === null || !expectStatus.includes(r.status))
      throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.resolve('out/main/cli.js'))) {
    console.error('The CLI is not built: run "npm run build" first.');
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-cli-'));
  try {
    const t = performance.now();
    const articleId = await benchStore(dir);
    console.log(
      `CLI benchmark — Node ${process.versions.node}; bench store built in ${((performance.now() - t) / 1000).toFixed(1)} s (${dir})`,
    );
    const env = { ...process.env, FACTDESK_DATA_DIR: dir };
    const floor = timeCommand(['-e', '0'], env, [0]);
    const rows: [string, Timing, number][] = [
      ['factdesk --help', timeCommand([BIN, '--help'], env, [0]), 150],
      [
        'factdesk facts search Rotheide --json',
        timeCommand([BIN, 'facts', 'search', 'Rotheide', '--json'], env, [0]),
        300,
      ],
      [
        'factdesk facts search "Göt" --json',
        timeCommand([BIN, 'facts', 'search', 'Göt', '--json'], env, [0]),
        300,
      ],
      // Exit 1 is the gate saying "not ready": the claims are unchecked, which is the answer a pipeline waits for.
      [
        `factdesk claims check ${articleId}`,
        timeCommand([BIN, 'claims', 'check', articleId], env, [0, 1]),
        400,
      ],
    ];
    console.log('');
    console.log(
      `  ${'command'.padEnd(44)} ${'median'.padStart(8)} ${'min'.padStart(8)}  ${'vs floor'.padStart(8)}  target`,
    );
    console.log(
      `  ${'floor: node -e 0'.padEnd(44)} ${floor.median.toFixed(0).padStart(5)} ms ${floor.min.toFixed(0).padStart(5)} ms`,
    );
    for (const [label, timing, target] of rows) {
      const verdict = timing.median < target ? 'ok' : 'OVER';
      console.log(
        `  ${label.slice(0, 44).padEnd(44)} ${timing.median.toFixed(0).padStart(5)} ms ${timing.min.toFixed(0).padStart(5)} ms  ${(timing.median / floor.median).toFixed(2).padStart(7)}×  < ${target} ms ${verdict}`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
