import { z } from 'zod';
import { channel } from './define';
import { MAX_ATTACHMENT_BYTES } from './facts';
import { SOURCE_KINDS, factId } from '../domain/facts';
import type { Source } from '../domain/facts';
import type { TextSegment } from '../search/highlight';
import type { DocumentStatus, SourceDocumentView } from '../sources/document';

const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;
const sourceRef = z.object({ sourceId: factId }).strict();

/** A passage of a source's text that matched a search (`sources:search`, `factdesk sources search`). */
export interface PassageSearchHit {
  sourceId: string;
  sourceTitle: string;
  ord: number;
  page: number | null;
  paragraph: number | null;
  heading: string | null;
  locator: string;
  snippet: TextSegment[];
  excerpt: string;
}

/** A rendered PDF page (`sources:page-image`). */
export interface PageImage {
  page: number;
  pngBase64: string;
  width: number;
  height: number;
}

export const sourcesContract = {
  /**
   * A new source from a file: stored by SHA-256, its text read (PDFs in the background; poll
   * `sources:status`). Title and URL default to what the file says about itself, else the file name.
   */
  'sources:add': channel<{ source: Source; status: DocumentStatus }>()(
    z
      .object({
        fileName: z.string().min(1, 'must not be empty').max(1000),
        base64: z
          .string()
          .min(1, 'must not be empty')
          .max(MAX_ATTACHMENT_BASE64, `must be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
        title: z.string().trim().max(500).nullable().optional(),
        url: z.string().trim().max(2000).nullable().optional(),
        kind: z.enum(SOURCE_KINDS).optional(),
        /** The file's modification time as the browser reports it (ISO). */
        lastModified: z.iso.datetime({ message: 'must be an ISO date-time' }).nullable().optional(),
      })
      .strict(),
  ),
  /** How far reading the source's file got; null when the source has no file text (no file, or attached before issue 17). */
  'sources:status': channel<DocumentStatus | null>()(sourceRef),
  /** The text for the viewer: segments in reading order. */
  'sources:document': channel<SourceDocumentView | null>()(sourceRef),
  /** Reads the attached file again (after a failure, a cancel or an interrupted run). */
  'sources:extract': channel<DocumentStatus>()(sourceRef),
  'sources:cancel': channel<DocumentStatus | null>()(sourceRef),
  /**
   * One page of the source's PDF drawn as a PNG (base64), drawn on demand and cached in the data
   * folder by file hash, page and scale. `scale` 1 is 72 dpi; the viewer asks for its width × pixel ratio.
   */
  'sources:page-image': channel<PageImage>()(
    z
      .object({
        sourceId: factId,
        page: z.number().int('must be a whole number').min(1, 'must be 1 or more').max(100_000),
        scale: z.number().min(0.25, 'must be at least 0.25').max(4, 'must be at most 4'),
      })
      .strict(),
  ),
  'sources:search': channel<PassageSearchHit[]>()(
    z
      .object({
        query: z.string().max(2000),
        typing: z.boolean().optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ),
};
