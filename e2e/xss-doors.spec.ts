import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import { test, expect } from './fixtures';
import { installXssProbe, type XssProbe } from './xssProbe';
import { loadXssCorpus, type XssPayload } from '../tests/hardening/xssCorpus';
import { recordFigure } from '../tests/hardening/figures';
import { sized } from '../tests/hardening/size';

/**
 * XSS corpus × doors: every payload goes in through every way text enters Factdesk (imports,
 * article fields and body, fact forms, fact packs, claims, detection, revision names, file names,
 * paste, comment threads on text and on claims), then the app shows each result and every export
 * (the annotated HTML and the DOCX with comments included) is opened in Chromium with a probe
 * that records execution, dialogs, outbound requests and live markup. CI size takes every 30th payload; FACTDESK_HARDENING=full takes all.
 */
const corpus = loadXssCorpus();
const payloads = sized(
  corpus.filter((_, i) => i % 30 === 0),
  corpus,
);
const PDF_EVERY = sized(10, 40);
// Every payload goes through every door at both sizes; at full size the app and the exports show
// the articles of every RENDER_EVERY-th payload (all of them would take hours on two cores).
const RENDER_EVERY = sized(1, 5);

type Json = Record<string, unknown>;

async function call(
  page: Page,
  origin: string,
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; value?: Json; error?: { code: string; message: string } }> {
  const res = await page.request.post(`${origin}/api/${channel}`, { data: input ?? {}, headers: { origin } });
  return (await res.json()) as { ok: boolean; value?: Json; error?: { code: string; message: string } };
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
  articles: string[];
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
      console.log(`[xss] ${name} after ${Math.round((Date.now() - started) / 1000)} s`);
    const tally: Tally = { pairs: 0, refused: 0, doors: new Set(), articles: [], failures: [] };
    const door = async (name: string, channel: string, input: unknown): Promise<Json | null> => {
      tally.pairs++;
      tally.doors.add(name);
      const r = await call(page, origin, channel, input);
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
    const rendered = new Set<string>();
    for (const [index, p] of payloads.entries()) {
      const render = index % RENDER_EVERY === 0;
      const imported = async (name: string, fileName: string, bytes: string | Buffer) => {
        const v = await door(name, 'import:file', { name: fileName, bytesBase64: b64(bytes) });
        if (v) tally.articles.push(v.articleId as string);
        if (v && render) rendered.add(v.articleId as string);
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
      if (!created) continue;
      const id = (created.meta as Json).id as string;
      tally.articles.push(id);
      if (render) rendered.add(id);
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
      if (p.text.includes('\u0000')) continue;
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
    }
    // A pack is all-or-nothing: the one with hostile URLs is refused whole, the other goes in.
    const packed = await door('fact pack', 'facts:import-pack', { pack });
    if (packed?.applied !== true)
      tally.failures.push(
        `the fact pack with payloads in its text fields was refused: ${JSON.stringify(packed).slice(0, 300)}`,
      );
    await door('fact pack URLs', 'facts:import-pack', { pack: urlPack });

    phase('doors');
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
    const listed = (await call(page, origin, 'articles:list', {})).value as unknown as {
      id: string;
      headline: string;
    }[];
    const pastedId = listed.find((a) => a.headline === 'Pasted payloads')?.id;
    expect(pastedId).toBeTruthy();

    // The app shows every article that came in with its comment threads, and the facts panel its records.
    await page.reload();
    await page.getByRole('tab', { name: 'Comments' }).click();
    const list = page
      .getByRole('navigation', { name: 'Articles' })
      .getByRole('listbox', { name: 'Article list' });
    const options = list.getByRole('option');
    await expect(options.first()).toBeVisible();
    const count = await options.count();
    let shown = 0;
    for (let i = 0; i < count; i++) {
      const optionId = ((await options.nth(i).getAttribute('id')) ?? '').replace('article-option-', '');
      if (!rendered.has(optionId) && optionId !== pastedId) continue;
      shown++;
      await options.nth(i).click();
      await expect(options.nth(i)).toHaveClass(/is-open/);
      await expect(bodyBox).toBeVisible();
      await probe.scan(page, `app article ${i}`);
    }
    await page.getByRole('tab', { name: 'Claims' }).click();
    phase('app');
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    for (const kind of ['Deals', 'Quotes', 'Sources']) {
      const radio = panel.getByRole('radio', { name: kind });
      if (await radio.count()) {
        await radio.check();
        await probe.scan(page, `facts ${kind}`);
      }
    }

    // Every export of every article, opened the way its reader would open it.
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
      pdf: 0,
      'annotated html with comments': 0,
      'docx with comments': 0,
    };
    // Markdown is read the most dangerous way a CMS could: CommonMark with raw HTML passed through.
    const markdown = new MarkdownIt({ html: true, linkify: true });
    const viewer = await page.context().newPage();
    const articles = ((await call(page, origin, 'articles:list', {})).value as unknown as { id: string }[])
      .map((a) => a.id)
      .filter((id) => rendered.has(id) || id === pastedId);
    const ext: Record<string, string> = {
      newsml: 'newsml.xml',
      nitf: 'nitf.xml',
      claimreview: 'claimreview.jsonld',
      report: 'factcheck.html',
    };
    for (const [i, id] of articles.entries()) {
      const formats: (keyof typeof exported)[] = [
        'html',
        'annotated html',
        'md',
        ...(rated.has(id) ? (['claimreview'] as const) : []),
        'report',
        'docx',
        'newsml',
        'nitf',
        ...(i % PDF_EVERY === 0 ? (['pdf'] as const) : []),
        'annotated html with comments',
        'docx with comments',
      ];
      for (const name of formats) {
        const annotated = name === 'annotated html' || name === 'annotated html with comments';
        const withComments = name === 'annotated html with comments' || name === 'docx with comments';
        const format = name === 'docx with comments' ? 'docx' : annotated ? 'html' : name;
        const fileName = `a${i}${withComments ? '.comments' : ''}.${annotated ? 'annotated.html' : (ext[format] ?? format)}`;
        const extra = {
          ...(annotated ? { annotated: true } : {}),
          ...(withComments ? { comments: true } : {}),
        };
        const r = await call(page, origin, 'export:article', {
          articleId: id,
          format,
          directory: exportDir,
          fileName,
          ...extra,
        });
        if (!r.ok) {
          tally.failures.push(`export ${name} of ${id}: ${r.error?.message}`);
          continue;
        }
        const file = path.join(exportDir, fileName);
        exported[name]++;
        if (format === 'docx') {
          const { value: html } = await mammoth.convertToHtml({ path: file });
          await viewer.setContent(html);
        } else if (format === 'md') {
          await viewer.setContent(markdown.render(fs.readFileSync(file, 'utf8')));
          if (process.env.XSS_DUMP) fs.copyFileSync(file, path.join(process.env.XSS_DUMP, fileName));
        } else if (format === 'claimreview') {
          // Embedded as publishers embed it: one JSON-LD script element in the article page.
          const jsonLd = fs.readFileSync(file, 'utf8');
          await viewer.setContent(
            `<!doctype html><title>claim review</title><script type="application/ld+json">${jsonLd}</script><p>after</p>`,
          );
          const scripts = await viewer.evaluate(() =>
            [...document.scripts].map((el) => el.textContent ?? ''),
          );
          const sameJson = (text: string) => {
            try {
              return JSON.stringify(JSON.parse(text)) === JSON.stringify(JSON.parse(jsonLd));
            } catch {
              return false;
            }
          };
          if (scripts.length !== 1 || !sameJson(scripts[0])) {
            probe.liveMarkup.push(
              `claimreview ${fileName}: the JSON-LD did not stay one inert script element`,
            );
          }
          // The JSON-LD element holds the payloads as inert data; the probe looks at what is left.
          await viewer.evaluate(() => document.querySelector('script[type="application/ld+json"]')?.remove());
        } else if (format === 'pdf') {
          const pdf = fs.readFileSync(file).toString('latin1');
          for (const bad of [
            '/JavaScript',
            '/JS ',
            '/JS(',
            '/Launch',
            '/SubmitForm',
            '(javascript:',
            '(vbscript:',
            '(data:text/html',
          ]) {
            if (pdf.includes(bad)) probe.liveMarkup.push(`pdf ${fileName}: ${bad}`);
          }
          continue;
        } else {
          await viewer.goto(`file://${file}`);
        }
        await viewer.waitForTimeout(20);
        await probe.scan(viewer, `${name} export ${fileName}`);
      }
    }
    await viewer.close();
    phase('exports');

    const executed = new Set(probe.hits.map((h) => h.id)).size;
    recordFigure({
      suite: 'XSS corpus',
      tried: `${payloads.length} payloads × ${tally.doors.size} doors = ${tally.pairs.toLocaleString('en')} pairs (${tally.refused} refused); ${shown} articles shown (of ${count}); exports ${Object.entries(
        exported,
      )
        .map(([f, n]) => `${f} ${n}`)
        .join(', ')}`,
      lost: 0,
      executed: probe.hits.length + probe.dialogs.length + probe.liveMarkup.length,
      partial: 0,
      note: `executed ${executed}, dialogs ${probe.dialogs.length}, outbound ${probe.outbound.length}, live markup ${probe.liveMarkup.length}`,
    });
    expect(tally.failures, tally.failures.slice(0, 10).join('\n')).toEqual([]);
    expect(probe.hits, JSON.stringify(probe.hits.slice(0, 10))).toEqual([]);
    expect(probe.dialogs).toEqual([]);
    expect(probe.outbound).toEqual([]);
    expect(probe.liveMarkup, probe.liveMarkup.slice(0, 20).join('\n')).toEqual([]);
  });
});
