// What the fact store keeps of an attached file's text: the format it was read as, how far
// extraction got, and the text as segments in reading order (PDF pages; headings and
// paragraphs of HTML, DOCX and plain text). Pure types and helpers, shared by store,
// handlers, CLI and the renderer's viewer.

export const DOCUMENT_FORMATS = ['pdf', 'html', 'mhtml', 'docx', 'text', 'image', 'other'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const DOCUMENT_STATES = ['extracting', 'done', 'failed', 'cancelled'] as const;
/** `interrupted`: the row says extracting but no extraction runs (the app was closed meanwhile). */
export type DocumentState = (typeof DOCUMENT_STATES)[number] | 'interrupted';

export type SegmentKind = 'page' | 'heading' | 'paragraph';

export interface Segment {
  kind: SegmentKind;
  /** PDF page number (1-based); null for formats without pages. */
  page: number | null;
  /** Running number of the paragraph (1-based, headings not counted); null for pages and headings. */
  paragraph: number | null;
  /** The nearest heading above, for HTML-like formats. */
  heading: string | null;
  text: string;
}

/** What a saved web page says about itself. */
export interface DocumentMeta {
  title: string | null;
  originalUrl: string | null;
  /** ISO date-time the page was saved, when the file says. */
  savedAt: string | null;
}

export interface ExtractedDocument extends DocumentMeta {
  segments: Segment[];
  /** Pages of a PDF; null for other formats. */
  pages: number | null;
}

export interface DocumentStatus {
  sourceId: string;
  format: DocumentFormat;
  state: DocumentState;
  pagesDone: number;
  pagesTotal: number | null;
  /** Why extraction failed, in words for people. */
  error: string | null;
  meta: DocumentMeta;
}

export interface SourceDocumentView extends DocumentStatus {
  fileName: string | null;
  segments: (Segment & { ord: number })[];
}

const EXTENSIONS: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  mhtml: 'mhtml',
  mht: 'mhtml',
  docx: 'docx',
  txt: 'text',
  text: 'text',
  md: 'text',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
};

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The format by the file's first bytes where they are unambiguous (PDF, PNG, JPEG, ZIP for
 * DOCX), else by its extension. 'other' for files the viewer cannot read; they are still stored.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): DocumentFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image';
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const byName = EXTENSIONS[ext] ?? 'other';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return byName === 'docx' ? 'docx' : 'other';
  // A .png or .docx without its signature is mislabelled; a .pdf goes to pdf.js, which says what is wrong with it.
  if (byName === 'image' || byName === 'docx') return 'other';
  return byName;
}

/** Image MIME type for showing a stored PNG or JPEG. */
export function imageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

/** Paragraphs of plain text: blank lines separate them, single line breaks are kept. */
export function textSegments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const clean = block.replace(/[ \t]+\n/g, '\n').trim();
    if (clean)
      out.push({ kind: 'paragraph', page: null, paragraph: out.length + 1, heading: null, text: clean });
  }
  return out;
}
