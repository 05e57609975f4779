import { bodyToBlocks, withoutClaimMarks } from '../article/blocks';
import type { ArticleBody, ArticleMeta } from '../domain/articles';
import { escapeAttr, escapeText } from './escape';
import { CORRECTIONS_CSS, correctionsHtml, type CorrectionNote } from './corrections';
import { renderBlocksHtml } from './htmlBlocks';

/**
 * Small enough to read in the file, good enough on screen and when printed to PDF. The kicker is
 * deliberately not uppercased: text-transform turns ß into SS in printed and copied text.
 */
export const ARTICLE_CSS = `
@page { size: A4; margin: 22mm 20mm; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 12pt; line-height: 1.5; color: #111; margin: 2em auto; max-width: 40em; padding: 0 1em; hyphens: auto; }
header { margin-bottom: 1.5em; }
.kicker { font-family: Helvetica, Arial, sans-serif; font-size: 0.85em; font-weight: bold; letter-spacing: 0.03em; color: #8a1c1c; margin: 0; }
h1 { font-size: 1.9em; line-height: 1.2; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.35em; margin: 1.4em 0 0.4em; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.3em; }
.lead { font-weight: bold; font-size: 1.05em; }
.byline, .dateline { font-family: Helvetica, Arial, sans-serif; font-size: 0.85em; color: #555; margin: 0.2em 0; }
blockquote { margin: 1em 0; padding: 0 0 0 1em; border-left: 3px solid #bbb; font-style: italic; }
a { color: #1a4f8b; }
code { font-family: Menlo, Consolas, monospace; font-size: 0.9em; }
`.trim();

export interface HtmlDocumentParts {
  lang: string;
  title: string;
  css: string;
  headerHtml: string;
  mainHtml: string;
  /** Extra <meta> tags, already escaped. */
  headExtra?: string;
}

/** Wraps rendered parts in a standalone document: no scripts, no external resources. */
export function htmlDocument(parts: HtmlDocumentParts): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeAttr(parts.lang)}">`,
    '<head>',
    '<meta charset="utf-8" />',
    // The file must stay inert when opened: nothing may load or run.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    parts.headExtra ?? '',
    `<title>${escapeText(parts.title)}</title>`,
    `<style>\n${parts.css}\n</style>`,
    '</head>',
    '<body>',
    '<article>',
    parts.headerHtml,
    parts.mainHtml,
    '</article>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function articleHeaderHtml(meta: ArticleMeta): string {
  const lines = ['<header>'];
  if (meta.kicker) lines.push(`<p class="kicker">${escapeText(meta.kicker)}</p>`);
  lines.push(`<h1>${escapeText(meta.headline)}</h1>`);
  if (meta.lead) lines.push(`<p class="lead">${escapeText(meta.lead)}</p>`);
  if (meta.byline) lines.push(`<p class="byline">${escapeText(meta.byline)}</p>`);
  if (meta.dateline) lines.push(`<p class="dateline">${escapeText(meta.dateline)}</p>`);
  lines.push('</header>');
  return lines.join('\n');
}

export interface HtmlOptions {
  /** Printed under the article as its corrections section. */
  corrections?: readonly CorrectionNote[];
}

/** A clean, self-contained HTML document of the article (claim marks removed). */
export function exportHtml(meta: ArticleMeta, body: ArticleBody, options: HtmlOptions = {}): string {
  const corrections = options.corrections ?? [];
  const blocks = withoutClaimMarks(bodyToBlocks(body));
  const headExtra = [
    meta.author ? `<meta name="author" content="${escapeAttr(meta.author)}" />` : '',
    meta.lead ? `<meta name="description" content="${escapeAttr(meta.lead)}" />` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return htmlDocument({
    lang: meta.language,
    title: meta.headline,
    css: corrections.length > 0 ? `${ARTICLE_CSS}\n${CORRECTIONS_CSS}` : ARTICLE_CSS,
    headExtra,
    headerHtml: articleHeaderHtml(meta),
    mainHtml: [renderBlocksHtml(blocks).trimEnd(), correctionsHtml(corrections, meta.language)]
      .filter(Boolean)
      .join('\n'),
  });
}
