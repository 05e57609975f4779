/**
 * Library benchmark: opening an article from the article list of a library of 1,000 articles, the
 * way a newsroom's library grows. Each open is a click on a row, timed in the page until the row
 * is marked open and the editor shows the article's headline, with the main thread's CPU time of
 * the open from Chrome's own counters (less sensitive to a loaded machine than wall time).
 *
 *   npm run build && node scripts/run-ts.mjs bench/library.ts [--articles 1000] [--opens 30]
 *     [--baseline other/out/renderer]
 *
 * --baseline runs the same opens against another build's renderer (say, one built from an older
 * commit), so the share of an open that is the list shows as the difference. Prints each figure
 * with its target; asserts nothing.
 */
import { spawnBrowserShell } from './browserShell';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { DATABASE_FILE, openDatabase } from '../src/store/db';
import { writeSettings } from '../src/store/settings';
import { createArticle, saveArticle } from '../src/store/articles';
import { longBody } from '../src/store/articleBody.fixture';
import { E2E_CHROMIUM_ARGS, findChromiumPath } from '../e2e/harness';

const ROOT = process.cwd();
const SHELL = path.join(ROOT, 'out', 'main', 'browser-shell.js');
const TARGET_MS = 200;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const ARTICLES = Number(arg('articles') ?? 1000);
const OPENS = Number(arg('opens') ?? 30);
const BASELINE = arg('baseline');

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** A fresh data folder holding the library, seeded through the store as an import would. */
function seedLibrary(): { dataDir: string; ids: string[]; headlines: Map<string, string> } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-library-'));
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  writeSettings(db, { language: 'en', userName: 'Bench' });
  const ids: string[] = [];
  const headlines = new Map<string, string>();
  db.transaction(() => {
    for (let i = 0; i < ARTICLES; i++) {
      const now = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      const headline = `Bericht ${i + 1}: Stadtrat vertagt die Entscheidung`;
      const doc = createArticle(db, { headline, language: 'de', author: 'Bench' }, now);
      saveArticle(db, { id: doc.meta.id, baseRev: doc.rev, body: longBody(120, i + 1), user: 'Bench' }, now);
      ids.push(doc.meta.id);
      headlines.set(doc.meta.id, headline);
    }
  })();
  db.close();
  return { dataDir, ids, headlines };
}

async function startShell(
  dataDir: string,
  rendererDir?: string,
): Promise<{ child: ChildProcess; url: string }> {
  const args = rendererDir ? ['--renderer-dir', path.resolve(rendererDir)] : [];
  const { child, launchUrl } = await spawnBrowserShell(SHELL, dataDir, { args });
  return { child, url: launchUrl };
}

/** Main-thread CPU time of the page so far, in ms. */
async function mainThreadCpu(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return (value('TaskDuration') - value('DevToolsCommandDuration')) * 1000;
}

// Sent to the page as source: clicks the row and waits for the open, without a DevTools round trip per poll.
const OPEN = `async ([id, headline]) => {
  const option = document.getElementById('article-option-' + id);
  if (!option) throw new Error('article ' + id + ' is not in the list');
  const field = () => document.querySelector('.field-headline');
  const clicked = performance.now();
  option.click();
  while (!(option.classList.contains('is-open') && field() && field().value === headline)) {
    if (performance.now() - clicked > 60000) throw new Error('article ' + id + ' did not open');
    await new Promise((r) => setTimeout(r, 2));
  }
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - clicked;
}`;

async function measure(
  browser: Browser,
  label: string,
  library: ReturnType<typeof seedLibrary>,
  rendererDir?: string,
): Promise<void> {
  const { child, url } = await startShell(library.dataDir, rendererDir);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    const list = page
      .getByRole('navigation', { name: 'Articles' })
      .getByRole('listbox', { name: 'Article list' });
    await list
      .getByRole('option')
      .nth(ARTICLES - 1)
      .waitFor({ state: 'attached', timeout: 120_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    // Calls the app makes per open, by channel: a reload of the list (articles:list) during an open is
    // work the open pays for too.
    const calls = new Map<string, number>();
    let counting = false;
    page.on('request', (r) => {
      const m = /\/api\/([^?]+)/.exec(r.url());
      if (counting && m) calls.set(decodeURIComponent(m[1]), (calls.get(decodeURIComponent(m[1])) ?? 0) + 1);
    });
    const wall: number[] = [];
    const cpu: number[] = [];
    // Rows spread over the list, the first open (a cold editor) left out of the figures.
    const picks = Array.from({ length: OPENS + 1 }, (_, i) => library.ids[(i * 337) % library.ids.length]);
    for (const [i, id] of picks.entries()) {
      const before = await mainThreadCpu(cdp);
      const ms = await page.evaluate<number>(`(${OPEN})(${JSON.stringify([id, library.headlines.get(id)])})`);
      const spent = (await mainThreadCpu(cdp)) - before;
      if (i === 0) {
        counting = true;
        continue;
      }
      wall.push(ms);
      cpu.push(spent);
    }
    const f = (v: number) => `${v.toFixed(0)} ms`;
    console.log(
      `${label}: open from a list of ${ARTICLES.toLocaleString('en')} articles (${OPENS} opens): ` +
        `median ${f(quantile(wall, 0.5))}, p90 ${f(quantile(wall, 0.9))} wall; ` +
        `main-thread CPU median ${f(quantile(cpu, 0.5))}, p90 ${f(quantile(cpu, 0.9))} — target median < ${TARGET_MS} ms ` +
        `(${quantile(wall, 0.5) < TARGET_MS ? 'met' : 'NOT met'}; load ${os.loadavg()[0].toFixed(1)})`,
    );
    console.log(
      `  calls per open: ${[...calls]
        .sort((x, y) => y[1] - x[1])
        .map(([channel, n]) => `${channel} ${(n / OPENS).toFixed(1)}`)
        .join(', ')}`,
    );
    await page.close();
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(SHELL)) {
    console.error('The app is not built: run "npm run build" first.');
    process.exit(2);
  }
  const library = seedLibrary();
  const browser = await chromium.launch({
    executablePath: findChromiumPath() ?? undefined,
    headless: true,
    args: E2E_CHROMIUM_ARGS,
  });
  try {
    await measure(browser, 'this build', library);
    if (BASELINE) await measure(browser, `baseline ${BASELINE}`, library, BASELINE);
  } finally {
    await browser.close();
    fs.rmSync(library.dataDir, { recursive: true, force: true });
  }
}

void main();
