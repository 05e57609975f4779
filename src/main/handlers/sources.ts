import type { sourcesContract } from '../../shared/contract/sources';
import type { SourceKind, Source } from '../../shared/domain/facts';
import { UserError } from '../../shared/result';
import type { DocumentFormat, DocumentStatus } from '../../shared/sources/document';
import { detectFormat } from '../../shared/sources/document';
import { documentView, searchPassages } from '../../store/source-documents';
import { readStoredFile } from '../../store/files';
import { attachFile, createSource, getSource, updateSource } from '../../store/sources';
import {
  cancelExtraction,
  extractionStatus,
  isExtracting,
  startExtraction,
  type ExtractionTarget,
} from '../sources/jobs';
import { PageOutOfRange, cachedPdfPage } from '../sources/pdfPage';
import type { HandlerContext } from './context';
import { actorOf } from './actingUser';
import type { HandlerTable } from './table';

const KIND_OF: Record<DocumentFormat, SourceKind> = {
  pdf: 'document',
  html: 'web_page',
  mhtml: 'web_page',
  docx: 'document',
  text: 'document',
  image: 'document',
  other: 'document',
};

const titleFromName = (fileName: string) =>
  fileName
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim() || fileName;

/**
 * Starts reading a just-attached file. Everything but a PDF is read at once (a saved page or a
 * Word file takes milliseconds); a PDF goes on in the background and the caller polls.
 */
export async function readAttachedFile(
  t: ExtractionTarget,
  sourceId: string,
  lastModified?: string | null,
): Promise<DocumentStatus> {
  const { status, done } = startExtraction(t, sourceId, { lastModified });
  if (status.format === 'pdf') return status;
  await done;
  return extractionStatus(t, sourceId)!;
}

function requireStatus(ctx: HandlerContext, sourceId: string): DocumentStatus | null {
  if (!getSource(ctx.db, sourceId))
    throw new UserError('not_found', { key: 'noSuchSource', params: { id: sourceId } });
  return extractionStatus(ctx, sourceId);
}

/** A saved page knows its title, address and saving date; they fill what the person did not type. */
function fillFromDocument(
  ctx: HandlerContext,
  source: Source,
  status: DocumentStatus,
  typed: { title: boolean; url: boolean },
): Source {
  const { title, originalUrl, savedAt } = status.meta;
  const next = {
    kind: source.kind,
    title: !typed.title && title ? title.slice(0, 500) : source.title,
    publisher: source.publisher,
    url: !typed.url && originalUrl ? originalUrl : source.url,
    publishedAt: source.publishedAt,
    accessedAt: source.accessedAt ?? (savedAt ? savedAt.slice(0, 10) : null),
    notes: source.notes,
  };
  return updateSource(ctx.db, { id: source.id, ...next }, actorOf(ctx));
}

export const sourcesHandlers = {
  'sources:add': async ({ fileName, base64, title, url, kind, lastModified }, ctx) => {
    const bytes = Buffer.from(base64, 'base64');
    const format = detectFormat(fileName, bytes);
    // One transaction: a file the store refuses (empty, too large) must not leave a bare source.
    const created = ctx.db.transaction(() => {
      const source = createSource(
        ctx.db,
        {
          kind: kind ?? KIND_OF[format],
          title: title || titleFromName(fileName),
          publisher: null,
          url: url || null,
          publishedAt: null,
          accessedAt: null,
          notes: null,
        },
        actorOf(ctx),
      );
      attachFile(ctx.db, ctx.dataDir, source.id, fileName, bytes, actorOf(ctx));
      return source;
    })();
    const started = startExtraction(ctx, created.id, { lastModified });
    // What the file says about itself fills the fields nobody typed, once its text is read.
    const fill = () => {
      const status = ctx.db.open ? extractionStatus(ctx, created.id) : null;
      const source = status && getSource(ctx.db, created.id);
      if (status?.state === 'done' && source)
        fillFromDocument(ctx, source, status, { title: Boolean(title), url: Boolean(url) });
      return status;
    };
    const filled = started.done.then(fill);
    // A PDF is read in the background (the viewer polls); anything else is read by now.
    const status = started.status.format === 'pdf' ? started.status : ((await filled) ?? started.status);
    return { source: getSource(ctx.db, created.id)!, status };
  },
  'sources:status': ({ sourceId }, ctx) => requireStatus(ctx, sourceId),
  'sources:document': ({ sourceId }, ctx) => {
    requireStatus(ctx, sourceId);
    return documentView(ctx.db, sourceId, (hash) => isExtracting(ctx.dataDir, sourceId, hash));
  },
  'sources:extract': ({ sourceId }, ctx) => readAttachedFile(ctx, sourceId),
  'sources:cancel': ({ sourceId }, ctx) => {
    requireStatus(ctx, sourceId);
    cancelExtraction(ctx, sourceId);
    return extractionStatus(ctx, sourceId);
  },
  'sources:page-image': async ({ sourceId, page, scale }, ctx) => {
    const source = getSource(ctx.db, sourceId);
    if (!source) throw new UserError('not_found', { key: 'noSuchSource', params: { id: sourceId } });
    const hash = source.fileHash;
    const bytes = hash ? readStoredFile(ctx.dataDir, hash) : null;
    if (!hash || !bytes || detectFormat(source.fileName ?? '', bytes) !== 'pdf')
      throw new UserError('validation', { key: 'sourceWithoutPdf', params: { title: source.title } }, [
        { path: 'sourceId', message: 'has no PDF attached' },
      ]);
    // Scales are rounded to quarter steps so nearby window widths share one cached picture.
    const step = Math.max(0.25, Math.round(scale * 4) / 4);
    try {
      const image = await cachedPdfPage(ctx.dataDir, hash, () => bytes, page, step);
      return { page, pngBase64: image.png.toString('base64'), width: image.width, height: image.height };
    } catch (err) {
      if (err instanceof PageOutOfRange)
        throw new UserError(
          'validation',
          { key: 'noSuchPdfPage', params: { count: err.pages, page: err.page } },
          [{ path: 'page', message: err.message }],
        );
      throw new UserError('internal', (err as Error).message);
    }
  },
  'sources:search': ({ query, typing, limit }, ctx) =>
    searchPassages(ctx.db, query, { typing, limit }).map((h) => ({
      sourceId: h.sourceId,
      sourceTitle: h.sourceTitle,
      ord: h.ord,
      page: h.page,
      paragraph: h.paragraph,
      heading: h.heading,
      locator: h.locator,
      snippet: h.snippet,
      excerpt: h.excerpt,
    })),
} satisfies HandlerTable<keyof typeof sourcesContract>;
