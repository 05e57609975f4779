import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelResult } from '../../shared/contract';
import { buildFactPack } from '../../store/factpacks';
import { findChromium } from '../export/pdf';
import { extractionDone, readUnreadFiles } from '../sources/jobs';
import { pressReleasePdf, SAVED_MHTML, SAVED_PAGE } from '../sources/pressRelease.fixture';
import type { HandlerContext } from './context';
import { dispatch } from './index';
import { disposeContext, tempContext } from './testing';

const haveChromium = typeof findChromium() === 'string';
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

let ctx: HandlerContext;
let pdf: Buffer;
beforeAll(async () => {
  if (haveChromium) pdf = await pressReleasePdf(3);
}, 60_000);
afterEach(() => disposeContext(ctx));

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as ChannelResult<C>;
}

const sourceHits = async (query: string) =>
  (await call('facts:search', { query })).hits
    .filter((h) => h.type === 'source')
    .map((h) => (h.meta.type === 'source' ? { id: h.id, locator: h.meta.passage?.locator ?? null } : null));

describe('sources handlers', () => {
  it('adds a saved web page: readable text without scripts or furniture, title, original URL and saving date', async () => {
    ctx = tempContext();
    const { source, status } = await call('sources:add', {
      fileName: 'wintertransfer.html',
      base64: b64(SAVED_PAGE),
      lastModified: '2026-12-01T10:00:00.000Z',
    });
    expect(status.state).toBe('done');
    expect(source).toMatchObject({
      kind: 'web_page',
      title: 'Wintertransfer: Jonas Wróblewski kommt | FC Nordhafen',
      url: 'https://www.fc-nordhafen.example/news/wintertransfer',
      accessedAt: '2026-12-01',
      fileName: 'wintertransfer.html',
    });
    const doc = (await call('sources:document', { sourceId: source.id }))!;
    const text = doc.segments.map((s) => s.text).join('\n');
    expect(text).not.toMatch(/hacked|tracker|Cookie|color: red|Start/);
    expect(doc.segments.map((s) => [s.kind, s.paragraph, s.heading])).toEqual([
      ['heading', null, 'Jonas Wróblewski wechselt an die Förde'],
      ['paragraph', 1, 'Jonas Wróblewski wechselt an die Förde'],
      ['heading', null, 'Die Ablöse'],
      ['paragraph', 2, 'Die Ablöse'],
      ['paragraph', 3, 'Die Ablöse'],
    ]);
    expect(await sourceHits('"1,8 Millionen Euro"')).toEqual([
      { id: source.id, locator: '§ Die Ablöse, ¶ 2' },
    ]);
    expect(await sourceHits('Abloesesumme')).toEqual([{ id: source.id, locator: '§ Die Ablöse, ¶ 2' }]);
  });

  it('refuses an empty file without leaving a source behind', async () => {
    ctx = tempContext();
    const before = buildFactPack(ctx.db).sources.length;
    // "x" is not a whole base64 quantum: it decodes to no bytes at all.
    const empty = await dispatch('sources:add', { fileName: 'leer.pdf', base64: 'x', kind: 'document' }, ctx);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toMatch(/empty/);
    expect(buildFactPack(ctx.db).sources.length).toBe(before);
  });

  it('reads an MHTML page: the HTML part, the subject as title, the snapshot URL and the date', async () => {
    ctx = tempContext();
    const { source, status } = await call('sources:add', {
      fileName: 'stadion.mhtml',
      base64: b64(SAVED_MHTML),
    });
    expect(status.meta).toEqual({
      title: 'Stadionumbau in Rotheide beschlossen',
      originalUrl: 'https://www.sv-rotheide.example/presse/stadion',
      savedAt: '2026-12-04T08:15:00.000Z',
    });
    expect(source.title).toBe('Stadionumbau in Rotheide beschlossen');
    const hits = await call('sources:search', { query: 'Nordtribüne großer Mehrheit' });
    expect(hits.map((h) => [h.sourceId, h.locator])).toEqual([
      [source.id, '§ Stadionumbau beschlossen, ¶ 1'],
    ]);
    expect(hits[0].excerpt).toContain('Umbau der Nordtribüne mit großer Mehrheit');
  });

  it.skipIf(!haveChromium)(
    'reads a PDF in the background, page by page, and the fact search finds it by a phrase with its page',
    async () => {
      ctx = tempContext();
      const { source, status } = await call('sources:add', {
        fileName: 'pressemitteilung.pdf',
        base64: b64(pdf),
        title: 'Pressemitteilung Kowalczyk',
      });
      expect(status).toMatchObject({ format: 'pdf', state: 'extracting' });
      await extractionDone(ctx, source.id);
      expect(await call('sources:status', { sourceId: source.id })).toMatchObject({
        state: 'done',
        pagesDone: 3,
        pagesTotal: 3,
        error: null,
      });
      expect(source.title).toBe('Pressemitteilung Kowalczyk');
      expect(await sourceHits('"verpflichtet Lena Kowalczyk"')).toEqual([{ id: source.id, locator: 'p. 2' }]);
      const doc = (await call('sources:document', { sourceId: source.id }))!;
      expect(doc.segments.map((s) => s.page)).toEqual([1, 2, 3]);
    },
    60_000,
  );

  it.skipIf(!haveChromium)(
    'draws a page of the PDF as a PNG on demand, cached in the data folder; other files and pages say why not',
    async () => {
      ctx = tempContext();
      const { source } = await call('sources:add', { fileName: 'pressemitteilung.pdf', base64: b64(pdf) });
      await extractionDone(ctx, source.id);
      const image = await call('sources:page-image', { sourceId: source.id, page: 2, scale: 1.5 });
      const png = Buffer.from(image.pngBase64, 'base64');
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([image.width, image.height]);
      expect(image.width).toBeGreaterThan(850);
      expect(image.height).toBeGreaterThan(image.width);
      const cached = fs.readdirSync(path.join(ctx.dataDir, 'page-images'), { recursive: true });
      expect(cached.map(String).filter((f) => f.endsWith('.png'))).toEqual([
        path.join(source.fileHash!, '2@1.5.png'),
      ]);

      const past = await dispatch('sources:page-image', { sourceId: source.id, page: 4, scale: 1 }, ctx);
      expect(!past.ok && past.error).toMatchObject({
        code: 'validation',
        message: 'The PDF has 3 pages; there is no page 4.',
      });
      const bad = await dispatch('sources:page-image', { sourceId: source.id, page: 0, scale: 9 }, ctx);
      expect(!bad.ok && bad.error.fields?.map((f) => f.path)).toEqual(['page', 'scale']);
      const page = await call('sources:add', { fileName: 'seite.html', base64: b64(SAVED_PAGE) });
      const html = await dispatch('sources:page-image', { sourceId: page.source.id, page: 1, scale: 1 }, ctx);
      expect(!html.ok && html.error.message).toMatch(/has no PDF attached/);
    },
    60_000,
  );

  it.skipIf(!haveChromium)(
    'names an untitled source after the PDF once it is read',
    async () => {
      ctx = tempContext();
      const { source } = await call('sources:add', { fileName: 'scan_0042.pdf', base64: b64(pdf) });
      expect(source.title).toBe('scan_0042');
      await extractionDone(ctx, source.id);
      expect((await call('facts:source-get', { id: source.id })).source.title).toBe(
        'Pressemitteilung SV Rotheide',
      );
    },
    60_000,
  );

  it.skipIf(!haveChromium)(
    'cancels a running extraction; the file stays stored and can be read again',
    async () => {
      ctx = tempContext();
      const { source } = await call('sources:add', { fileName: 'gross.pdf', base64: b64(pdf) });
      expect((await call('sources:cancel', { sourceId: source.id }))?.state).toBe('cancelled');
      await extractionDone(ctx, source.id);
      expect((await call('sources:status', { sourceId: source.id }))?.state).toBe('cancelled');
      expect((await call('facts:source-file', { sourceId: source.id })).size).toBe(pdf.length);
      expect(await sourceHits('Kowalczyk')).toEqual([]);
      await call('sources:extract', { sourceId: source.id });
      await extractionDone(ctx, source.id);
      expect((await call('sources:status', { sourceId: source.id }))?.state).toBe('done');
    },
    60_000,
  );

  it('says why a file could not be read and keeps it stored', async () => {
    ctx = tempContext();
    const broken = await call('sources:add', {
      fileName: 'kaputt.pdf',
      base64: b64('%PDF-1.4 this is not really a PDF'),
    });
    await extractionDone(ctx, broken.source.id);
    const status = (await call('sources:status', { sourceId: broken.source.id }))!;
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/PDF/);
    expect((await call('facts:source-file', { sourceId: broken.source.id })).fileName).toBe('kaputt.pdf');

    const sheet = await call('sources:add', {
      fileName: 'tabelle.xlsx',
      base64: b64(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
    });
    expect(sheet.status).toMatchObject({ format: 'other', state: 'failed' });
    expect(sheet.status.error).toMatch(/PDF, HTML, MHTML, DOCX and plain-text/);
  }, 30_000);

  it('reads plain text by paragraph, shows images without text, and forgets the text when the file is removed', async () => {
    ctx = tempContext();
    const { source } = await call('sources:add', {
      fileName: 'abschrift.txt',
      base64: b64('Interview mit Lena Kowalczyk.\n\nFrage: Bleiben Sie in Rotheide?\nAntwort: Ja, bis 2029.'),
    });
    const doc = (await call('sources:document', { sourceId: source.id }))!;
    expect(doc.segments.map((s) => [s.paragraph, s.text])).toEqual([
      [1, 'Interview mit Lena Kowalczyk.'],
      [2, 'Frage: Bleiben Sie in Rotheide?\nAntwort: Ja, bis 2029.'],
    ]);
    expect(await sourceHits('"bis 2029"')).toEqual([{ id: source.id, locator: '¶ 2' }]);
    await call('facts:source-detach-file', { sourceId: source.id });
    expect(await call('sources:status', { sourceId: source.id })).toBeNull();
    expect(await sourceHits('"bis 2029"')).toEqual([]);

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const image = await call('sources:add', { fileName: 'post.png', base64: b64(png) });
    expect(image.status).toMatchObject({ format: 'image', state: 'done' });
  });

  it('reads the files a fact pack brings, in the background', async () => {
    ctx = tempContext();
    const { source } = await call('sources:add', {
      fileName: 'wintertransfer.html',
      base64: b64(SAVED_PAGE),
    });
    const pack = await call('facts:export-pack', { includeFiles: true });
    disposeContext(ctx);
    ctx = tempContext();
    const report = await call('facts:import-pack', { pack });
    expect(report.problems).toEqual([]);
    await readUnreadFiles(ctx);
    expect((await call('sources:status', { sourceId: source.id }))?.state).toBe('done');
    expect(await sourceHits('"1,8 Millionen Euro"')).toEqual([
      { id: source.id, locator: '§ Die Ablöse, ¶ 2' },
    ]);
  });

  it('refuses bad input with the field named', async () => {
    ctx = tempContext();
    const r = await dispatch('sources:add', { fileName: '', base64: '***' } as never, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.map((f) => f.path)).toEqual(['fileName', 'base64']);
    const missing = await dispatch('sources:status', { sourceId: 'src-nope' }, ctx);
    expect(!missing.ok && missing.error.message).toMatch(/no source with the id "src-nope"/);
  });
});
