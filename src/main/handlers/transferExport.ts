import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportFormat } from '../../shared/contract/transfer';
import type { ArticleDocument } from '../../shared/contract/articles';
import type { UiLanguage } from '../../shared/contract/app';
import { serializeFactdeskArticle } from '../../shared/export/factdeskJson';
import type { ErrorText } from '../../shared/errorText';
import { articleGone, newerBody } from './articleErrors';
import { UserError } from '../../shared/result';
import {
  pendingSuggestions,
  withoutPendingSuggestions,
  type PendingSuggestion,
} from '../../shared/article/suggestedChanges';
import { BodyVersionError } from '../../store/articleBody';
import { getArticle } from '../../store/articles';
import { listThreads } from '../../store/comments';
import { readArticleTransfer } from '../../store/articleTransfer';
import { listCorrections } from '../../store/corrections';
import { buildExportContext } from './claims';
import type { HandlerContext } from './context';
import { inlineTransfer, type CleanDocument, type RenderJob } from '../transfer-worker/jobs';

function requireStoredDocument(ctx: HandlerContext, articleId: string): ArticleDocument {
  let doc: ArticleDocument | null;
  try {
    doc = getArticle(ctx.db, articleId);
  } catch (err) {
    if (err instanceof BodyVersionError) throw newerBody(err);
    throw err;
  }
  if (!doc) {
    throw articleGone(articleId, 'articleId');
  }
  return doc;
}

async function printPdf(ctx: HandlerContext, html: string): Promise<Uint8Array> {
  const print = ctx.platform.printToPdf;
  if (!print)
    throw new UserError('unavailable', { key: 'noChromium' }, [
      { path: 'format', message: 'PDF needs Chromium' },
    ]);
  try {
    return await print(html);
  } catch (err) {
    // The system-Chromium printer says where it looked; keep that, it tells people what to install.
    if ((err as { code?: string }).code === 'CHROMIUM_NOT_FOUND') {
      const searched = (err as { searched?: string[] }).searched ?? [];
      const text: ErrorText = searched.length
        ? {
            key: 'noChromiumLookedFor',
            params: { places: `${searched.slice(0, 6).join(', ')}${searched.length > 6 ? ', …' : ''}` },
          }
        : { key: 'noChromium' };
      throw new UserError('unavailable', text, [{ path: 'format', message: 'PDF needs Chromium' }]);
    }
    throw new UserError('internal', { key: 'pdfNotPrinted', params: { detail: (err as Error).message } });
  }
}

export interface RenderRequest {
  articleId: string;
  format: ExportFormat;
  annotated: boolean;
  /** Comment threads go along (annotated HTML/PDF, DOCX); the handler has checked the format allows it. */
  comments?: boolean;
  uiLanguage?: UiLanguage;
  /** DOCX: pending suggestions as Word tracked changes instead of leaving them out. */
  trackedChanges?: boolean;
}

/**
 * The article as a reader outside the desk gets it: only accepted changes, i.e. pending
 * insertions left out and pending deletions kept. Every format but Factdesk JSON (the
 * round-trip format) and a DOCX with tracked changes is rendered from this.
 */
function acceptedDocument(doc: ArticleDocument): ArticleDocument {
  return { ...doc, body: withoutPendingSuggestions(doc.body) };
}

/** Formats that carry the article to readers: once one has gone out, its corrections are frozen. */
export function publishesCorrections(format: ExportFormat, annotated: boolean): boolean {
  return !annotated && format !== 'report' && format !== 'json';
}

/**
 * What the renderer needs for one article in one format, read from the store here on the
 * handlers' thread; the rendering itself (renderJob) may then run on the transfer worker.
 */
export function renderJobFor(ctx: HandlerContext, req: RenderRequest): RenderJob {
  const { articleId, format, annotated } = req;
  const stored = (id: string) => requireStoredDocument(ctx, id);
  const requireDocument = (id: string) => acceptedDocument(stored(id));
  const record = () => {
    const exportCtx = buildExportContext(ctx, requireDocument(articleId).meta.id, req.uiLanguage);
    return { ...exportCtx, body: withoutPendingSuggestions(exportCtx.body) };
  };
  // Clean exports print the corrections under the article, in its language.
  const clean = (): CleanDocument => {
    const doc = requireDocument(articleId);
    return { ...doc, corrections: listCorrections(ctx.db, doc.meta.id) };
  };
  // Only an export that asks for comments reads them; every clean one renders without.
  const threads = () =>
    req.comments ? { threads: listThreads(ctx.db, requireDocument(articleId).meta.id) } : {};
  switch (format) {
    case 'html':
    case 'pdf':
      return annotated
        ? { kind: 'annotated-html', record: record(), ...threads() }
        : { kind: 'html', doc: clean() };
    case 'md':
    case 'txt':
    case 'newsml':
    case 'nitf':
      return { kind: format, doc: clean() };
    case 'docx':
      return {
        kind: 'docx',
        doc: req.trackedChanges ? { ...stored(articleId), corrections: clean().corrections } : clean(),
        trackedChanges: req.trackedChanges === true,
        ...threads(),
      };
    case 'report':
    case 'claimreview':
      return { kind: format, record: record() };
    case 'json':
      throw new Error('Factdesk JSON is written from the store, not rendered');
  }
}

/** One article in one format, as the bytes (or text) of the file. */
export async function renderExport(ctx: HandlerContext, req: RenderRequest): Promise<string | Uint8Array> {
  if (req.format === 'json') {
    const articleId = requireStoredDocument(ctx, req.articleId).meta.id;
    // A copy of what the store holds, with its attached files: the store writes it, nothing to render.
    const file = readArticleTransfer(ctx.db, articleId, {
      generator: `Factdesk ${ctx.appVersion}`,
      exportedAt: new Date().toISOString(),
      dataDir: ctx.dataDir,
    });
    // requireStoredDocument has just found it inside the same connection.
    return serializeFactdeskArticle(file!);
  }
  const job = renderJobFor(ctx, req);
  const content = await (ctx.transfer ?? inlineTransfer).render(job);
  if (req.format !== 'pdf') return content;
  // The renderers give HTML as text; anything else here would be a broken worker, caught by the pool.
  return printPdf(ctx, typeof content === 'string' ? content : new TextDecoder().decode(content));
}

/** The article's pending suggested changes, for the warning that comes with an export. */
export function pendingSuggestionsOf(ctx: HandlerContext, articleId: string): PendingSuggestion[] {
  return pendingSuggestions(requireStoredDocument(ctx, articleId).body);
}

/** Whether a folder could hold exports: it is writable, or the nearest folder above it that exists is. */
function canWriteInto(dir: string): boolean {
  let current = dir;
  for (;;) {
    try {
      if (!statSync(current).isDirectory()) return false;
      accessSync(current, constants.W_OK);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}

/** `~/Documents/Factdesk` where the user can write, else the data folder's `exports` (which the app can always write). */
export function defaultExportDirectory(ctx: HandlerContext, home = os.homedir()): string {
  const documents = path.join(home, 'Documents', 'Factdesk');
  return home && canWriteInto(documents) ? documents : path.join(ctx.dataDir, 'exports');
}
