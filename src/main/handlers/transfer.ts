import path from 'node:path';
import {
  ANNOTATABLE_FORMATS,
  EXPORT_FORMATS,
  exportExtension,
  type ExportFormatInfo,
  canCarryComments,
} from '../../shared/contract/transfer';
import { englishSentence, type ErrorText } from '../../shared/errorText';
import { UserError } from '../../shared/result';
import { FileExistsError, fileExists, writeFileAtomic } from '../export/writeFile';
import type { HandlerTable } from './table';
import {
  defaultExportDirectory,
  pendingSuggestionsOf,
  publishesCorrections,
  renderExport,
} from './transferExport';
import { markCorrectionsExported } from '../../store/corrections';
import { actingUser } from './actingUser';
import { importBytes, importPath } from './transferImport';

function absoluteFolder(directory: string, field = 'directory'): string {
  if (!path.isAbsolute(directory)) {
    throw new UserError(
      'validation',
      { key: 'folderNotFullPath', params: { example: path.join(path.sep, 'home', 'me', 'Documents') } },
      [{ path: field, message: 'must be a full path' }],
    );
  }
  return path.normalize(directory);
}

function existsError(fileName: string, directory: string): UserError {
  return new UserError('conflict', { key: 'fileExists', params: { fileName, directory } }, [
    { path: 'fileName', message: 'already exists' },
  ]);
}

function writeError(err: unknown, directory: string): UserError | null {
  const code = (err as NodeJS.ErrnoException).code;
  const why: ErrorText | null =
    code === 'EACCES' || code === 'EPERM'
      ? { key: 'permissionDenied' }
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? { key: 'fileInTheWay' }
        : code === 'ENOSPC'
          ? { key: 'diskFull' }
          : code === 'EROFS'
            ? { key: 'diskReadOnly' }
            : null;
  return why
    ? new UserError('validation', { key: 'cannotWriteTo', params: { directory, why } }, [
        { path: 'directory', message: englishSentence(why) },
      ])
    : null;
}

export const transferHandlers = {
  'export:formats': (_input, ctx): ExportFormatInfo[] =>
    EXPORT_FORMATS.map((id) => ({
      id,
      extension: exportExtension(id),
      annotatable: ANNOTATABLE_FORMATS.includes(id),
      available: id !== 'pdf' || ctx.platform.printToPdf !== undefined,
    })),
  'export:default-directory': (_input, ctx) => ({ path: defaultExportDirectory(ctx) }),
  'export:article': async (
    { articleId, format, annotated, comments, directory, fileName, overwrite, uiLanguage, trackedChanges },
    ctx,
  ) => {
    if (trackedChanges && format !== 'docx') {
      throw new UserError('validation', { key: 'trackedChangesOnlyDocx', params: { format } }, [
        { path: 'trackedChanges', message: 'only for docx' },
      ]);
    }
    if (annotated && !ANNOTATABLE_FORMATS.includes(format)) {
      throw new UserError('validation', { key: 'annotatedOnlyHtmlPdf', params: { format } }, [
        { path: 'annotated', message: 'only for html and pdf' },
      ]);
    }
    if (comments && !canCarryComments(format, annotated)) {
      throw new UserError(
        'validation',
        { key: annotated ? 'commentsNotIntoAnnotated' : 'commentsNotInto', params: { format } },
        [{ path: 'comments', message: 'only for annotated html and pdf, and docx' }],
      );
    }
    const dir = absoluteFolder(directory);
    const target = path.join(dir, fileName);
    // Checked before rendering so nobody waits for a PDF that cannot be written; the write checks again atomically.
    if (!overwrite && (await fileExists(target))) throw existsError(fileName, dir);
    const content = await renderExport(ctx, {
      articleId,
      format,
      annotated: annotated ?? false,
      comments: comments ?? false,
      uiLanguage,
      trackedChanges,
    });
    try {
      await writeFileAtomic(target, content, { overwrite });
    } catch (err) {
      if (err instanceof FileExistsError) throw existsError(fileName, dir);
      throw writeError(err, dir) ?? err;
    }
    // The file is out: its corrections can no longer be changed quietly.
    if (publishesCorrections(format, annotated ?? false))
      markCorrectionsExported(ctx.db, articleId, actingUser(ctx), new Date().toISOString());
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    // Factdesk JSON carries the suggestions as they are; every other format is told what it left out.
    const pending = format === 'json' ? [] : pendingSuggestionsOf(ctx, articleId);
    return {
      path: target,
      directory: dir,
      fileName,
      bytes,
      pendingSuggestions: pending,
      trackedChanges: trackedChanges === true && format === 'docx',
    };
  },
  'export:choose-path': async ({ directory, fileName }, ctx) => {
    const choose = ctx.platform.chooseSavePath;
    if (!choose) throw new UserError('unavailable', { key: 'noFileDialog' });
    const chosen = await choose(path.join(absoluteFolder(directory), fileName));
    return chosen ? { directory: path.dirname(chosen), fileName: path.basename(chosen) } : null;
  },
  'import:file': async ({ name, bytesBase64, updateFacts }, ctx) =>
    importBytes(
      ctx,
      path.basename(name.replace(/\\/g, '/')),
      Buffer.from(bytesBase64, 'base64'),
      updateFacts ?? false,
    ),
  'import:path': async ({ path: filePath, updateFacts }, ctx) =>
    importPath(ctx, absoluteFolder(filePath, 'path'), updateFacts ?? false),
} satisfies HandlerTable<
  | 'export:formats'
  | 'export:default-directory'
  | 'export:article'
  | 'export:choose-path'
  | 'import:file'
  | 'import:path'
>;
