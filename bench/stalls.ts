/**
 * Stall benchmark: while the built browser shell does the first import or export of each
 * format, another client keeps calling settings:get every 10 ms; the worst latency of those
 * calls during each operation is the stall a user would feel (a save or a search waiting).
 * Two scenarios on fresh shells:
 *   at start   — the first import/export right after the shell answers, before its idle
 *                warm-up has started the transfer worker (the worker then starts on demand);
 *   after idle — the same once the shell has been idle for a few seconds (warm-transfer.ts:
 *                the worker has started and loaded its libraries).
 * The parsing, rendering and library loading run on the transfer worker (src/main/transfer-worker);
 * what is left on the shell's thread is reading the store, copying the request and answer,
 * and writing. Floor: the same call's latency on the idle shell. Target: worst stall ≤ 50 ms,
 * at start and after idle. The load average is printed with the figures: on a machine whose
 * cores are taken, any wait includes the time the OS gives other processes.
 *
 * Needs the built app (npm run build). Run: npm run bench:stalls
 * (STALLS_SHELL=<path to another build's browser-shell.js> for a baseline at the same load)
 */
import { spawnBrowserShell } from './browserShell';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// `performance` is the global one: functions below go to the page as source, where a bundler-renamed
// import (performance2) would not exist (see bench/editor.ts).
import { findChromiumPath, seedSettings } from '../e2e/harness';
import { exportDocx } from '../src/main/export/docx';
import { dispatch, type HandlerContext } from '../src/main/handlers';
import { blocksToBody, type Block } from '../src/shared/article/blocks';
import { DATABASE_FILE, openDatabase } from '../src/store/db';

// STALLS_SHELL=<other checkout>/out/main/browser-shell.js measures another build (a baseline) with
// this bench, for a comparison at the same machine load.
const BROWSER_SHELL = path.resolve(process.env.STALLS_SHELL ?? 'out/main/browser-shell.js');
const IDLE_WAIT_MS = Number(process.env.STALLS_IDLE_MS ?? 10_000);

const PARAGRAPH =
  'Der SV Rotheide hat Lena Kowalczyk für sieben Millionen Euro vom FC Nordhafen verpflichtet, sagte Sportdirektor Lutz Götze am Dienstag.';
const blocks: Block[] = [
  { type: 'heading', level: 2, content: [{ type: 'text', text: 'Wechsel perfekt', format: {} }] },
  ...Array.from({ length: 30 }, (): Block => ({
    type: 'paragraph',
    content: [{ type: 'text', text: PARAGRAPH, format: {} }],
  })),
];
const meta = {
  headline: 'Rotheide holt Kowalczyk',
  kicker: 'Transfer',
  lead: 'Der Wechsel ist perfekt.',
  byline: 'Bench',
  dateline: 'Rotheide',
  language: 'de' as const,
};

async function value<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A data folder with one article to export; returns the article id. */
async function seed(dataDir: string): Promise<string> {
  seedSettings(dataDir, { language: 'de', userName: 'Bench' });
  const ctx: HandlerContext = {
    db: openDatabase(path.join(dataDir, DATABASE_FILE)),
    dataDir,
    appVersion: 'bench',
    os: { userName: 'Bench', locale: 'de-DE', platform: process.platform },
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
  };
  try {
    const article = await value(
      dispatch('articles:create', { language: 'de', headline: meta.headline }, ctx),
    );
    await value(
      dispatch(
        'articles:save',
        { id: article.meta.id, baseRev: article.rev, body: blocksToBody(blocks) },
        ctx,
      ),
    );
    return article.meta.id;
  } finally {
    ctx.db.close();
  }
}

interface Shell {
  call(channel: string, input: unknown): Promise<{ ok: boolean; error?: { message: string } }>;
  stop(): Promise<void>;
}

async function startShell(dataDir: string): Promise<Shell> {
  const { child, launchUrl } = await spawnBrowserShell(BROWSER_SHELL, dataDir, {
    env: { ...process.env, FACTDESK_CHROMIUM: findChromiumPath() ?? '' },
  });
  const base = new URL(launchUrl).origin;
  // The launch token is exchanged once for the session secret (the cookie a tab would keep),
  // which then goes with every call.
  const opened = await fetch(launchUrl, { redirect: 'manual' });
  const secret = /=([^;]+)/.exec(opened.headers.get('set-cookie') ?? '')?.[1];
  if (!secret) throw new Error(`The browser shell gave no session for its launch link (${opened.status}).`);
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`  the browser shell exited (${code ?? signal}) during the bench`);
  });
  let stopping = false;
  return {
    async call(channel, input) {
      const res = await fetch(`${base}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; error?: { message: string } };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Calls settings:get every 10 ms until stopped; `worst(from)` is the slowest call that ran since `from`. */
function pinger(shell: Shell) {
  const calls: { start: number; ms: number }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      // A call the shell drops (a keep-alive socket closed while its event loop was blocked)
      // counts with the time it took to fail: the user's save or search failed after as long.
      await shell.call('settings:get', {}).catch(() => undefined);
      calls.push({ start, ms: performance.now() - start });
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    worst: (from: number, to: number) =>
      Math.max(0, ...calls.filter((c) => c.start + c.ms >= from && c.start <= to).map((c) => c.ms)),
    median: () => {
      const sorted = calls.map((c) => c.ms).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? 0;
    },
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

interface Op {
  label: string;
  run(shell: Shell): Promise<void>;
}

function operations(
  articleId: string,
  files: Record<string, Uint8Array>,
  outDir: string,
  pdf: boolean,
): Op[] {
  const imp = (name: string): Op => ({
    label: `import ${path.extname(name).slice(1)}`,
    async run(shell) {
      const r = await shell.call('import:file', {
        name,
        bytesBase64: Buffer.from(files[name]).toString('base64'),
      });
      if (!r.ok) throw new Error(`import ${name}: ${r.error?.message}`);
    },
  });
  const exp = (format: string): Op => ({
    label: `export ${format}`,
    async run(shell) {
      const r = await shell.call('export:article', {
        articleId,
        format,
        directory: outDir,
        fileName: `bench.${format}`,
        overwrite: true,
      });
      if (!r.ok) throw new Error(`export ${format}: ${r.error?.message}`);
    },
  });
  return [
    imp('artikel.md'),
    imp('artikel.txt'),
    imp('artikel.html'),
    imp('artikel.docx'),
    exp('md'),
    exp('html'),
    exp('docx'),
    ...(pdf ? [exp('pdf')] : []),
  ];
}

async function scenario(
  label: string,
  waitMs: number,
  files: Record<string, Uint8Array>,
  pdf: boolean,
): Promise<{ floor: number; rows: Map<string, { ms: number; stall: number }> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-stalls-'));
  const outDir = path.join(dataDir, 'out');
  fs.mkdirSync(outDir);
  const articleId = await seed(dataDir);
  const shell = await startShell(dataDir);
  try {
    await shell.call('settings:get', {});
    if (waitMs) await new Promise((r) => setTimeout(r, waitMs));
    const ping = pinger(shell);
    await new Promise((r) => setTimeout(r, 300));
    const floor = ping.median();
    const rows = new Map<string, { ms: number; stall: number }>();
    for (const op of operations(articleId, files, outDir, pdf)) {
      if (process.env.DEBUG_STALLS) console.log(`  ${label}: ${op.label}`);
      const t0 = performance.now();
      await op.run(shell);
      const t1 = performance.now();
      // Let a ping that was waiting finish before reading the worst.
      await new Promise((r) => setTimeout(r, 30));
      rows.set(op.label, { ms: t1 - t0, stall: ping.worst(t0, t1) });
    }
    await ping.stop();
    console.log(`  ${label}: done`);
    return { floor, rows };
  } finally {
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(BROWSER_SHELL)) throw new Error('The app is not built: run "npm run build" first.');
  const markdown = `# ${meta.headline}\n\n${Array.from({ length: 30 }, () => PARAGRAPH).join('\n\n')}\n`;
  const html = `<!doctype html><html><body><h1>${meta.headline}</h1>${Array.from({ length: 30 }, () => `<p>${PARAGRAPH}</p>`).join('')}</body></html>`;
  const files: Record<string, Uint8Array> = {
    'artikel.md': Buffer.from(markdown),
    'artikel.txt': Buffer.from(
      `${meta.headline}\n\n${Array.from({ length: 30 }, () => PARAGRAPH).join('\n\n')}\n`,
    ),
    'artikel.html': Buffer.from(html),
    'artikel.docx': await exportDocx(meta as never, blocksToBody(blocks)),
  };
  const pdf = findChromiumPath() !== null;
  console.log(
    `Stall benchmark — first import/export of each format in the built browser shell (${path.relative(process.cwd(), BROWSER_SHELL)}); other calls every 10 ms${pdf ? '' : ' (no Chromium: PDF skipped)'}`,
  );
  console.log(`  load average (1/5/15 min) at the start: ${loadAverage()}`);
  const cold = await scenario('at start', 0, files, pdf);
  const warm = await scenario(`after ${IDLE_WAIT_MS / 1000} s idle`, IDLE_WAIT_MS, files, pdf);
  console.log('');
  console.log(
    `  floor: settings:get on the idle shell p50 ${cold.floor.toFixed(1)} ms (at start run), ${warm.floor.toFixed(1)} ms (after idle run)`,
  );
  const verdict = (ms: number) => (ms <= 50 ? 'ok' : 'OVER');
  console.log(
    `  ${'first use'.padEnd(16)} ${'at start: took / worst other call'.padEnd(42)} ${'after idle: took / worst other call'.padEnd(42)} (target ≤ 50 ms)`,
  );
  for (const [op, c] of cold.rows) {
    const w = warm.rows.get(op)!;
    console.log(
      `  ${op.padEnd(16)} ${`${c.ms.toFixed(0)} ms / ${c.stall.toFixed(0)} ms ${verdict(c.stall)}`.padEnd(42)} ${`${w.ms.toFixed(0)} ms / ${w.stall.toFixed(0)} ms ${verdict(w.stall)}`.padEnd(42)}`,
    );
  }
  console.log(`  load average (1/5/15 min) at the end: ${loadAverage()}; ${os.availableParallelism()} cores`);
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

await main();
