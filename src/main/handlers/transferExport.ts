import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportFormat } from '../../shared/contract/transfer';
import type { ArticleDocument } from '../../shared/contract/articles';
import type { UiLanguage } from '../../shared/contract/app';
import { exportAnnotatedHtml } from '../../shared/export/annotated';
import { claimReviews, jsonLdText } from '../../shared/export/claimreview';
import { exportFactCheckReport } from '../../shared/export/factCheckReport';
import { serializeFactdeskArticle } from '../../shared/export/factdeskJson';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { exportNewsml } from '../../shared/export/newsml';
import { exportNitf } from '../../shared/export/nitf';
import { exportText } from '../../shared/export/text';
import type { Correction } from '../../shared/domain/corrections';
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

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found — install chromium or set FACTDESK_CHROMIUM to its path.';

function requireStoredDocument(ctx: HandlerContext, articleId: string): ArticleDocument {
  let doc: ArticleDocument | null;
  try {
    doc = getArticle(ctx.db, articleId);
  } catch (err) {
    if (err instanceof BodyVersionError) throw new UserError('conflict', err.message);
    throw err;
  }
  if (!doc) {
    throw new UserError('not_found', `There is no article with id ${articleId}; it may have been deleted.`, [
      { path: 'articleId', message: 'not found' },
    ]);
  }
  return doc;
}

async function printPdf(ctx: HandlerContext, html: string): Promise<Uint8Array> {
  const print = ctx.platform.printToPdf;
  if (!print)
    throw new UserError('unavailable', NO_CHROMIUM_MESSAGE, [
      { path: 'format', message: 'PDF needs Chromium' },
    ]);
  try {
    return await print(html);
  } catch (err) {
    // The system-Chromium printer says where it looked; keep that, it tells people what to install.
    if ((err as { code?: string }).code === 'CHROMIUM_NOT_FOUND') {
      const searched = (err as { searched?: string[] }).searched ?? [];
      const where = searched.length
        ? ` Looked for: ${searched.slice(0, 6).join(', ')}${searched.length > 6 ? ', …' : ''}.`
        : '';
      throw new UserError('unavailable', `${NO_CHROMIUM_MESSAGE}${where}`, [
        { path: 'format', message: 'PDF needs Chromium' },
      ]);
    }
    throw new UserError('internal', `The PDF could not be printed: ${(err as Error).message}`);
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

/** One article in one format, as the bytes (or text) of the file. */
export async function renderExport(ctx: HandlerContext, req: RenderRequest): Promise<string | Uint8Array> {
  const { articleId, format, annotated } = req;
  const stored = (id: string) => requireStoredDocument(ctx, id);
  const requireDocument = (_ctx: HandlerContext, id: string) => acceptedDocument(stored(id));
  const record = () => {
    const exportCtx = buildExportContext(ctx, requireDocument(ctx, articleId).meta.id, req.uiLanguage);
    return { ...exportCtx, body: withoutPendingSuggestions(exportCtx.body) };
  };
  // Clean exports print the corrections under the article, in its language.
  const clean = () => {
    const doc = requireDocument(ctx, articleId);
    return { ...doc, corrections: listCorrections(ctx.db, doc.meta.id) };
  };
  // Only an export that asks for comments reads them; every clean one renders without.
  const threads = () =>
    req.comments ? { threads: listThreads(ctx.db, requireDocument(ctx, articleId).meta.id) } : {};
  switch (format) {
    case 'html':
      if (annotated) return exportAnnotatedHtml(record(), threads());
      return exportHtmlOf(clean());
    case 'pdf': {
      const html = annotated ? exportAnnotatedHtml(record(), threads()) : exportHtmlOf(clean());
      return printPdf(ctx, html);
    }
    case 'md': {
      const doc = clean();
      return exportMarkdown(doc.meta, doc.body, { corrections: doc.corrections });
    }
    case 'txt': {
      const doc = clean();
      return exportText(doc.meta, doc.body, { corrections: doc.corrections });
    }
    case 'newsml': {
      const doc = clean();
      return exportNewsml(doc.meta, doc.body, { provider: 'Factdesk', corrections: doc.corrections });
    }
    case 'nitf': {
      const doc = clean();
      return exportNitf(doc.meta, doc.body, { corrections: doc.corrections });
    }
    case 'docx': {
      const doc = req.trackedChanges ? { ...stored(articleId), corrections: clean().corrections } : clean();
      // docx is a large package; the CLI and the shells load it only when someone exports Word.
      const { exportDocx } = await import('../export/docx');
      return exportDocx(doc.meta, doc.body, {
        corrections: doc.corrections,
        trackedChanges: req.trackedChanges === true,
        ...threads(),
      });
    }
    case 'report':
      return exportFactCheckReport(record());
    case 'claimreview': {
      const exportCtx = record();
      const reviews = claimReviews(exportCtx, {
        publisher: { name: exportCtx.meta.desk.trim() || 'Factdesk' },
      });
      if (reviews.length === 0) {
        throw new UserError(
          'validation',
          'No claim in this article has been rated yet (verified, disputed, false or unsourced), so there is no ClaimReview to export.',
          [{ path: 'format', message: 'no rated claims' }],
        );
      }
      return jsonLdText(reviews);
    }
    case 'json': {
      const file = readArticleTransfer(ctx.db, requireDocument(ctx, articleId).meta.id, {
        generator: `Factdesk ${ctx.appVersion}`,
        exportedAt: new Date().toISOString(),
        dataDir: ctx.dataDir,
      });
      // requireDocument has just found it inside the same connection.
      return serializeFactdeskArticle(file!);
    }
  }
}

/** The article's pending suggested changes, for the warning that comes with an export. */
export function pendingSuggestionsOf(ctx: HandlerContext, articleId: string): PendingSuggestion[] {
  return pendingSuggestions(requireStoredDocument(ctx, articleId).body);
}

function exportHtmlOf(doc: ArticleDocument & { corrections: Correction[] }): string {
  return exportHtml(doc.meta, doc.body, { corrections: doc.corrections });
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
