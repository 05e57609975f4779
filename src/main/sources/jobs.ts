import type { Db } from '../../store/db';
import { readStoredFile, storedFileInfo } from '../../store/files';
import {
  beginDocument,
  documentProgress,
  documentStatus,
  endDocument,
  saveDocument,
  unreadSourceFiles,
} from '../../store/source-documents';
import { getSource } from '../../store/sources';
import { detectFormat, type DocumentStatus } from '../../shared/sources/document';
import { UserError } from '../../shared/result';
import { extractDocument } from './extract';
import { ExtractionCancelled } from './pdfText';

// Extractions running in this process, one per source of a data folder. The store row says
// what the viewer shows; this map only knows what can still be cancelled.

interface Job {
  hash: string;
  controller: AbortController;
  done: Promise<void>;
}

const jobs = new Map<string, Job>();
const key = (dataDir: string, sourceId: string) => `${dataDir}\u0000${sourceId}`;

export interface ExtractionTarget {
  db: Db;
  dataDir: string;
}

/** Whether this process is reading the source's file with that hash now. */
export function isExtracting(dataDir: string, sourceId: string, hash: string): boolean {
  return jobs.get(key(dataDir, sourceId))?.hash === hash;
}

export function extractionStatus(t: ExtractionTarget, sourceId: string): DocumentStatus | null {
  return documentStatus(t.db, sourceId, (hash) => isExtracting(t.dataDir, sourceId, hash));
}

/**
 * Reads the text of the source's stored file in the background (a running extraction of the
 * same source is cancelled first). Resolves the returned `done` when the text is stored, or
 * the failure with its reason; it never rejects. The file stays stored whatever happens.
 */
export function startExtraction(
  t: ExtractionTarget,
  sourceId: string,
  opts: { lastModified?: string | null } = {},
): { status: DocumentStatus; done: Promise<void> } {
  const source = getSource(t.db, sourceId);
  if (!source) throw new UserError('not_found', { key: 'noSuchSource', params: { id: sourceId } });
  if (!source.fileHash)
    throw new UserError('validation', { key: 'sourceWithoutFile', params: { title: source.title } }, [
      { path: 'sourceId', message: 'has no file attached' },
    ]);
  const bytes = readStoredFile(t.dataDir, source.fileHash);
  if (!bytes)
    throw new UserError('not_found', { key: 'sourceFileNotStored', params: { title: source.title } });
  cancelExtraction(t, sourceId);
  const hash = source.fileHash;
  const format = detectFormat(source.fileName ?? '', bytes);
  beginDocument(t.db, sourceId, hash, format);
  const controller = new AbortController();
  const k = key(t.dataDir, sourceId);
  const run = async () => {
    try {
      const doc = await extractDocument(format, bytes, {
        signal: controller.signal,
        lastModified: opts.lastModified,
        onProgress: (done, total) => documentProgress(t.db, sourceId, hash, done, total),
      });
      saveDocument(t.db, sourceId, hash, doc);
    } catch (err) {
      // A cancelled job's row was written by cancelExtraction and may already belong to a new job.
      if (!t.db.open || controller.signal.aborted) return;
      if (err instanceof ExtractionCancelled) endDocument(t.db, sourceId, hash, 'cancelled', null);
      else endDocument(t.db, sourceId, hash, 'failed', err instanceof Error ? err.message : String(err));
    } finally {
      if (jobs.get(k)?.controller === controller) jobs.delete(k);
    }
  };
  const job: Job = { hash, controller, done: Promise.resolve() };
  jobs.set(k, job);
  job.done = run();
  return { status: extractionStatus(t, sourceId)!, done: job.done };
}

/** Stops a running extraction; the file stays, the viewer says it was cancelled. False when none ran. */
export function cancelExtraction(t: ExtractionTarget, sourceId: string): boolean {
  const job = jobs.get(key(t.dataDir, sourceId));
  if (!job) return false;
  job.controller.abort();
  jobs.delete(key(t.dataDir, sourceId));
  // The row is updated now, not when the worker has gone, so the viewer shows it at once.
  endDocument(t.db, sourceId, job.hash, 'cancelled', null);
  return true;
}

const sweeping = new Map<string, Promise<void>>();

/**
 * Reads, one after the other in the background, the files of sources that have none read yet —
 * what a fact pack brings. Files not stored in this data folder are skipped. One sweep per folder.
 */
export function readUnreadFiles(t: ExtractionTarget): Promise<void> {
  const running = sweeping.get(t.dataDir);
  if (running) return running;
  const sweep = (async () => {
    const skipped = new Set<string>();
    for (;;) {
      if (!t.db.open) return;
      const next = unreadSourceFiles(t.db).find((id) => !skipped.has(id));
      if (!next) return;
      const source = getSource(t.db, next);
      if (!source?.fileHash || !storedFileInfo(t.dataDir, source.fileHash).stored) {
        skipped.add(next);
        continue;
      }
      await startExtraction(t, next).done;
    }
  })().finally(() => sweeping.delete(t.dataDir));
  sweeping.set(t.dataDir, sweep);
  return sweep;
}

/** Waits for a running extraction of the source (the CLI waits; the app polls the status). */
export async function extractionDone(t: ExtractionTarget, sourceId: string): Promise<void> {
  await jobs.get(key(t.dataDir, sourceId))?.done;
}
