import { bodyToBlocks, withoutClaimMarks, type Block, type Inline, type ListBlock } from '../article/blocks';
import { allowedLinkUrl } from '../article/links';
import type { ArticleBody, ArticleMeta } from '../domain/articles';
import { toXsdDateTime } from './dates';
import { correctionBlocks, correctionSentence, inOrder, type CorrectionNote } from './corrections';
import { escapeAttr, escapeText } from './escape';

/**
 * NITF 3.6 document. NITF has no third heading level, so h3 is written as hl2 with
 * class="level-3"; underline, strikethrough, code, sub- and superscript have no NITF element and
 * are written as plain text. The kicker becomes the second hedline line (hl2).
 */

/** NITF's ISO 8601 basic format, e.g. 20261124T093000Z. */
function nitfDate(value: string | null | undefined): string | null {
  const iso = toXsdDateTime(value);
  return iso ? iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '') : null;
}

function managementStatus(meta: ArticleMeta): string {
  return meta.status === 'ready' || meta.status === 'published' ? 'usable' : 'withheld';
}

function inlines(runs: Inline[]): string {
  let out = '';
  for (const run of runs) {
    switch (run.type) {
      case 'text': {
        let text = escapeText(run.text);
        if (run.format.italic) text = `<em>${text}</em>`;
        if (run.format.bold) text = `<strong>${text}</strong>`;
        out += text;
        break;
      }
      case 'break':
        out += '<br/>';
        break;
      case 'link': {
        const inner = inlines(run.children);
        const url = allowedLinkUrl(run.url);
        out += url ? `<a href="${escapeAttr(url)}">${inner}</a>` : inner;
        break;
      }
      case 'claim':
        out += inlines(run.children);
        break;
    }
  }
  return out;
}

function list(block: ListBlock, indent: string): string {
  const tag = block.ordered ? 'ol' : 'ul';
  const items = block.items.map((item) => {
    const nested = item.lists.map((l) => list(l, indent + '    ')).join('');
    return nested
      ? `${indent}  <li>${inlines(item.content)}\n${nested}${indent}  </li>\n`
      : `${indent}  <li>${inlines(item.content)}</li>\n`;
  });
  return `${indent}<${tag}>\n${items.join('')}${indent}</${tag}>\n`;
}

function block(b: Block, indent: string): string {
  switch (b.type) {
    case 'heading':
      return `${indent}<hl2${b.level === 3 ? ' class="level-3"' : ''}>${inlines(b.content)}</hl2>\n`;
    case 'paragraph':
      return `${indent}<p>${inlines(b.content)}</p>\n`;
    case 'quote':
      return `${indent}<bq><block><p>${inlines(b.content)}</p></block></bq>\n`;
    case 'list':
      return list(b, indent);
  }
}

/** Corrections go into `docdata` as NITF `correction` elements and after the body as a section. */
export function exportNitf(
  meta: ArticleMeta,
  body: ArticleBody,
  options: { corrections?: readonly CorrectionNote[] } = {},
): string {
  const lang = escapeAttr(meta.language);
  const issued = nitfDate(meta.updatedAt);
  const corrections = inOrder(options.corrections ?? []);
  const blocks = [...withoutClaimMarks(bodyToBlocks(body)), ...correctionBlocks(corrections, meta.language)];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<nitf version="-//IPTC//DTD NITF 3.6//EN" baselang="${lang}">`,
    '  <head>',
    `    <title>${escapeText(meta.headline)}</title>`,
    `    <docdata management-status="${managementStatus(meta)}">`,
    `      <doc-id id-string="${escapeAttr(meta.id)}"/>`,
    issued ? `      <date.issue norm="${issued}"/>` : '',
    ...corrections.map(
      (note) =>
        `      <correction info="${escapeAttr(correctionSentence(note, meta.language))}" id-string="${escapeAttr(meta.id)}"/>`,
    ),
    '    </docdata>',
    '  </head>',
    '  <body>',
    '    <body.head>',
    '      <hedline>',
    `        <hl1>${escapeText(meta.headline)}</hl1>`,
    meta.kicker ? `        <hl2>${escapeText(meta.kicker)}</hl2>` : '',
    '      </hedline>',
    meta.byline ? `      <byline>${escapeText(meta.byline)}</byline>` : '',
    meta.dateline ? `      <dateline>${escapeText(meta.dateline)}</dateline>` : '',
    meta.lead ? `      <abstract><p>${escapeText(meta.lead)}</p></abstract>` : '',
    '    </body.head>',
    '    <body.content>',
    blocks
      .map((b) => block(b, '      '))
      .join('')
      .trimEnd(),
    '    </body.content>',
    '    <body.end/>',
    '  </body>',
    '</nitf>',
  ];
  return lines.filter((l) => l !== '').join('\n') + '\n';
}
