import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../shared/article/blocks';
import type { ExportFormat } from '../../shared/contract/transfer';
import { insertCorrection, markCorrectionsExported, withdrawCorrection } from '../../store/corrections';
import { deskCorrectionState } from '../../store/desk-corrections';
import { buildFactPack } from '../../store/factpacks';
import { readStoredFile } from '../../store/files';
import { createPdfPrinter, findChromium } from '../export/pdf';
import { pdfPagesText } from '../export/pdfText.testing';
import { importFile } from '../import';
import { dispatch, type HandlerContext } from './index';
import {
  AMOUNT,
  ATTACHMENT,
  ATTACHMENT_HASH,
  HEADLINE,
  NBSP,
  QUOTE,
  articleBody,
  disposeContext,
  seedArticle,
  tempContext,
  value,
} from './transfer.fixture';

const chromium = findChromium();
const haveChromium = typeof chromium === 'string';

let ctx: HandlerContext;
let articleId: string;
let out: string;

beforeEach(async () => {
  ctx = tempContext('factdesk-transfer-');
  articleId = await seedArticle(ctx);
  out = path.join(ctx.dataDir, 'out');
});
afterEach(() => disposeContext(ctx));

async function exportTo(
  format: ExportFormat,
  fileName: string,
  extra: { annotated?: boolean; overwrite?: boolean } = {},
) {
  return value(dispatch('export:article', { articleId, format, directory: out, fileName, ...extra }, ctx));
}

const read = (file: string) => fs.readFileSync(file, 'utf8');
const bodyText = () => plainText(articleBody());

describe('export:article', () => {
  it('writes clean HTML that a DOM parser reads with the headline, the claim text unmarked and German typography intact', async () => {
    const result = await exportTo('html', 'artikel.html');
    expect(result.path).toBe(path.join(out, 'artikel.html'));
    const html = read(result.path);
    const dom = new JSDOM(html);
    const doc = dom.window.document;
    expect(doc.querySelector('h1')?.textContent).toBe(HEADLINE);
    expect(doc.body.textContent).toContain(QUOTE);
    expect(doc.body.textContent).toContain(`7${NBSP}Millionen Euro`);
    expect(doc.body.textContent).toContain('Weißach');
    expect(doc.querySelectorAll('mark')).toHaveLength(0);
    expect(result.bytes).toBe(Buffer.byteLength(html));
  });

  it('writes the annotated HTML with each claim numbered and a note per claim', async () => {
    const result = await exportTo('html', 'annotiert.html', { annotated: true });
    const doc = new JSDOM(read(result.path)).window.document;
    expect(doc.querySelectorAll('mark').length).toBeGreaterThanOrEqual(2);
    expect(doc.querySelectorAll('sup').length).toBeGreaterThanOrEqual(2);
    expect(doc.body.textContent).toContain('Kurier nennt 6,5 Mio. – Rückfrage läuft.');
  });

  it('writes Markdown, text and DOCX that import back to the same body text', async () => {
    for (const [format, name] of [
      ['md', 'a.md'],
      ['txt', 'a.txt'],
      ['docx', 'a.docx'],
    ] as const) {
      const result = await exportTo(format, name);
      const back = await importFile(result.path);
      expect(back.meta.headline, format).toBe(HEADLINE);
      // Plain text has no place for lead, byline and dateline: they come back as the first paragraphs.
      if (format === 'txt') expect(plainText(back.body).endsWith(`\n${bodyText()}`)).toBe(true);
      else expect(plainText(back.body), format).toBe(bodyText());
    }
    const raw = await mammoth.extractRawText({ path: path.join(out, 'a.docx') });
    expect(raw.value).toContain(QUOTE);
    expect(raw.value).toContain(AMOUNT);
  });

  it('writes NewsML-G2 and NITF as well-formed XML carrying the headline and body', async () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const newsml = read((await exportTo('newsml', 'a.newsml.xml')).path);
    expect(XMLValidator.validate(newsml)).toBe(true);
    expect(JSON.stringify(parser.parse(newsml).newsItem.contentMeta)).toContain('Strivo zahlt Rotheide');
    expect(newsml).toContain(QUOTE);
    const nitf = read((await exportTo('nitf', 'a.nitf.xml')).path);
    expect(XMLValidator.validate(nitf)).toBe(true);
    expect(parser.parse(nitf).nitf.head.title).toBe(HEADLINE);
    expect(nitf).toContain(AMOUNT);
  });

  it('writes ClaimReview JSON-LD for the rated claims only', async () => {
    const reviews = JSON.parse(read((await exportTo('claimreview', 'a.jsonld')).path)) as {
      claimReviewed: string;
      reviewRating: { ratingValue: number };
    }[];
    expect(reviews.map((r) => [r.claimReviewed, r.reviewRating.ratingValue])).toEqual([
      [QUOTE, 5],
      [AMOUNT, 2],
    ]);
  });

  it('refuses ClaimReview when nothing is rated, saying why', async () => {
    await value(dispatch('claims:set-status', { id: 'c-quote', status: 'unchecked' }, ctx));
    await value(dispatch('claims:set-status', { id: 'c-amount', status: 'unchecked' }, ctx));
    const result = await dispatch(
      'export:article',
      { articleId, format: 'claimreview', directory: out, fileName: 'x.jsonld' },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/No claim in this article has been rated/);
    expect(fs.existsSync(path.join(out, 'x.jsonld'))).toBe(false);
  });

  it('writes the fact-check report with the gate override', async () => {
    const doc = new JSDOM(read((await exportTo('report', 'a.factcheck.html')).path)).window.document;
    expect(doc.body.textContent).toContain('Betrag vom Verein bestätigt, Kurier irrt.');
  });

  it.skipIf(!haveChromium)(
    'prints clean and annotated PDFs that a PDF reader finds the text in',
    async () => {
      // One browser for both documents: starting Chromium is most of a PDF's cost.
      const printer = await createPdfPrinter({ timeoutMs: 80_000 });
      ctx.platform.printToPdf = (html) => printer.print(html);
      try {
        const clean = fs.readFileSync((await exportTo('pdf', 'a.pdf')).path);
        expect(clean.subarray(0, 5).toString()).toBe('%PDF-');
        const text = (await pdfPagesText(clean)).join(' ').replace(/\s+/g, ' ');
        expect(text).toContain('„Für uns ist das ein großer Schritt nach vorn“');
        const annotated = (
          await pdfPagesText(fs.readFileSync((await exportTo('pdf', 'b.pdf', { annotated: true })).path))
        ).join(' ');
        expect(annotated.replace(/\s+/g, ' ')).toContain('Kurier nennt 6,5 Mio.');
      } finally {
        await printer.close();
      }
    },
  );

  it('says clearly that no Chromium was found when the shell cannot print, and writes nothing', async () => {
    ctx.platform.printToPdf = async () => {
      throw Object.assign(new Error('No Chromium found'), {
        code: 'CHROMIUM_NOT_FOUND',
        searched: ['/usr/bin/chromium'],
      });
    };
    const result = await dispatch(
      'export:article',
      { articleId, format: 'pdf', directory: out, fileName: 'a.pdf' },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unavailable');
      expect(result.error.message).toMatch(/^No Chromium found — install chromium or set FACTDESK_CHROMIUM/);
      expect(result.error.message).toContain('/usr/bin/chromium');
    }
    delete ctx.platform.printToPdf;
    const without = await dispatch(
      'export:article',
      { articleId, format: 'pdf', directory: out, fileName: 'a.pdf' },
      ctx,
    );
    expect(without.ok || without.error.message).toMatch(/No Chromium found/);
    expect(fs.existsSync(path.join(out, 'a.pdf'))).toBe(false);
    const formats = await value(dispatch('export:formats', {}, ctx));
    expect(formats.find((f) => f.id === 'pdf')?.available).toBe(false);
  });

  it('never replaces an existing file unless asked, and then replaces it whole', async () => {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'a.txt'), 'alter Text');
    const refused = await dispatch(
      'export:article',
      { articleId, format: 'txt', directory: out, fileName: 'a.txt' },
      ctx,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('conflict');
      expect(refused.error.message).toBe(`"a.txt" already exists in ${out} — overwrite?`);
    }
    expect(read(path.join(out, 'a.txt'))).toBe('alter Text');
    await exportTo('txt', 'a.txt', { overwrite: true });
    expect(read(path.join(out, 'a.txt'))).toContain(QUOTE);
    expect(fs.readdirSync(out)).toEqual(['a.txt']);
  });

  it('refuses file names with folders in them and folders given as relative paths', async () => {
    const sneaky = await dispatch(
      'export:article',
      { articleId, format: 'txt', directory: out, fileName: '../a.txt' },
      ctx,
    );
    expect(sneaky.ok).toBe(false);
    if (!sneaky.ok) expect(sneaky.error.fields?.[0].path).toBe('fileName');
    const relative = await dispatch(
      'export:article',
      { articleId, format: 'txt', directory: 'exports', fileName: 'a.txt' },
      ctx,
    );
    expect(relative.ok).toBe(false);
    if (!relative.ok)
      expect(relative.error.fields?.[0]).toEqual({ path: 'directory', message: 'must be a full path' });
  });

  it('refuses an annotated version of a format that has none', async () => {
    const result = await dispatch(
      'export:article',
      { articleId, format: 'md', annotated: true, directory: out, fileName: 'a.md' },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.[0].path).toBe('annotated');
  });

  it('names a missing article', async () => {
    const result = await dispatch(
      'export:article',
      { articleId: 'nope', format: 'html', directory: out, fileName: 'a.html' },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not_found');
  });
});

describe('export:default-directory', () => {
  it('suggests ~/Documents/Factdesk where it can be written, else the data folder’s exports', async () => {
    const previous = process.env.HOME;
    try {
      const home = path.join(ctx.dataDir, 'home');
      fs.mkdirSync(home);
      process.env.HOME = home;
      expect((await value(dispatch('export:default-directory', {}, ctx))).path).toBe(
        path.join(home, 'Documents', 'Factdesk'),
      );
      process.env.HOME = path.join(ctx.dataDir, 'a-file');
      fs.writeFileSync(process.env.HOME, '');
      expect((await value(dispatch('export:default-directory', {}, ctx))).path).toBe(
        path.join(ctx.dataDir, 'exports'),
      );
    } finally {
      process.env.HOME = previous;
    }
  });
});

describe('Factdesk JSON round trip', () => {
  it('recreates the article, its claims, gate passes, dismissed suggestions and linked facts exactly in an empty data folder', async () => {
    const file = (await exportTo('json', 'a.factdesk.json')).path;
    const json = read(file);
    expect(json).toContain(QUOTE); // characters as themselves, not \u escapes
    expect(json).toContain(NBSP);

    const target = tempContext('factdesk-transfer-target-');
    try {
      const imported = await value(dispatch('import:path', { path: file }, target));
      expect(imported).toMatchObject({ articleId, format: 'factdesk-json', claims: 3, headline: HEADLINE });

      const [a, b] = await Promise.all([
        value(dispatch('articles:get', { id: articleId }, ctx)),
        value(dispatch('articles:get', { id: articleId }, target)),
      ]);
      expect(b.meta).toEqual(a.meta);
      expect(b.body).toEqual(a.body);
      const [ca, cb] = await Promise.all([
        value(dispatch('claims:list', { articleId }, ctx)),
        value(dispatch('claims:list', { articleId }, target)),
      ]);
      expect(cb).toEqual(ca);
      expect(cb.claims.find((c) => c.id === 'c-gone')?.inText).toBe(false);
      expect(cb.gate.override?.reason).toBe('Betrag vom Verein bestätigt, Kurier irrt.');
      expect(await value(dispatch('detect:dismissed-list', { articleId }, target))).toEqual(
        await value(dispatch('detect:dismissed-list', { articleId }, ctx)),
      );
      const [la, lb] = await Promise.all([
        value(dispatch('articles:list', {}, ctx)),
        value(dispatch('articles:list', {}, target)),
      ]);
      expect(lb[0].wordCount).toBe(la[0].wordCount);

      // The target holds exactly the linked facts and what they depend on — not the unrelated club.
      const refs = ca.claims.flatMap((c) => c.links);
      const { exportedAt: _a, ...expected } = buildFactPack(ctx.db, { refs });
      const { exportedAt: _b, ...actual } = buildFactPack(target.db);
      expect({ ...actual, title: null }).toEqual({ ...expected, title: null });
      expect(actual.entities.map((e) => e.id)).not.toContain('e-fremd');
      expect(readStoredFile(target.dataDir, ATTACHMENT_HASH)?.equals(ATTACHMENT)).toBe(true);
    } finally {
      disposeContext(target);
    }
  });

  it('carries the corrections — frozen, open and withdrawn, with links, history and the facts they name', async () => {
    const correction = (id: string, right: string) => ({
      id,
      articleId,
      wrong: `7${NBSP}Millionen Euro`,
      right,
      claimIds: ['c-amount'],
      facts: [
        { type: 'deal' as const, id: 'd-strivo' },
        // Named only by the correction: the file's fact pack must bring it along.
        { type: 'entity' as const, id: 'e-fremd' },
      ],
    });
    insertCorrection(
      ctx.db,
      correction('k-out', `8${NBSP}Millionen Euro`),
      'Ruth Okafor',
      '2026-12-06T10:00:00.000Z',
    );
    markCorrectionsExported(ctx.db, articleId, 'Jana Wolf', '2026-12-06T10:30:00.000Z');
    insertCorrection(
      ctx.db,
      correction('k-open', '„acht Millionen“'),
      'Ruth Okafor',
      '2026-12-06T11:00:00.000Z',
    );
    insertCorrection(
      ctx.db,
      correction('k-gone', 'neun Millionen Euro'),
      'Ruth Okafor',
      '2026-12-06T11:10:00.000Z',
    );
    withdrawCorrection(ctx.db, 'k-gone', 'Lena Kowalczyk', '2026-12-06T11:20:00.000Z');

    const file = (await exportTo('json', 'a.factdesk.json')).path;
    const target = tempContext('factdesk-transfer-target-');
    try {
      await value(dispatch('import:path', { path: file }, target));
      expect(deskCorrectionState(target.db, articleId)).toEqual(deskCorrectionState(ctx.db, articleId));
      expect(
        deskCorrectionState(target.db, articleId).map((c) => [
          c.id,
          c.exportedAt !== null,
          c.withdrawnAt !== null,
        ]),
      ).toEqual([
        ['k-out', true, false],
        ['k-open', false, false],
        ['k-gone', false, true],
      ]);
      expect(await value(dispatch('corrections:list', { articleId }, target))).toEqual(
        await value(dispatch('corrections:list', { articleId }, ctx)),
      );
      expect(buildFactPack(target.db).entities.map((e) => e.id)).toContain('e-fremd');
      // What went out stays frozen in the copy.
      const edit = await dispatch('corrections:update', { id: 'k-out', wrong: 'x', right: 'y' }, target);
      expect(edit.ok || edit.error.code).toBe('conflict');

      // A second store that already has one of the ids refuses the file by that path, and keeps nothing.
      const third = tempContext('factdesk-transfer-third-');
      try {
        await value(dispatch('articles:create', { language: 'de' }, third)).then((a) =>
          insertCorrection(
            third.db,
            { ...correction('k-open', 'x'), articleId: a.meta.id, claimIds: [], facts: [] },
            'X',
            '2026-12-06T12:00:00.000Z',
          ),
        );
        const refused = await dispatch('import:path', { path: file }, third);
        expect(refused.ok).toBe(false);
        if (refused.ok) return;
        expect(refused.error.fields?.map((f) => f.path)).toEqual(['$.corrections[1].id']);
        expect(await dispatch('articles:get', { id: articleId }, third)).toMatchObject({ ok: false });
      } finally {
        disposeContext(third);
      }
    } finally {
      disposeContext(target);
    }
  });

  it('clears inline styles the editor never writes from an imported file', async () => {
    const file = (await exportTo('json', 'a.factdesk.json')).path;
    const target = tempContext('factdesk-transfer-target-');
    try {
      const edited = JSON.parse(read(file));
      const beacon = 'background-image:url(https://tracker.example/p.gif);color:red';
      const firstParagraph = edited.body.editorState.root.children[0];
      firstParagraph.textStyle = beacon;
      firstParagraph.children[0].style = beacon;
      const styled = path.join(out, 'styled.factdesk.json');
      fs.writeFileSync(styled, JSON.stringify(edited));
      await value(dispatch('import:path', { path: styled }, target));
      const stored = await value(dispatch('articles:get', { id: articleId }, target));
      expect(JSON.stringify(stored.body)).not.toContain('tracker.example');
      const paragraph = stored.body.editorState.root.children?.[0] as {
        textStyle?: string;
        children?: { style?: string }[];
      };
      expect(paragraph.textStyle).toBe('');
      expect(paragraph.children?.[0].style).toBe('');
      expect(plainText(stored.body)).toBe(bodyText());
    } finally {
      disposeContext(target);
    }
  });

  it('refuses a second import of the same file with a message naming it, and changes nothing', async () => {
    const file = (await exportTo('json', 'a.factdesk.json')).path;
    const result = await dispatch('import:path', { path: file }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('conflict');
      expect(result.error.message).toMatch(
        /^Cannot import "a\.factdesk\.json": The article “Strivo zahlt Rotheide/,
      );
      expect(result.error.message).toContain('is already in this store');
    }
    expect(await value(dispatch('articles:list', {}, ctx))).toHaveLength(1);
  });

  it('imports nothing when the file’s facts differ from the store until updating them is allowed', async () => {
    const file = (await exportTo('json', 'a.factdesk.json')).path;
    const target = tempContext('factdesk-transfer-target-');
    try {
      const edited = JSON.parse(read(file));
      edited.factPack.deals[0].status = 'reported';
      const changed = path.join(out, 'changed.factdesk.json');
      fs.writeFileSync(changed, JSON.stringify(edited));
      // The store already knows the deal as "confirmed".
      await value(dispatch('import:path', { path: file }, target));
      const before = await value(dispatch('facts:stats', {}, target));
      const otherId = {
        ...edited,
        article: { ...edited.article, id: 'other-article' },
        claims: edited.claims.map((c: { id: string }) => ({
          ...c,
          id: `${c.id}-2`,
          articleId: 'other-article',
        })),
      };
      fs.writeFileSync(changed, JSON.stringify(otherId));
      const refused = await dispatch('import:path', { path: changed }, target);
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('conflict');
        expect(refused.error.message).toContain('deal “Streamingrechte Heimspiele” (status)');
      }
      expect(await value(dispatch('articles:list', {}, target))).toHaveLength(1);
      expect(await value(dispatch('facts:stats', {}, target))).toEqual(before);
      const updated = await value(dispatch('import:path', { path: changed, updateFacts: true }, target));
      expect(updated.articleId).toBe('other-article');
      expect(buildFactPack(target.db).deals[0].status).toBe('reported');
    } finally {
      disposeContext(target);
    }
  });

  it('reports every problem of a damaged file with its JSON path and imports nothing', async () => {
    const file = (await exportTo('json', 'a.factdesk.json')).path;
    const damaged = JSON.parse(read(file));
    damaged.claims[1].status = 'halb-wahr';
    damaged.factPack.deals[0].currency = 'euro';
    const target = tempContext('factdesk-transfer-target-');
    try {
      const bad = await dispatch(
        'import:file',
        { name: 'kaputt.json', bytesBase64: Buffer.from(JSON.stringify(damaged)).toString('base64') },
        target,
      );
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.error.message).toMatch(
          /^Cannot import "kaputt\.json": \$\.claims\[1\]\.status must be one of/,
        );
        expect(bad.error.fields?.map((f) => f.path)).toEqual(['$.claims[1].status']);
      }
      damaged.claims[1].status = 'disputed';
      const badFact = await dispatch(
        'import:file',
        { name: 'kaputt.json', bytesBase64: Buffer.from(JSON.stringify(damaged)).toString('base64') },
        target,
      );
      expect(badFact.ok).toBe(false);
      if (!badFact.ok)
        expect(badFact.error.fields?.map((f) => f.path)).toContain('$.factPack.deals[0].currency');
      expect(await value(dispatch('articles:list', {}, target))).toEqual([]);
      expect(buildFactPack(target.db).entities).toEqual([]);
    } finally {
      disposeContext(target);
    }
  });
});

describe('import:file', () => {
  it('imports a DOCX as a new draft by the current user and keeps its structure', async () => {
    const docx = fs.readFileSync((await exportTo('docx', 'a.docx')).path);
    const result = await value(
      dispatch('import:file', { name: 'Bericht.docx', bytesBase64: docx.toString('base64') }, ctx),
    );
    expect(result.format).toBe('docx');
    const doc = await value(dispatch('articles:get', { id: result.articleId }, ctx));
    expect(doc.meta).toMatchObject({
      headline: HEADLINE,
      status: 'draft',
      author: 'Erika Prüfer',
      language: 'de',
    });
    expect(plainText(doc.body)).toBe(bodyText());
    expect(doc.body.editorState.root.children?.map((c) => c.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'list',
      'paragraph',
    ]);
  });

  it('guesses English for English text that does not say its language', async () => {
    const md =
      '# Rotheide sign a new striker\n\nThe club confirmed the deal on Friday and the fee was not disclosed.';
    const result = await value(
      dispatch('import:file', { name: 'story.md', bytesBase64: Buffer.from(md).toString('base64') }, ctx),
    );
    expect((await value(dispatch('articles:get', { id: result.articleId }, ctx))).meta.language).toBe('en');
  });

  it('imports a text file with tabs in it, keeping each tab', async () => {
    const txt = 'Tabelle nach dem 12. Spieltag\n\nSV Rotheide\t24 Punkte\nFC Nordhafen\t21 Punkte';
    const result = await value(
      dispatch('import:file', { name: 'tabelle.txt', bytesBase64: Buffer.from(txt).toString('base64') }, ctx),
    );
    const doc = await value(dispatch('articles:get', { id: result.articleId }, ctx));
    expect(plainText(doc.body)).toBe('SV Rotheide\t24 Punkte\nFC Nordhafen\t21 Punkte');
  });

  it('names the file and the problem for a corrupt DOCX, and adds nothing', async () => {
    const before = await value(dispatch('articles:list', {}, ctx));
    const broken = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('kein echtes Word-Dokument'),
    ]);
    const result = await dispatch(
      'import:file',
      { name: 'Kaputt.docx', bytesBase64: broken.toString('base64') },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/^Cannot import "Kaputt\.docx": /);
      expect(result.error.fields?.[0].path).toBe('file');
    }
    expect(await value(dispatch('articles:list', {}, ctx))).toEqual(before);
  });

  it('tells a fact pack from an article file', async () => {
    const pack = Buffer.from(JSON.stringify({ format: 'factdesk-factpack', version: 1 }));
    const result = await dispatch(
      'import:file',
      { name: 'fakten.json', bytesBase64: pack.toString('base64') },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('this is a fact pack, not an article');
  });

  it('names a path that does not exist', async () => {
    const result = await dispatch('import:path', { path: path.join(ctx.dataDir, 'fehlt.md') }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('Cannot import "fehlt.md": there is no such file.');
  });
});
