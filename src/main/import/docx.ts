import mammoth from 'mammoth';
import { DOCX_STYLE_IDS } from '../docx-styles';
import type { ImportedArticle } from './assemble';
import { ImportError } from './errors';
import { importHtml } from './html';
import { declaredUnpackedSize } from './zipSize';
import { applyTrackedChanges, readZipEntry } from './docxRevisions';
import { blocksToBody, bodyToBlocks } from '../../shared/article/blocks';

/** What a DOCX may unpack to: text, styles and numbering of the longest article are a few MB. */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;

/**
 * DOCX import through mammoth (DOCX → semantic HTML) and the HTML importer. Word's Title style
 * becomes the headline; this app's Kicker/Lead/Byline/Dateline styles fill the metadata; Quote
 * styles become block quotes. Images are never converted.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  `p[style-name='${DOCX_STYLE_IDS.kicker}'] => p.kicker:fresh`,
  `p[style-name='${DOCX_STYLE_IDS.lead}'] => p.lead:fresh`,
  `p[style-name='${DOCX_STYLE_IDS.byline}'] => p.byline:fresh`,
  `p[style-name='${DOCX_STYLE_IDS.dateline}'] => p.dateline:fresh`,
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  // German Word names its built-in styles in German.
  "p[style-name='Titel'] => h1:fresh",
  "p[style-name='Zitat'] => blockquote > p:fresh",
  "p[style-name='Intensives Zitat'] => blockquote > p:fresh",
  "p[style-name='Überschrift 1'] => h1:fresh",
  "p[style-name='Überschrift 2'] => h2:fresh",
  "p[style-name='Überschrift 3'] => h3:fresh",
];

export async function importDocx(bytes: Uint8Array, fileName = 'document.docx'): Promise<ImportedArticle> {
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked !== null && unpacked > MAX_DOCX_UNPACKED_BYTES) {
    throw new ImportError('TOO_LARGE', fileName, {
      key: 'docxTooLarge',
      params: { mb: MAX_DOCX_UNPACKED_BYTES / 1024 / 1024 },
    });
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Dropping images here keeps tracking pixels and embedded pictures out of the article.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError(
      'CORRUPT',
      fileName,
      { key: 'docxUnreadable', params: { detail: (error as Error).message } },
      { cause: error },
    );
  }
  const article = importHtml(`<!DOCTYPE html><html><body>${html}</body></html>`, fileName);
  return withTrackedChanges(article, bytes);
}

/** Word's tracked changes become suggested changes in the imported body (mammoth alone accepts them all). */
function withTrackedChanges(article: ImportedArticle, bytes: Uint8Array): ImportedArticle {
  let xml: string;
  try {
    const part = readZipEntry(bytes, 'word/document.xml');
    if (!part) return article;
    xml = part.toString('utf8');
  } catch {
    // mammoth has read the file already; a part we cannot inflate only costs the revisions.
    return {
      ...article,
      warnings: [
        ...article.warnings,
        'Tracked changes could not be read; insertions were accepted and deletions left out.',
      ],
    };
  }
  if (!/<w:(ins|del)\b/.test(xml)) return article;
  const blocks = bodyToBlocks(article.body);
  const warnings = applyTrackedChanges(blocks, xml, new Date().toISOString());
  return { ...article, body: blocksToBody(blocks), warnings: [...article.warnings, ...warnings] };
}
