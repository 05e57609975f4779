import { z } from 'zod';
import { channel } from './define';
import { UI_LANGUAGES } from './app';
import type { ArticleMeta } from '../domain/articles';
import { exportFileName } from '../export/fileName';
import type { PendingSuggestion } from '../article/suggestedChanges';

/**
 * Export of one article to a file in a folder, and import of files as new articles. The
 * renderer never sees file contents on export: main renders, then writes atomically and refuses
 * to replace an existing file unless the call says `overwrite` (the UI asks first).
 */
export const EXPORT_FORMATS = [
  'html',
  'md',
  'txt',
  'docx',
  'pdf',
  'newsml',
  'nitf',
  'claimreview',
  'json',
  'report',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats with a version for the record, claims numbered and footnoted. */
export const ANNOTATABLE_FORMATS: readonly ExportFormat[] = ['html', 'pdf'];

/**
 * File name endings. Formats that share a container (XML, JSON, HTML) get a second part so an
 * article's exports can sit side by side in one folder: `…-derby.newsml.xml`, `…-derby.nitf.xml`.
 */
const EXTENSIONS: Record<ExportFormat, string> = {
  html: 'html',
  md: 'md',
  txt: 'txt',
  docx: 'docx',
  pdf: 'pdf',
  newsml: 'newsml.xml',
  nitf: 'nitf.xml',
  claimreview: 'claimreview.jsonld',
  json: 'factdesk.json',
  report: 'factcheck.html',
};

/**
 * Formats that carry comment threads when asked: the annotated HTML and PDF (as notes) and DOCX
 * (as Word comments). A clean HTML or PDF never does.
 */
export function canCarryComments(format: ExportFormat, annotated = false): boolean {
  return format === 'docx' || ((format === 'html' || format === 'pdf') && annotated);
}

export function exportExtension(format: ExportFormat, annotated = false): string {
  const ext = EXTENSIONS[format];
  return annotated && ANNOTATABLE_FORMATS.includes(format) ? `annotated.${ext}` : ext;
}

/** `2026-11-24-muenchen-zahlt-sieben-millionen.annotated.pdf` — date, headline slug, the format's ending. */
export function suggestExportFileName(
  meta: Pick<ArticleMeta, 'headline' | 'language'>,
  format: ExportFormat,
  annotated = false,
  date?: Date | string,
): string {
  return exportFileName(meta, exportExtension(format, annotated), date);
}

export interface ExportFormatInfo {
  id: ExportFormat;
  extension: string;
  annotatable: boolean;
  /** False when this shell cannot produce the format at all (PDF without any Chromium to print with). */
  available: boolean;
}

export interface ExportResult {
  path: string;
  directory: string;
  fileName: string;
  bytes: number;
  /**
   * Suggested changes still pending in the article. A clean export leaves their insertions out
   * and keeps their deletions; a DOCX with `trackedChanges` carries them as Word revisions.
   */
  pendingSuggestions: PendingSuggestion[];
  /** True when the file carries the pending suggestions as Word tracked changes. */
  trackedChanges: boolean;
}

export type ImportedFormat = 'markdown' | 'text' | 'html' | 'docx' | 'factdesk-json';

export interface ImportResult {
  articleId: string;
  headline: string;
  format: ImportedFormat;
  /** What was dropped or guessed while reading the file. */
  warnings: string[];
  /** Claims brought along (Factdesk JSON only). */
  claims: number;
  /** Facts newly added to the store (Factdesk JSON only). */
  factsCreated: number;
}

// Folders, control characters and what Windows refuses in a name.
// eslint-disable-next-line no-control-regex
const NOT_IN_FILE_NAMES = /[/\\\u0000-\u001f:*?"<>|]/;

/** Only the last part of a path: no folders, nothing hidden behind "..", nothing a file system refuses. */
export const exportFileNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine(
    (v) => !NOT_IN_FILE_NAMES.test(v),
    'must be a file name without folders or the characters / \\ : * ? " < > |',
  )
  .refine((v) => v !== '.' && v !== '..' && !v.startsWith('.'), 'must not start with a dot');

const folder = z.string().trim().min(1, 'must not be empty').max(4096, 'is too long');
const articleId = z.string().trim().min(1, 'must not be empty').max(64);
const none = z.object({}).strict().optional();

/** Base64 of the largest file the importers accept (20 MB) with room for padding; Factdesk JSON with attached files may be larger. */
export const MAX_IMPORT_BASE64 = 64 * 1024 * 1024;

export const transferContract = {
  'export:formats': channel<ExportFormatInfo[]>()(none),
  /** `~/Documents/Factdesk`, or `<data folder>/exports` where that cannot be written. */
  'export:default-directory': channel<{ path: string }>()(none),
  'export:article': channel<ExportResult>()(
    z
      .object({
        articleId,
        format: z.enum(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
        annotated: z.boolean().optional(),
        /** Comment threads go along: notes in the annotated HTML/PDF, Word comments in DOCX. */
        comments: z.boolean().optional(),
        directory: folder,
        fileName: exportFileNameSchema,
        /** Replace a file of that name; without it an existing file is a `conflict` error. */
        overwrite: z.boolean().optional(),
        /** Language of labels in the annotated version and the report; defaults to the UI language. */
        uiLanguage: z.enum(UI_LANGUAGES).optional(),
        /** DOCX only: write pending suggested changes as Word tracked changes (w:ins / w:del). */
        trackedChanges: z.boolean().optional(),
      })
      .strict(),
  ),
  /** The shell's own save dialog (Electron); answers null when the user cancels. */
  'export:choose-path': channel<{ directory: string; fileName: string } | null>()(
    z.object({ directory: folder, fileName: exportFileNameSchema }).strict(),
  ),
  /** A file the renderer holds (file picker, drag and drop). */
  'import:file': channel<ImportResult>()(
    z
      .object({
        name: z.string().trim().min(1, 'must not be empty').max(255),
        bytesBase64: z
          .string()
          .max(MAX_IMPORT_BASE64, 'is larger than Factdesk imports')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
        /** For Factdesk JSON: let the file's version of facts that differ here replace them. */
        updateFacts: z.boolean().optional(),
      })
      .strict(),
  ),
  /** A file on this machine by path (CLI, native dialogs). */
  'import:path': channel<ImportResult>()(
    z.object({ path: folder, updateFacts: z.boolean().optional() }).strict(),
  ),
};
