/**
 * CLI start-up benchmark: how long scripts wait for the built `factdesk` command, against the
 * floor of starting Node itself (`node -e 0`), measured in the same run. On the bench store
 * (the 150,000-record pack of bench/store.ts plus an article with 300 claims) it times:
 *   factdesk --help                        target < 150 ms
 *   factdesk facts search <q> --json       target < 300 ms
 *   factdesk claims check <article-id>     target < 400 ms
 * Each command runs RUNS times, the commands taking turns; the medians of wall and CPU time are the
 * figures (CPU time, user + system of the whole process, is the steadier one on a shared machine).
 *
 * Needs the built app (npm run build). Run: npm run bench:cli
 * `--store <dir>` keeps the bench store in <dir> (built there on the first run, reused after),
 * so a profile (`node --cpu-prof bin/factdesk.js … --data-dir <dir>`) can use the same data.
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
const KEEP = process.argv.includes('--store') ? process.argv[process.argv.indexOf('--store') + 1] : null;
const ARTICLE_FILE = 'bench-cli-article.txt';

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
  /** Median CPU time (user + system) of the process, the steadier figure on a shared machine. */
  cpu: number;
}

/**
 * Loaded into every timed process with --import: writes the process's CPU time when it exits.
 * A child's CPU time is not otherwise visible to spawnSync.
 */
const CPU_PROBE =
  'data:text/javascript,' +
  encodeURIComponent(
    // createRequire, not `import fs`: an ESM import of node:fs loads Node's streams as well.
    "import { createRequire } from 'node:module'; const fs = createRequire(process.execPath)('node:fs'); " +
      "process.on('exit', () => { const u = process.cpuUsage(); " +
      'fs.writeFileSync(process.env.FACTDESK_BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });',
  );

interface Command {
  label: string;
  args: string[];
  /** Exit statuses that mean the command did its work. */
  expect: readonly number[];
  target?: number;
}

/** Wall and CPU time of each command, RUNS rounds with the commands taking turns, so a load change hits all alike. */
function timeCommands(commands: Command[], env: NodeJS.ProcessEnv): Timing[] {
  const cpuFile = path.join(os.tmpdir(), `factdesk-bench-cli-cpu-${process.pid}`);
  const wall = commands.map((): number[] => []);
  const cpu = commands.map((): number[] => []);
  for (let round = 0; round < RUNS; round++) {
    commands.forEach((c, i) => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--import', CPU_PROBE, ...c.args], {
        env: { ...env, FACTDESK_BENCH_CPU_FILE: cpuFile },
        encoding: 'utf8',
      });
      wall[i].push(performance.now() - t0);
      if (r.status === null || !c.expect.includes(r.status))
        throw new Error(`${c.args.join(' ')} exited ${r.status}: ${r.stderr}`);
      cpu[i].push(Number(fs.readFileSync(cpuFile, 'utf8')));
    });
  }
  fs.rmSync(cpuFile, { force: true });
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return commands.map((_, i) => ({
    median: median(wall[i]),
    min: Math.min(...wall[i]),
    cpu: median(cpu[i]),
  }));
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.resolve('out/main/cli.js'))) {
    console.error('The CLI is not built: run "npm run build" first.');
    process.exit(2);
  }
  const dir = KEEP ? path.resolve(KEEP) : fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-cli-'));
  try {
    const t = performance.now();
    const kept = KEEP && fs.existsSync(path.join(dir, ARTICLE_FILE));
    const articleId = kept ? fs.readFileSync(path.join(dir, ARTICLE_FILE), 'utf8') : await benchStore(dir);
    if (KEEP) fs.writeFileSync(path.join(dir, ARTICLE_FILE), articleId);
    console.log(
      `CLI benchmark — Node ${process.versions.node}; bench store ${kept ? 'reused' : `built in ${((performance.now() - t) / 1000).toFixed(1)} s`} (${dir}); load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const env = { ...process.env, FACTDESK_DATA_DIR: dir };
    const commands: Command[] = [
      { label: 'floor: node -e 0', args: ['-e', '0'], expect: [0] },
      { label: 'factdesk --help', args: [BIN, '--help'], expect: [0], target: 150 },
      {
        label: 'factdesk facts search Rotheide --json',
        args: [BIN, 'facts', 'search', 'Rotheide', '--json'],
        expect: [0],
        target: 300,
      },
      {
        label: 'factdesk facts search "Göt" --json',
        args: [BIN, 'facts', 'search', 'Göt', '--json'],
        expect: [0],
        target: 300,
      },
      // Exit 1 is the gate saying "not ready": the claims are unchecked, which is the answer a pipeline waits for.
      {
        label: `factdesk claims check ${articleId}`,
        args: [BIN, 'claims', 'check', articleId],
        expect: [0, 1],
        target: 400,
      },
    ];
    const timings = timeCommands(commands, env);
    const floor = timings[0];
    console.log('');
    console.log(
      `  ${'command'.padEnd(44)} ${'median'.padStart(8)} ${'min'.padStart(8)}  ${'vs floor'.padStart(8)}  ${'CPU'.padStart(8)}  ${'vs floor'.padStart(8)}  target`,
    );
    commands.forEach((c, i) => {
      const t = timings[i];
      const cells = [
        c.label.slice(0, 44).padEnd(44),
        `${t.median.toFixed(0).padStart(5)} ms`,
        `${t.min.toFixed(0).padStart(5)} ms`,
        i === 0 ? ''.padStart(8) : `${(t.median / floor.median).toFixed(2).padStart(7)}×`,
        `${t.cpu.toFixed(0).padStart(5)} ms`,
        i === 0 ? ''.padStart(8) : `${(t.cpu / floor.cpu).toFixed(2).padStart(7)}×`,
        c.target === undefined ? '' : `< ${c.target} ms ${t.median < c.target ? 'ok' : 'OVER'}`,
      ];
      console.log(`  ${cells.join(' ')}`);
    });
    console.log(
      `  load at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
