import type { ArticleDocument } from '../../shared/contract/articles';
import type { CommentThread } from '../../shared/domain/comments';
import type { Correction } from '../../shared/domain/corrections';
import { exportAnnotatedHtml } from '../../shared/export/annotated';
import { claimReviews, jsonLdText } from '../../shared/export/claimreview';
import type { ExportContext } from '../../shared/export/context';
import { exportFactCheckReport } from '../../shared/export/factCheckReport';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { exportNewsml } from '../../shared/export/newsml';
import { exportNitf } from '../../shared/export/nitf';
import { exportText } from '../../shared/export/text';
import { UserError } from '../../shared/result';
import type { ImportedArticle } from '../import/assemble';
import type { ImportFormat } from '../import';

/**
 * The CPU-bound half of imports and exports: parsing a file into the editor's JSON and turning
 * an article into a file. Everything here works on plain data the handlers read from the store
 * beforehand, so it can run on the transfer worker (shells) or inline (CLI, tests) alike; nothing
 * here touches the store or the disk.
 */

/** A clean article with the corrections printed under it. */
export type CleanDocument = ArticleDocument & { corrections: Correction[] };

export type RenderJob =
  | { kind: 'html'; doc: CleanDocument }
  | { kind: 'annotated-html'; record: ExportContext; threads?: CommentThread[] }
  | { kind: 'md'; doc: CleanDocument }
  | { kind: 'txt'; doc: CleanDocument }
  | { kind: 'newsml'; doc: CleanDocument }
  | { kind: 'nitf'; doc: CleanDocument }
  | { kind: 'docx'; doc: CleanDocument; trackedChanges: boolean; threads?: CommentThread[] }
  | { kind: 'report'; record: ExportContext }
  | { kind: 'claimreview'; record: ExportContext };

export type RenderKind = RenderJob['kind'];

export type ImportedFile = ImportedArticle & { format: ImportFormat };

/** The file's content for one render job: text for the text formats, bytes for DOCX. */
export async function renderJob(job: RenderJob): Promise<string | Uint8Array> {
  switch (job.kind) {
    case 'html':
      return exportHtml(job.doc.meta, job.doc.body, { corrections: job.doc.corrections });
    case 'annotated-html':
      return exportAnnotatedHtml(job.record, job.threads ? { threads: job.threads } : {});
    case 'md':
      return exportMarkdown(job.doc.meta, job.doc.body, { corrections: job.doc.corrections });
    case 'txt':
      return exportText(job.doc.meta, job.doc.body, { corrections: job.doc.corrections });
    case 'newsml':
      return exportNewsml(job.doc.meta, job.doc.body, {
        provider: 'Factdesk',
        corrections: job.doc.corrections,
      });
    case 'nitf':
      return exportNitf(job.doc.meta, job.doc.body, { corrections: job.doc.corrections });
    case 'docx': {
      // docx is a large package; it is loaded when someone exports Word, not with the handlers.
      const { exportDocx } = await import('../export/docx');
      return exportDocx(job.doc.meta, job.doc.body, {
        corrections: job.doc.corrections,
        trackedChanges: job.trackedChanges,
        ...(job.threads ? { threads: job.threads } : {}),
      });
    }
    case 'report':
      return exportFactCheckReport(job.record);
    case 'claimreview': {
      const reviews = claimReviews(job.record, {
        publisher: { name: job.record.meta.desk.trim() || 'Factdesk' },
      });
      if (reviews.length === 0) {
        throw new UserError('validation', { key: 'noRatedClaims' }, [
          { path: 'format', message: 'no rated claims' },
        ]);
      }
      return jsonLdText(reviews);
    }
  }
}

/** A file's bytes as an article, by its name and content; an ImportError names the file and the problem. */
export async function importJob(name: string, bytes: Uint8Array): Promise<ImportedFile> {
  // The importers bring jsdom and mammoth; they load on the first import, not with the handlers.
  const { importFile } = await import('../import');
  return importFile({ name, bytes });
}

/**
 * Where the CPU-bound half runs. The shells lend the handlers a worker pool (pool.ts) so an
 * import or export never holds up their other calls; without one it runs on the caller's thread.
 */
export interface TransferRunner {
  importFile(name: string, bytes: Uint8Array): Promise<ImportedFile>;
  render(job: RenderJob): Promise<string | Uint8Array>;
}

export const inlineTransfer: TransferRunner = { importFile: importJob, render: renderJob };
