import { textSegments, type DocumentFormat, type ExtractedDocument } from '../../shared/sources/document';
import { parseMhtml } from '../../shared/sources/mhtml';
import { pdfDocument, type PdfProgress } from './pdfText';

export interface ExtractOptions {
  onProgress?: PdfProgress;
  signal?: AbortSignal;
  /** When the file was last changed, as the browser reported it: a saved page's saving date when the page does not say. */
  lastModified?: string | null;
}

/** Text files and saved pages: UTF-8 (with or without BOM), else the charset the page declares, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    const declared = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
    try {
      return new TextDecoder(declared ?? 'windows-1252').decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}

const EMPTY: ExtractedDocument = { title: null, originalUrl: null, savedAt: null, segments: [], pages: null };

// jsdom and mammoth load with the first file that needs them: every handler module imports this
// one, and app start and CLI commands must not pay for them (docs/performance.md).
const html = async () => (await import('./htmlText')).htmlDocument;

/**
 * The text of a stored file, by format. Throws an Error whose message says why for files
 * that cannot be read; the caller keeps the file either way.
 */
export async function extractDocument(
  format: DocumentFormat,
  bytes: Uint8Array,
  opts: ExtractOptions = {},
): Promise<ExtractedDocument> {
  switch (format) {
    case 'pdf':
      return pdfDocument(bytes, opts.onProgress, opts.signal);
    case 'html':
      return (await html())(decodeText(bytes), { savedAt: opts.lastModified ?? null });
    case 'mhtml': {
      const page = parseMhtml(decodeText(bytes));
      return (await html())(page.html, {
        title: page.title,
        originalUrl: page.originalUrl,
        savedAt: page.savedAt ?? opts.lastModified ?? null,
      });
    }
    case 'docx': {
      const mammoth = (await import('mammoth')).default;
      let converted: string;
      try {
        converted = (
          await mammoth.convertToHtml(
            { buffer: Buffer.from(bytes) },
            { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
          )
        ).value;
      } catch (err) {
        throw new Error(
          `The Word document could not be read (${(err as Error).message}); it may be damaged or not a .docx file.`,
        );
      }
      const doc = (await html())(converted);
      return { ...doc, title: null };
    }
    case 'text':
      return { ...EMPTY, segments: textSegments(decodeText(bytes)) };
    case 'image':
      return EMPTY;
    default:
      throw new Error(
        'Factdesk reads the text of PDF, HTML, MHTML, DOCX and plain-text files and shows PNG and JPEG images; this file is none of them.',
      );
  }
}
