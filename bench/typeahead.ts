/**
 * Type-ahead benchmark in the built app (browser shell, system Chromium) on the bench store
 * (bench-factpack.ts, 150,000 records): names typed letter by letter into the facts panel's
 * search box and into the Link facts dialog. For each keystroke it measures keydown → the
 * results for that input painted (the list's aria-busy turns false, then the next frame),
 * and as the floor the same searches as bare HTTP round trips from the page
 * (fetch of facts:search, no rendering). Target: p95 < 50 ms per keystroke.
 *
 * Needs the built app (npm run build). Run: npm run bench:typeahead
 */
import { spawnBrowserShell } from './browserShell';
import fs from 'node:fs';
import path from 'node:path';
// `performance` is the global one: functions below go to the page as source, where a bundler-renamed
// import (performance2) would not exist (see bench/editor.ts).
import { chromium, type CDPSession, type Locator, type Page } from 'playwright-core';
import { findChromiumPath, makeDataDir, seedSettings } from '../e2e/harness';
import { dispatch, type HandlerContext } from '../src/main/handlers';
import { blocksToBody } from '../src/shared/article/blocks';
import { DATABASE_FILE, openDatabase } from '../src/store/db';
import { importFactPack } from '../src/store/factpacks';
import { generate, LAST, PLACES } from './bench-factpack';

const WORDS = Number(process.env.TYPEAHEAD_WORDS ?? 16);
/** `--profile file.cpuprofile`: profiles the renderer while typing into the facts panel and prints where the time went. */
const PROFILE = process.argv.includes('--profile')
  ? process.argv[process.argv.indexOf('--profile') + 1]
  : null;
const BROWSER_SHELL = path.resolve('out/main/browser-shell.js');
const LETTERS = 5;

async function value<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The bench store plus one article with one claim, so the Link facts dialog has something to link. */
async function seed(dataDir: string): Promise<void> {
  const ctx: HandlerContext = {
    db: openDatabase(path.join(dataDir, DATABASE_FILE)),
    dataDir,
    appVersion: 'bench',
    os: { userName: 'Bench', locale: 'en-GB', platform: process.platform },
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
  };
  try {
    const report = importFactPack(ctx.db, generate(), { actor: { user: 'bench' } });
    if (!report.applied) throw new Error('bench pack not imported');
    const article = await value(
      dispatch('articles:create', { language: 'en', headline: 'Type-ahead bench' }, ctx),
    );
    const text = 'seven million euros';
    const body = blocksToBody([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Nordhafen pay ', format: {} },
          { type: 'claim', ids: ['c-typeahead'], children: [{ type: 'text', text, format: {} }] },
        ],
      },
    ]);
    await value(dispatch('articles:save', { id: article.meta.id, baseRev: article.rev, body }, ctx));
    const context = { text: `Nordhafen pay ${text}`, start: 14, end: 14 + text.length };
    await value(
      dispatch('claims:create', { articleId: article.meta.id, id: 'c-typeahead', text, context }, ctx),
    );
  } finally {
    ctx.db.close();
  }
}

const words = (() => {
  const list = [...LAST, ...PLACES].filter((w) => w.length >= LETTERS);
  return Array.from({ length: WORDS }, (_, i) => list[(i * 7919) % list.length]);
})();

/** Watches `results` (an element with aria-busy) and notes when the answer to the last keystroke has been painted. */
async function installProbe(page: Page, results: Locator): Promise<void> {
  await results.evaluate((el) => {
    const probe = { t0: 0, committed: 0, painted: 0 };
    (window as unknown as { __typeahead: typeof probe }).__typeahead = probe;
    // keydown for keys on the layout, beforeinput for letters Playwright types as text (ü, ø).
    const start = () => {
      if (!probe.t0) probe.t0 = performance.now();
    };
    document.addEventListener('keydown', start, true);
    document.addEventListener('beforeinput', start, true);
    new MutationObserver(() => {
      if (el.getAttribute('aria-busy') !== 'false' || !probe.t0 || probe.painted) return;
      probe.committed = performance.now();
      const call = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('facts%3Asearch'))
        .at(-1) as PerformanceResourceTiming | undefined;
      (probe as unknown as { split: number[] }).split = call
        ? [call.startTime - probe.t0, call.responseEnd - call.startTime, probe.committed - call.responseEnd]
        : [];
      // The frame that shows the results is done once a task runs after its animation frame.
      requestAnimationFrame(() => setTimeout(() => (probe.painted = performance.now()), 0));
    }).observe(el, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}

/** Types each word letter by letter into `box` and returns keydown → painted per keystroke. */
async function typeWords(page: Page, box: Locator): Promise<{ samples: number[]; paints: number[] }> {
  const samples: number[] = [];
  const paints: number[] = [];
  for (const word of words) {
    await box.fill('');
    await page.waitForTimeout(50);
    await box.focus();
    for (const ch of word.slice(0, LETTERS)) {
      await page.evaluate(() =>
        Object.assign((window as unknown as { __typeahead: object }).__typeahead, { t0: 0, painted: 0 }),
      );
      await page.keyboard.type(ch);
      const handle = await page.waitForFunction(
        () => {
          const p = (window as unknown as { __typeahead: { t0: number; committed: number; painted: number } })
            .__typeahead;
          return p.painted
            ? [p.painted - p.t0, p.painted - p.committed, (p as unknown as { split: number[] }).split]
            : null;
        },
        undefined,
        { timeout: 10_000 },
      );
      const [total, paint, split] = (await handle.jsonValue()) as [number, number, number[]];
      if (process.env.DEBUG_TYPEAHEAD)
        console.log(
          ch,
          total.toFixed(0),
          'keydown→fetch, fetch, response→commit',
          split.map((v) => v.toFixed(0)).join(' / '),
          'paint',
          paint.toFixed(0),
        );
      samples.push(total);
      paints.push(paint);
      // A quick typist: a few keys a second.
      await page.waitForTimeout(60);
    }
  }
  return { samples, paints };
}

/** The floor: the same searches as bare HTTP calls from the page, no rendering. */
async function roundTrips(page: Page, limit: number): Promise<number[]> {
  const queries = words.flatMap((w) => Array.from({ length: LETTERS }, (_, i) => w.slice(0, i + 1)));
  return page.evaluate(
    async ({ queries, limit }) => {
      const out: number[] = [];
      for (const query of queries) {
        const t0 = performance.now();
        const res = await fetch('/api/facts%3Asearch', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({ query, typing: true, limit }),
        });
        await res.json();
        out.push(performance.now() - t0);
      }
      return out;
    },
    { queries, limit },
  );
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

async function saveProfile(cdp: CDPSession, file: string): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  fs.writeFileSync(file, JSON.stringify(profile));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0) / 1000);
  }
  console.log(`Renderer CPU profile of the facts panel keystrokes written to ${file}; most self time:`);
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const fmt = (v: number) => `${v.toFixed(1)} ms`;

function report(
  label: string,
  { samples, paints }: { samples: number[]; paints: number[] },
  floor: number[],
): void {
  const p95 = pct(samples, 95);
  console.log(
    `  ${label.padEnd(26)} keystroke → painted p50 ${fmt(pct(samples, 50))}, p95 ${fmt(p95)}, max ${fmt(Math.max(...samples))} (n=${samples.length}) | ` +
      `of which commit → paint p50 ${fmt(pct(paints, 50))} | floor (HTTP round trip) p50 ${fmt(pct(floor, 50))}, p95 ${fmt(pct(floor, 95))} | ratio p95 ${(p95 / pct(floor, 95)).toFixed(2)}× | target p95 < 50 ms ${p95 < 50 ? 'ok' : 'OVER'}`,
  );
}

/** The built browser shell on the data folder; resolves with its launch URL and a stop function. */
async function startShell(dataDir: string): Promise<{ launchUrl: string; stop(): Promise<void> }> {
  const { child, launchUrl } = await spawnBrowserShell(BROWSER_SHELL, dataDir);
  return {
    launchUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function main(): Promise<void> {
  const executablePath = findChromiumPath();
  if (!executablePath) throw new Error('No Chromium found (set FACTDESK_CHROMIUM).');
  const dataDir = makeDataDir();
  const t = performance.now();
  seedSettings(dataDir, { language: 'en', userName: 'Bench' });
  await seed(dataDir);
  console.log(
    `Type-ahead benchmark — bench store built in ${((performance.now() - t) / 1000).toFixed(1)} s; ${WORDS} names × ${LETTERS} letters per box`,
  );
  const shell = await startShell(dataDir);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(shell.launchUrl);

    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    const panelResults = panel.getByRole('region', { name: 'Fact search' });
    await panelResults.waitFor();
    await installProbe(page, panelResults);
    const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const panelSamples = await typeWords(page, panel.getByRole('searchbox', { name: 'Search facts' }));
    if (cdp && PROFILE) await saveProfile(cdp, PROFILE);
    const panelFloor = await roundTrips(page, 100);

    await page
      .getByRole('navigation', { name: 'Articles' })
      .getByRole('option', { name: /Type-ahead bench/ })
      .click();
    await page.getByRole('tab', { name: 'Claims' }).click();
    const claims = page.getByRole('region', { name: 'Claims' });
    await claims.waitFor();
    if (process.env.DEBUG_TYPEAHEAD) {
      await page.waitForTimeout(5000);
      await page.screenshot({ path: '/tmp/typeahead.png' });
    }
    await claims.getByRole('listitem').filter({ hasText: 'seven million euros' }).first().click();
    await claims.getByRole('button', { name: 'Link facts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link facts to the claim' });
    const dialogResults = dialog.getByRole('list', { name: 'Search results' });
    await dialogResults.waitFor();
    await installProbe(page, dialogResults);
    const dialogSamples = await typeWords(page, dialog.getByRole('searchbox', { name: 'Search facts' }));
    const dialogFloor = await roundTrips(page, 50);

    console.log('');
    report('Facts panel', panelSamples, panelFloor);
    report('Link facts dialog', dialogSamples, dialogFloor);
  } finally {
    await browser.close();
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
