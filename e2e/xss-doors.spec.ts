import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import MarkdownIt from 'markdown-it';
import { test, expect } from './fixtures';
import { ROOT } from './harness';
import { installXssProbe, LIVE_MARKUP_WALKER, type XssProbe } from './xssProbe';
import { loadXssCorpus, type XssPayload } from '../tests/hardening/xssCorpus';
import { recordFigure } from '../tests/hardening/figures';
import { sized } from '../tests/hardening/size';

/**
 * XSS corpus × doors: every payload goes in through every way text enters Factdesk (imports,
 * article fields and body, fact forms, fact packs, claims, detection, revision names, file names,
 * paste, comment threads on text and on claims), then the app opens every article that came in
 * and every export of every article (HTML, annotated HTML with and without comments, Markdown,
 * ClaimReview, the fact-check report, DOCX with and without comments, NewsML-G2, NITF) is opened
 * in Chromium under a probe that records execution, dialogs, outbound requests and live markup.
 * PDFs are printed of combined articles (the stored fields and bodies of several payloads'
 * articles in one) and scanned. CI size takes every 30th payload; FACTDESK_HARDENING=full all
 * (FACTDESK_XSS_EVERY=n: every n-th, to time part of a full run).
 *
 * To fit two cores, the doors run three payloads at a time, the app is walked by one in-page
 * loop per article (no Playwright action per step), and the exports of several articles open
 * together as frames of one page, each page with a live control frame the probe must catch.
 */
const corpus = loadXssCorpus();
// FACTDESK_XSS_EVERY=n takes every n-th payload at the size's other settings (to time a part of a run).
const every = Number(process.env.FACTDESK_XSS_EVERY) || sized(30, 1);
const payloads = corpus.filter((_, i) => i % every === 0);
/** Payloads whose articles are combined into one article for a PDF (a Chromium start each). */
const PDF_GROUP = sized(4, 10);
/** Articles whose exports open together as the frames of one page. */
const EXPORT_BATCH = sized(6, 10);
const DOOR_WIDTH = 3;
const EXPORT_WIDTH = 4;
/** Batches in flight at once: one page's exports are written while another's frames are read. */
const BATCH_WIDTH = 2;
/** Frames of a page scanned at once (each scan is a DevTools round trip). */
const SCAN_WIDTH = 8;

/** Runs work over items, at most width at a time. */
async function inPool<T>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

/**
 * Opens an article in the app from inside the page: clicks its option in the article list, waits
 * until the editor shows its headline, lets two frames render, then walks the DOM. One DevTools
 * round trip per article instead of a Playwright action per step. The wait is long because it is
 * no timed assertion: on a machine at load 30 an open took longer than 15 s, and an article that
 * does not open is a failure of the walk, never a pass.
 */
const OPEN_AND_SCAN = `async (walk, id, headline) => {
  const option = document.getElementById('article-option-' + id);
  if (!option) return { error: 'not in the article list' };
  option.click();
  const field = () => document.querySelector('.field-headline');
  const clicked = performance.now();
  const until = clicked + 60000;
  while (!(option.classList.contains('is-open') && field() && field().value === headline)) {
    if (performance.now() > until)
      return { error: 'did not open (headline ' + JSON.stringify(field() && field().value) + ')' };
    await new Promise((r) => setTimeout(r, 10));
  }
  const opened = performance.now();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, 30));
  const walked = performance.now();
  const found = walk();
  return { found, openMs: opened - clicked, walkMs: performance.now() - walked };
}`;

type Json = Record<string, unknown>;

/** The session cookie of the page's context, read once: calls go from Node straight to the server. */
const sessionCookies = new WeakMap<Page, Promise<string>>();

/** A POST on a connection of its own: a kept-alive socket the server closes while idle resets a call sent on it. */
function post(url: string, headers: Record<string, string>, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent: false, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One call of the app's API with the page's session, sent from Node rather than by
 * page.request, which relays every call (and every imported file's base64) through Playwright;
 * the server sees the same request either way.
 */
async function call(
  page: Page,
  origin: string,
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; value?: Json; error?: { code: string; message: string } }> {
  let cookie = sessionCookies.get(page);
  if (!cookie) {
    cookie = page
      .context()
      .cookies(origin)
      .then((all) => all.map((c) => `${c.name}=${c.value}`).join('; '));
    sessionCookies.set(page, cookie);
  }
  const answer = await post(
    `${origin}/api/${channel}`,
    { origin, cookie: await cookie, 'content-type': 'application/json' },
    JSON.stringify(input ?? {}),
  );
  return JSON.parse(answer) as { ok: boolean; value?: Json; error?: { code: string; message: string } };
}

/** DOCX to HTML by mammoth on a worker thread (e2e/mammothWorker.mjs), off the thread that drives Chromium. */
function mammothThread(): { toHtml(file: string): Promise<string>; close(): Promise<number> } {
  const worker = new Worker(path.join(ROOT, 'e2e', 'mammothWorker.mjs'));
  const waiting = new Map<number, { resolve(html: string): void; reject(err: Error): void }>();
  let next = 0;
  worker.on('message', ({ id, html, error }: { id: number; html?: string; error?: string }) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) w?.reject(new Error(error));
    else w?.resolve(html ?? '');
  });
  worker.on('error', (err) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  });
  return {
    toHtml: (file) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, file });
      }),
    close: () => worker.terminate(),
  };
}

const text = (t: string, format = 0) => ({
  type: 'text',
  version: 1,
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text: t,
});
const block = (type: string, children: unknown[], extra: Json = {}) => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});
const para = (children: unknown[]) => block('paragraph', children, { textFormat: 0, textStyle: '' });
const bodyOf = (children: unknown[]) => ({
  schemaVersion: 1,
  editorState: { root: block('root', children) },
});

function docxWith(p: XssPayload): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun(`Payload ${p.id}`)] }),
          new Paragraph({ children: [new TextRun(p.text)] }),
          new Paragraph({
            children: [
              new ExternalHyperlink({
                link: p.text.slice(0, 500) || 'x',
                children: [new TextRun(`link ${p.id}`)],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

interface Tally {
  pairs: number;
  refused: number;
  doors: Set<string>;
  failures: string[];
}

test.describe('hardening: XSS corpus through every door', () => {
  test.setTimeout(sized(15, 90) * 60_000);

  test(`${payloads.length} payloads × doors: 0 executed, 0 dialogs, 0 outbound requests`, async ({
    page,
    app,
  }) => {
    const origin = app.origin!;
    const probe: XssProbe = await installXssProbe(page.context(), origin);
    await page.reload();
    // The probe must see what it is there to see: a live handler, a dialog, a beacon.
    const control = await page.context().newPage();
    await control.setContent('<img src=x onerror="__xssHit(0); alert(1)"><img src="https://xss.invalid/0">');
    await expect
      .poll(() => [probe.hits.length, probe.dialogs.length, probe.outbound.length])
      .toEqual([1, 1, 1]);
    await probe.scan(control, 'control');
    expect(probe.liveMarkup).toEqual(['control: <img onerror>']);
    await control.close();
    probe.hits.length = probe.dialogs.length = probe.outbound.length = probe.liveMarkup.length = 0;
    const started = Date.now();
    const phase = (name: string) =>
      console.log(
        `[xss] ${name} after ${Math.round((Date.now() - started) / 1000)} s (load ${os.loadavg()[0].toFixed(1)})`,
      );
    const spent = new Map<string, number>();
    const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      try {
        return await work();
      } finally {
        spent.set(what, (spent.get(what) ?? 0) + performance.now() - t0);
      }
    };
    const spentSoFar = () => [...spent].map(([what, ms]) => `${what} ${(ms / 1000).toFixed(1)} s`).join(', ');
    const tally: Tally = { pairs: 0, refused: 0, doors: new Set(), failures: [] };
    const door = async (name: string, channel: string, input: unknown): Promise<Json | null> => {
      tally.pairs++;
      tally.doors.add(name);
      const r = await timed(`door ${name}`, () => call(page, origin, channel, input));
      if (!r.ok) {
        tally.refused++;
        if (r.error?.code === 'internal') tally.failures.push(`${name}: internal — ${r.error.message}`);
        return null;
      }
      return r.value ?? null;
    };
    const rated = new Set<string>();
    const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

    // A base article exported as Factdesk JSON: the JSON door replaces its marked values with each payload.
    const base = (await call(page, origin, 'articles:create', { headline: 'MARK-HEADLINE', language: 'de' }))
      .value!;
    const baseId = (base.meta as Json).id as string;
    await call(page, origin, 'articles:save', {
      id: baseId,
      baseRev: base.rev,
      meta: { kicker: 'MARK-KICKER', lead: 'MARK-LEAD' },
      body: bodyOf([
        para([
          text('SV Rotheide MARK-TEXT'),
          block('link', [text('MARK-LINK')], {
            url: 'https://sv-rotheide.example/mark',
            rel: null,
            target: null,
            title: null,
          }),
        ]),
      ]),
    });
    const jsonDir = path.join(app.dataDir, 'xss-json');
    fs.mkdirSync(jsonDir);
    await call(page, origin, 'export:article', {
      articleId: baseId,
      format: 'json',
      directory: jsonDir,
      fileName: 'base.factdesk.json',
    });
    const baseJson = fs.readFileSync(path.join(jsonDir, 'base.factdesk.json'), 'utf8');
    await call(page, origin, 'articles:trash', { id: baseId });
    await call(page, origin, 'articles:empty-trash', {});

    const pack = {
      format: 'factdesk-factpack',
      version: 1,
      title: 'XSS pack',
      entities: [] as Json[],
      sources: [] as Json[],
      deals: [] as Json[],
      quotes: [] as Json[],
    };
    const urlPack = { format: 'factdesk-factpack', version: 1, sources: [] as Json[] };
    /** The articles each payload made, in the order they came in. */
    const articlesOf = new Map<number, string[]>();
    await inPool(payloads, DOOR_WIDTH, async (p) => {
      const made: string[] = [];
      articlesOf.set(p.id, made);
      const imported = async (name: string, fileName: string, bytes: string | Buffer) => {
        const v = await door(name, 'import:file', { name: fileName, bytesBase64: b64(bytes) });
        if (v) made.push(v.articleId as string);
      };
      await imported(
        'HTML import',
        `p${p.id}.html`,
        `<h1>Payload ${p.id}</h1><p>${p.text}</p><p><a href="${p.text.replace(/"/g, '&quot;')}">link</a></p>`,
      );
      await imported(
        'Markdown import',
        `p${p.id}.md`,
        `# Payload ${p.id}\n\n${p.text}\n\n[link](${p.text})\n`,
      );
      await imported('DOCX import', `p${p.id}.docx`, await docxWith(p));
      const json = baseJson.replace(
        /"(MARK-[A-Z]+|https:\/\/sv-rotheide\.example\/mark)"/g,
        (_m, mark: string) => JSON.stringify(mark === 'MARK-HEADLINE' ? `Payload ${p.id} ${p.text}` : p.text),
      );
      await imported('Factdesk JSON import', `p${p.id}.factdesk.json`, json);
      await imported(
        'file name',
        `${p.text.replace(/[/\\]/g, '_').slice(0, 240)}.txt`,
        `Payload ${p.id} came in by its file name.`,
      );

      // Article fields, body text and a link, a claim with its note, a revision name: one article per payload.
      const created = await door('article fields', 'articles:create', {
        headline: p.text.slice(0, 300),
        language: 'en',
      });
      if (!created) return;
      const id = (created.meta as Json).id as string;
      made.push(id);
      const claimId = `xss${String(p.id).padStart(4, '0')}`;
      const saved = await door('article body', 'articles:save', {
        id,
        baseRev: created.rev,
        meta: {
          kicker: p.text.slice(0, 200),
          lead: p.text,
          byline: p.text.slice(0, 200),
          dateline: p.text.slice(0, 200),
        },
        body: bodyOf([
          para([text(`Payload ${p.id}: `), block('mark', [text(`claim ${p.text}`)], { ids: [claimId] })]),
          para([text(`FC Nordhafen ${p.text} `), text(p.text, 1)]),
        ]),
      });
      if (!saved) {
        // The store refused the body; the fields alone still go in.
        await door('article fields', 'articles:save', {
          id,
          baseRev: created.rev,
          meta: { kicker: p.text.slice(0, 200), lead: p.text },
        });
      }
      await door('article body link', 'articles:save', {
        id,
        baseRev: ((await call(page, origin, 'articles:get', { id })).value as Json).rev,
        body: bodyOf([
          para([block('link', [text('open')], { url: p.text, rel: null, target: null, title: p.text })]),
        ]),
      });
      const current = (await call(page, origin, 'articles:get', { id })).value as Json;
      await call(page, origin, 'articles:save', {
        id,
        baseRev: current.rev,
        body: bodyOf([
          para([text(`Payload ${p.id}: `), block('mark', [text(`claim ${p.text}`)], { ids: [claimId] })]),
          para([text(`FC Nordhafen ${p.text}`)]),
        ]),
      });
      const claimText = `claim ${p.text}`;
      const claim = await door('claim', 'claims:create', {
        articleId: id,
        id: claimId,
        text: claimText,
        context: { text: claimText, start: 0, end: claimText.length },
      });
      if (claim) await door('claim note', 'claims:update', { id: claimId, note: p.text });
      await door('revision name', 'revisions:create', { articleId: id, name: p.text.slice(0, 120) });
      // Comments: a thread on text (its mark is not in the body, so it shows as detached with the
      // payload as its quote), a reply, and a thread on the claim.
      const serial = String(p.id).padStart(4, '0');
      const commentBody = p.text.trim() === '' ? `Payload ${p.id}` : p.text.slice(0, 5000);
      const thread = await door('comment', 'comments:create', {
        articleId: id,
        id: `t-xss${serial}`,
        commentId: `k-xss${serial}a`,
        quote: p.text.slice(0, 2000),
        body: commentBody,
      });
      if (thread)
        await door('comment reply', 'comments:reply', {
          threadId: `t-xss${serial}`,
          commentId: `k-xss${serial}b`,
          body: `@${commentBody}`,
        });
      if (claim)
        await door('comment on claim', 'comments:create', {
          articleId: id,
          id: `t-xss${serial}c`,
          commentId: `k-xss${serial}c`,
          claimId,
          quote: claimText.slice(0, 2000),
          body: commentBody,
        });

      // Fact forms: every text field of every record type; the entity name also feeds detection.
      const entity = await door('fact form: entity', 'facts:entity-create', {
        kind: 'club',
        name: p.text.slice(0, 200),
        aliases: [`Alias ${p.id} ${p.text}`.slice(0, 200)],
        note: p.text,
      });
      const source = await door('fact form: source', 'facts:source-create', {
        kind: 'web_page',
        title: p.text.slice(0, 500),
        publisher: p.text.slice(0, 200),
        url: p.text.slice(0, 2000),
        notes: p.text,
      });
      // A rated claim citing the hostile source is what the ClaimReview export writes out.
      if (claim && (await call(page, origin, 'claims:set-status', { id: claimId, status: 'disputed' })).ok) {
        rated.add(id);
        if (source)
          await call(page, origin, 'claims:link', { id: claimId, refs: [{ type: 'source', id: source.id }] });
      }
      await door('fact form: deal', 'facts:deal-create', {
        kind: 'transfer',
        subject: p.text.slice(0, 500),
        precision: 'undisclosed',
        status: 'reported',
        notes: p.text,
      });
      if (entity) {
        await door('fact form: quote', 'facts:quote-create', {
          speakerId: entity.id,
          wording: p.text,
          language: 'de',
          occasion: 'interview',
          status: 'unverified',
          roleAtTime: p.text.slice(0, 300),
          notes: p.text,
        });
        await door('detection suggestion', 'detect:candidates', {
          suggestions: [{ text: p.text.slice(0, 200) }],
        });
      }
      // Text with a NUL is refused field by field (the forms above); in a pack it would refuse the whole pack.
      if (p.text.includes('\u0000')) return;
      pack.entities.push({
        id: `ent-xss-${p.id}`,
        kind: 'person',
        name: p.text.slice(0, 200),
        aliases: [`Alias ${p.text}`.slice(0, 200)],
        note: p.text,
      });
      pack.sources.push({
        id: `src-xss-${p.id}`,
        kind: 'web_page',
        title: p.text.slice(0, 500),
        publisher: p.text.slice(0, 200),
        url: `https://sv-rotheide.example/${p.id}`,
        notes: p.text,
      });
      pack.deals.push({
        id: `deal-xss-${p.id}`,
        kind: 'transfer',
        subject: p.text.slice(0, 500),
        precision: 'undisclosed',
        status: 'reported',
        notes: p.text,
      });
      pack.quotes.push({
        id: `quote-xss-${p.id}`,
        speakerId: `ent-xss-${p.id}`,
        wording: p.text,
        language: 'de',
        occasion: 'interview',
        status: 'unverified',
        notes: p.text,
      });
      urlPack.sources.push({
        id: `src-xssurl-${p.id}`,
        kind: 'web_page',
        title: `Source ${p.id}`,
        url: p.text.slice(0, 2000),
      });
    });
    // A pack is all-or-nothing: the one with hostile URLs is refused whole, the other goes in.
    const packed = await door('fact pack', 'facts:import-pack', { pack });
    if (packed?.applied !== true)
      tally.failures.push(
        `the fact pack with payloads in its text fields was refused: ${JSON.stringify(packed).slice(0, 300)}`,
      );
    await door('fact pack URLs', 'facts:import-pack', { pack: urlPack });

    phase(`doors (${spentSoFar()})`);
    spent.clear();
    // Paste: HTML and plain text on the clipboard, into a fresh article in the editor.
    const bodyBox = page.getByRole('textbox', { name: 'Article body' });
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Articles' })
      .getByRole('button', { name: 'New article' })
      .click();
    await expect(page.getByRole('textbox', { name: 'Headline' })).toBeFocused();
    await page.getByRole('textbox', { name: 'Headline' }).fill('Pasted payloads');
    for (const p of payloads) {
      tally.pairs++;
      tally.doors.add('paste');
      await bodyBox.click();
      await bodyBox.evaluate((el, html) => {
        const dt = new DataTransfer();
        dt.setData('text/html', html);
        dt.setData('text/plain', html);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      }, p.text);
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('status', { name: 'Status' })).toContainText('Saved');
    await probe.scan(page, 'editor after paste');
    phase('paste');
    const listed = (await call(page, origin, 'articles:list', {})).value as unknown as {
      id: string;
      headline: string;
    }[];
    const pastedId = listed.find((a) => a.headline === 'Pasted payloads')?.id;
    expect(pastedId).toBeTruthy();

    // Every payload's articles, and the pasted one.
    const articles = [...[...articlesOf.values()].flat(), pastedId!];
    const headlineOf = new Map(listed.map((a) => [a.id, a.headline]));

    // The app opens every article that came in, with its comment threads, and the facts panel its
    // records. It runs beside the exports (its page and the export pages are separate documents).
    let shown = 0;
    /** Articles that opened only at the second try (named in the figures, not failures). */
    const appRetried: string[] = [];
    const appPhase = async (): Promise<void> => {
      await page.reload();
      await page.getByRole('tab', { name: 'Comments' }).click();
      await expect(
        page.getByRole('navigation', { name: 'Articles' }).getByRole('listbox', { name: 'Article list' }),
      ).toBeVisible();
      // Control: live markup put into the app's page must be seen by the same walk the loop runs.
      const appControl = await page.evaluate<string[]>(
        `(() => {
          const img = document.createElement('img');
          img.setAttribute('onerror', '__xssHit(0)');
          img.id = 'xss-control';
          document.body.append(img);
          const found = (${LIVE_MARKUP_WALKER})();
          img.remove();
          return found;
        })()`,
      );
      expect(appControl).toEqual(['<img onerror>']);
      const openAndScan = (id: string) =>
        timed('app open+walk', () =>
          page.evaluate<{ error?: string; found?: string[]; openMs?: number; walkMs?: number }>(
            `(${OPEN_AND_SCAN})(${LIVE_MARKUP_WALKER}, ${JSON.stringify(id)}, ${JSON.stringify(headlineOf.get(id) ?? '')})`,
          ),
        );
      for (const id of articles) {
        let r = await openAndScan(id);
        // An open a loaded machine starved is tried once more before it counts; the second try
        // must open and scan the article in full, or both attempts' reasons are the failure.
        if (r.error || !r.found) {
          const first = r.error ?? 'not scanned';
          appRetried.push(id);
          phase(`app: article ${id} ${first}; trying it once more`);
          r = await openAndScan(id);
          if (r.error || !r.found) {
            tally.failures.push(`app: article ${id} ${r.error ?? 'not scanned'} (first try: ${first})`);
            continue;
          }
        }
        shown++;
        spent.set('app in-page open', (spent.get('app in-page open') ?? 0) + (r.openMs ?? 0));
        spent.set('app in-page walk', (spent.get('app in-page walk') ?? 0) + (r.walkMs ?? 0));
        for (const f of r.found) probe.liveMarkup.push(`app article ${id}: ${f}`);
        if (shown % 100 === 0) phase(`app: ${shown} of ${articles.length} articles; ${soFar()}`);
      }
      await page.getByRole('tab', { name: 'Claims' }).click();
      phase(`app (${shown} articles)`);
      const panel = page.getByRole('complementary', { name: 'Facts and claims' });
      for (const kind of ['Deals', 'Quotes', 'Sources']) {
        const radio = panel.getByRole('radio', { name: kind });
        if (await radio.count()) {
          await radio.check();
          await probe.scan(page, `facts ${kind}`);
        }
      }
    };

    // Every export of every article, opened the way its reader would open it: a batch of articles'
    // exports at a time, each file in a frame of its own (its own document, parsed as its type),
    // beside a live control frame of its own the probe must catch, or the batch does not count.
    // Batches overlap (one is written while another is read), so each page's control is told
    // apart by its batch number in the hit's frame, the alert and the beacon.
    const exportDir = path.join(app.dataDir, 'xss-exports');
    fs.mkdirSync(exportDir);
    const exported = {
      html: 0,
      'annotated html': 0,
      md: 0,
      claimreview: 0,
      report: 0,
      docx: 0,
      newsml: 0,
      nitf: 0,
      'annotated html with comments': 0,
      'docx with comments': 0,
    };
    type Format = keyof typeof exported;
    // Markdown is read the most dangerous way a CMS could: CommonMark with raw HTML passed through.
    const markdown = new MarkdownIt({ html: true, linkify: true });
    const docxReader = mammothThread();
    const ext: Record<string, string> = {
      newsml: 'newsml.xml',
      nitf: 'nitf.xml',
      claimreview: 'claimreview.jsonld',
      report: 'factcheck.html',
    };
    const page8 = (body: string) => `<!doctype html><meta charset="utf-8"><title>export</title>${body}`;
    const controls = { batches: 0, hits: 0, dialogs: 0, outbound: 0, markup: 0 };
    const controlFile = (n: number) => `control-${n}.html`;
    const isControlHit = (h: { id: number; url: string }, n?: number) =>
      h.id === 0 &&
      (n === undefined ? /\/control-\d+\.html$/.test(h.url) : h.url.endsWith(`/${controlFile(n)}`));
    const isControlDialog = (d: string, n?: number) =>
      n === undefined ? /^alert: control \d+$/.test(d) : d === `alert: control ${n}`;
    const isControlRequest = (u: string, n?: number) =>
      n === undefined
        ? /^https:\/\/xss\.invalid\/control-\d+$/.test(u)
        : u === `https://xss.invalid/control-${n}`;
    // Every failure by name, so a run that ends early or fails says which articles and files, not only the first.
    const failuresNamed = () =>
      tally.failures.length ? ` (${tally.failures.map((f) => f.slice(0, 200)).join('; ')})` : '';
    // What a run stopped before its end can still report.
    const soFar = () =>
      `so far: executed ${probe.hits.filter((h) => !isControlHit(h)).length}, dialogs ${
        probe.dialogs.filter((d) => !isControlDialog(d)).length
      }, outbound ${probe.outbound.filter((u) => !isControlRequest(u)).length}, live markup ${
        probe.liveMarkup.length
      }, controls caught ${controls.batches}, app retried ${appRetried.length}, failures ${
        tally.failures.length
      }${failuresNamed()}`;
    interface Opened {
      format: Format;
      file: string;
      /** ClaimReview: the JSON the embedded element must still parse to. */
      jsonLd?: string;
    }

    /** Writes every export of a batch's articles, each as the file its reader opens. */
    const writeBatch = async (batch: readonly string[]): Promise<Opened[]> => {
      const jobs: { id: string; i: number; name: Format }[] = [];
      for (const id of batch) {
        const i = articles.indexOf(id);
        for (const name of Object.keys(exported) as Format[])
          if (name !== 'claimreview' || rated.has(id)) jobs.push({ id, i, name });
      }
      const frames: Opened[] = [];
      await inPool(jobs, EXPORT_WIDTH, async ({ id, i, name }) => {
        const annotated = name === 'annotated html' || name === 'annotated html with comments';
        const withComments = name === 'annotated html with comments' || name === 'docx with comments';
        const format = name === 'docx with comments' ? 'docx' : annotated ? 'html' : name;
        const fileName = `a${i}${withComments ? '.comments' : ''}.${annotated ? 'annotated.html' : (ext[format] ?? format)}`;
        const r = await timed(`export ${name}`, () =>
          call(page, origin, 'export:article', {
            articleId: id,
            format,
            directory: exportDir,
            fileName,
            ...(annotated ? { annotated: true } : {}),
            ...(withComments ? { comments: true } : {}),
          }),
        );
        if (!r.ok) {
          tally.failures.push(`export ${name} of ${id}: ${r.error?.message}`);
          return;
        }
        const file = path.join(exportDir, fileName);
        if (format === 'docx') {
          const html = await timed('mammoth', () => docxReader.toHtml(file));
          fs.writeFileSync(`${file}.mammoth.html`, page8(html));
          frames.push({ format: name, file: `${fileName}.mammoth.html` });
        } else if (format === 'md') {
          fs.writeFileSync(`${file}.html`, page8(markdown.render(fs.readFileSync(file, 'utf8'))));
          frames.push({ format: name, file: `${fileName}.html` });
        } else if (format === 'claimreview') {
          // Embedded as publishers embed it: one JSON-LD script element in the article page.
          const jsonLd = fs.readFileSync(file, 'utf8');
          fs.writeFileSync(
            `${file}.html`,
            page8(`<script type="application/ld+json">${jsonLd}</script><p>after</p>`),
          );
          frames.push({ format: name, file: `${fileName}.html`, jsonLd: JSON.stringify(JSON.parse(jsonLd)) });
        } else frames.push({ format: name, file: fileName });
      });
      return frames;
    };

    /** Opens a batch's files as frames of one page beside its control frame, and scans every frame. */
    const readBatch = async (n: number, frames: readonly Opened[]): Promise<void> => {
      fs.writeFileSync(
        path.join(exportDir, controlFile(n)),
        '<!doctype html><meta charset="utf-8"><title>control</title>' +
          `<img src="missing-control.png" onerror="__xssHit(0); alert('control ${n}')">` +
          `<img src="https://xss.invalid/control-${n}">`,
      );
      const batchFile = path.join(exportDir, `batch-${n}.html`);
      fs.writeFileSync(
        batchFile,
        page8(
          [
            `<iframe name="control" src="${controlFile(n)}"></iframe>`,
            ...frames.map((f, k) => `<iframe name="f${k}" src="${encodeURI(f.file)}"></iframe>`),
          ].join('\n'),
        ),
      );
      const viewer = await page.context().newPage();
      try {
        await timed('page load', () => viewer.goto(`file://${batchFile}`, { waitUntil: 'load' }));
        // The control frame's handler, dialog and beacon must all arrive before the batch counts.
        await timed('controls', () =>
          expect
            .poll(() => [
              probe.hits.filter((h) => isControlHit(h, n)).length,
              probe.dialogs.filter((d) => isControlDialog(d, n)).length,
              probe.outbound.filter((u) => isControlRequest(u, n)).length,
            ])
            .toEqual([1, 1, 1]),
        );
        controls.batches++;
        const children = viewer.mainFrame().childFrames();
        const control = children.find((f) => f.name() === 'control');
        // Read directly, not through probe.scan: other batches' findings go into the probe meanwhile.
        const seen = await control
          ?.evaluate<string[]>(`(${LIVE_MARKUP_WALKER})()`)
          .catch((err: Error) => [`unreadable: ${err.message}`]);
        if (seen?.length === 1 && seen[0] === '<img onerror>') controls.markup++;
        else
          tally.failures.push(
            `batch ${n}: the control frame's live markup was not seen: ${seen?.join(', ')}`,
          );
        const opened = new Set<string>();
        await timed('frame scans', () =>
          inPool(
            children.filter((f) => f !== control),
            SCAN_WIDTH,
            async (frame) => {
              const name = frame.name();
              const file = frames[Number(name.slice(1))];
              if (!file || !frame.url().startsWith('file://')) {
                tally.failures.push(`batch ${n}: frame ${name} did not open (${frame.url()})`);
                return;
              }
              opened.add(name);
              if (file.jsonLd !== undefined) {
                const inert = await frame.evaluate((expected) => {
                  const scripts = [...document.scripts];
                  let same = false;
                  try {
                    same =
                      scripts.length === 1 &&
                      JSON.stringify(JSON.parse(scripts[0].textContent ?? '')) === expected;
                  } catch {
                    same = false;
                  }
                  // The JSON-LD element holds the payloads as inert data; the probe looks at what is left.
                  scripts[0]?.remove();
                  return same;
                }, file.jsonLd);
                if (!inert)
                  probe.liveMarkup.push(
                    `claimreview ${file.file}: the JSON-LD did not stay one inert script element`,
                  );
              }
              if (await probe.scan(frame, `${file.format} export ${file.file}`)) exported[file.format]++;
              else tally.failures.push(`batch ${n}: ${file.file} could not be read`);
            },
          ),
        );
        if (opened.size !== frames.length)
          tally.failures.push(
            `batch ${n}: ${frames.length - opened.size} of ${frames.length} frames missing`,
          );
      } finally {
        await viewer.close();
      }
    };

    const batches: string[][] = [];
    for (let i = 0; i < articles.length; i += EXPORT_BATCH) batches.push(articles.slice(i, i + EXPORT_BATCH));
    const exportPhase = async (): Promise<void> => {
      let read = 0;
      await inPool(batches, BATCH_WIDTH, async (batch, n) => {
        const frames = await writeBatch(batch);
        await readBatch(n, frames);
        if (++read % 10 === 0) phase(`exports: ${read} of ${batches.length} pages; ${soFar()}`);
      });
      phase(`exports (${batches.length} pages)`);
    };

    // PDF: one Chromium start per print, so each PDF is of a combined article holding the stored
    // fields and body of every article of a group of payloads (the pasted article with the first).
    const pdf = { files: 0, articles: 0 };
    const pdfPhase = async (): Promise<void> => {
      const pdfGroups: string[][] = [];
      const payloadIds = [...articlesOf.keys()];
      for (let i = 0; i < payloadIds.length; i += PDF_GROUP)
        pdfGroups.push(payloadIds.slice(i, i + PDF_GROUP).flatMap((pid) => articlesOf.get(pid) ?? []));
      pdfGroups[0]?.push(pastedId!);
      for (const [g, group] of pdfGroups.entries()) {
        const children: unknown[] = [];
        for (const id of group) {
          const doc = (await call(page, origin, 'articles:get', { id })).value as Json;
          const meta = doc.meta as Record<string, string>;
          const root = (doc.body as { editorState: { root: { children: unknown[] } } }).editorState.root;
          const fields = ['kicker', 'headline', 'lead', 'byline', 'dateline'].map((f) => meta[f] ?? '');
          children.push(para([text(fields.join(' · '))]), ...root.children);
        }
        const combined = (
          await call(page, origin, 'articles:create', { headline: `PDF group ${g}`, language: 'en' })
        ).value as Json;
        const combinedId = (combined.meta as Json).id as string;
        const saved = await call(page, origin, 'articles:save', {
          id: combinedId,
          baseRev: combined.rev,
          body: bodyOf(children),
        });
        if (!saved.ok) {
          tally.failures.push(`PDF group ${g}: the combined article was refused: ${saved.error?.message}`);
          continue;
        }
        const fileName = `pdf-group-${g}.pdf`;
        const r = await call(page, origin, 'export:article', {
          articleId: combinedId,
          format: 'pdf',
          directory: exportDir,
          fileName,
        });
        if (!r.ok) {
          tally.failures.push(`export pdf of group ${g}: ${r.error?.message}`);
          continue;
        }
        const bytes = fs.readFileSync(path.join(exportDir, fileName)).toString('latin1');
        for (const bad of [
          '/JavaScript',
          '/JS ',
          '/JS(',
          '/Launch',
          '/SubmitForm',
          '(javascript:',
          '(vbscript:',
          '(data:text/html',
        ])
          if (bytes.includes(bad)) probe.liveMarkup.push(`pdf ${fileName}: ${bad}`);
        pdf.files++;
        pdf.articles += group.length;
      }
      phase(`pdf (${pdf.files} files)`);
    };

    // The app and the PDFs (whose combined articles join the list once the app is through) beside the exports.
    try {
      await Promise.all([appPhase().then(pdfPhase), exportPhase()]);
    } finally {
      await docxReader.close();
    }
    controls.hits = probe.hits.filter((h) => isControlHit(h)).length;
    controls.dialogs = probe.dialogs.filter((d) => isControlDialog(d)).length;
    controls.outbound = probe.outbound.filter((u) => isControlRequest(u)).length;
    phase(`all opened; time summed per step (parallel steps overlap): ${spentSoFar()}`);

    const hits = probe.hits.filter((h) => !isControlHit(h));
    const dialogs = probe.dialogs.filter((d) => !isControlDialog(d));
    const outbound = probe.outbound.filter((u) => !isControlRequest(u));
    const opened = Object.values(exported).reduce((a, b) => a + b, 0);
    const executed = new Set(hits.map((h) => h.id)).size;
    recordFigure({
      suite: 'XSS corpus',
      tried:
        `${payloads.length} payloads${every > 1 ? ` (every ${every}th of ${corpus.length})` : ''} × ${tally.doors.size} doors = ${tally.pairs.toLocaleString('en')} pairs (${tally.refused} refused); ` +
        `app opened ${shown} of ${articles.length} articles (every payload's); ` +
        `${opened.toLocaleString('en')} export files opened in ${controls.batches} pages (${Object.entries(
          exported,
        )
          .map(([f, k]) => `${f} ${k}`)
          .join(', ')}); pdf ${pdf.files} files holding ${pdf.articles} articles`,
      lost: 0,
      executed: hits.length + dialogs.length + outbound.length + probe.liveMarkup.length,
      partial: 0,
      note:
        `executed ${executed}, dialogs ${dialogs.length}, outbound ${outbound.length}, live markup ${probe.liveMarkup.length}; ` +
        `live controls caught ${controls.hits}/${controls.batches} handlers, ${controls.dialogs} dialogs, ${controls.outbound} beacons, ${controls.markup} markup; ` +
        `app articles opened at the second try ${appRetried.length}${appRetried.length ? ` (${appRetried.join(', ')})` : ''}; ` +
        `failures ${tally.failures.length}${failuresNamed()}`,
    });
    expect(tally.failures, tally.failures.join('\n')).toEqual([]);
    expect(controls).toEqual({
      batches: batches.length,
      hits: batches.length,
      dialogs: batches.length,
      outbound: batches.length,
      markup: batches.length,
    });
    expect(shown).toBe(articles.length);
    for (const [format, count] of Object.entries(exported))
      expect(count, format).toBe(format === 'claimreview' ? [...rated].length : articles.length);
    expect(pdf.articles).toBe(articles.length);
    expect(hits, JSON.stringify(hits.slice(0, 10))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(outbound).toEqual([]);
    expect(probe.liveMarkup, probe.liveMarkup.slice(0, 20).join('\n')).toEqual([]);
  });
});
