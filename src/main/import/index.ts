import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ImportedArticle } from './assemble';
import { ImportError } from './errors';
import type { ErrorText } from '../../shared/errorText';
import { importMarkdown } from './markdown';
import { importText } from './text';

export { ImportError, type ImportErrorCode } from './errors';
export type { ImportedArticle } from './assemble';
export { importMarkdown, importText };

// HTML needs jsdom and DOMPurify, DOCX mammoth as well: loading them takes the event loop for
// up to a second and a half, so a Markdown or text import does not load them at all, and the
// shells load them at idle after start (warm-transfer.ts).
export const loadHtmlImporter = () => import('./html');
export const loadDocxImporter = () => import('./docx');

export type ImportFormat = 'markdown' | 'text' | 'html' | 'docx';

/** Larger files are not articles; refusing them early keeps a mis-click from freezing the app. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const BY_EXTENSION: Record<string, ImportFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
};

const KNOWN_UNSUPPORTED: Record<string, ErrorText> = {
  '.doc': { key: 'importOldWord' },
  '.odt': { key: 'importOdt' },
  '.rtf': { key: 'importRtf' },
  '.pdf': { key: 'importPdf' },
  '.pages': { key: 'importPages' },
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Decodes text files: UTF-8 (with or without BOM), UTF-16 with BOM, and — for files saved by
 * older Windows tools — Windows-1252 when the bytes are not valid UTF-8. Binary data is refused.
 */
export function decodeText(bytes: Uint8Array, fileName: string, warnings: string[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new ImportError('BINARY', fileName, { key: 'importBinary' });
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > sample.length * 0.02) throw new ImportError('BINARY', fileName, { key: 'importBinary' });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    warnings.push(
      `"${fileName}" is not UTF-8; it was read as Windows-1252 — check umlauts and quotation marks`,
    );
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function sniffTextFormat(text: string): ImportFormat {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    /^<(body|article|p|div|h[1-6])[\s>]/.test(head)
  )
    return 'html';
  if (
    /^---\n[\s\S]*?\n---/.test(text) ||
    /^#{1,6} \S/m.test(text) ||
    /\[[^\]]+\]\([^)]+\)/.test(text) ||
    /\*\*\S/.test(text)
  )
    return 'markdown';
  return 'text';
}

export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

/** Picks the importer by extension and content; fails with an ImportError naming the file and problem. */
export async function importFile(
  input: string | ImportInput,
): Promise<ImportedArticle & { format: ImportFormat }> {
  let name: string;
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    name = basename(input);
    try {
      const info = await stat(input);
      if (info.isDirectory()) throw new ImportError('UNREADABLE', name, { key: 'isAFolder' });
      if (info.size > MAX_IMPORT_BYTES)
        throw new ImportError('TOO_LARGE', name, {
          key: 'fileTooLarge',
          params: { mb: MAX_IMPORT_BYTES / 1024 / 1024 },
        });
      bytes = await readFile(input);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        'UNREADABLE',
        name,
        {
          key: 'fileUnreadable',
          params: { detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message },
        },
        { cause: error },
      );
    }
  } else {
    name = input.name;
    bytes = input.bytes;
  }
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportError('TOO_LARGE', name, {
      key: 'fileTooLarge',
      params: { mb: MAX_IMPORT_BYTES / 1024 / 1024 },
    });
  if (bytes.length === 0) throw new ImportError('EMPTY', name, { key: 'fileEmpty' });

  const ext = extname(name).toLowerCase();
  if (KNOWN_UNSUPPORTED[ext]) throw new ImportError('UNSUPPORTED', name, KNOWN_UNSUPPORTED[ext]);
  const byExt = BY_EXTENSION[ext];
  // Files without an extension are sniffed; any other unknown extension is refused by name.
  if (ext && !byExt)
    throw new ImportError('UNSUPPORTED', name, { key: 'importUnsupported', params: { ext } });

  const isZip = startsWith(bytes, ZIP_MAGIC);
  if (byExt === 'docx' || (!byExt && isZip)) {
    if (!isZip) throw new ImportError('CORRUPT', name, { key: 'importNotZip' });
    const { importDocx } = await loadDocxImporter();
    const result = await importDocx(bytes, name);
    return finish(result, 'docx', name);
  }
  if (isZip) throw new ImportError('UNSUPPORTED', name, { key: 'importOtherZip' });

  const warnings: string[] = [];
  const text = decodeText(bytes, name, warnings);
  if (text.trim() === '') throw new ImportError('EMPTY', name, { key: 'importNoText' });
  const format = byExt ?? sniffTextFormat(text);
  const result =
    format === 'html'
      ? (await loadHtmlImporter()).importHtml(text, name)
      : format === 'markdown'
        ? importMarkdown(text)
        : importText(text);
  result.warnings.unshift(...warnings);
  return finish(result, format, name);
}

function finish(
  result: ImportedArticle,
  format: ImportFormat,
  name: string,
): ImportedArticle & { format: ImportFormat } {
  const root = result.body.editorState.root;
  const empty = (root.children ?? []).every((c) => (c.children ?? []).length === 0) && !result.meta.headline;
  if (empty) throw new ImportError('EMPTY', name, { key: 'importNothingFound' });
  return { ...result, format };
}
