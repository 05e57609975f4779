import type { Block, ClaimMarkRun, Inline, InlineFormat, ListBlock } from '../article/blocks';
import { allowedLinkUrl } from '../article/links';
import { escapeAttr, escapeText } from './escape';

/**
 * Renders blocks as markup that is both valid HTML5 and well-formed XHTML (void elements are
 * self-closed), so the HTML export, the NewsML-G2 inline XHTML and the annotated export share it.
 */
export interface HtmlBlockOptions {
  /** Wraps a claim mark's already rendered children; without it marks vanish and keep their text. */
  renderClaim?: (run: ClaimMarkRun, inner: string) => string;
  /** Indentation prefix for block lines. */
  indent?: string;
}

// Outermost first, so <strong><em>…</em></strong> nests the same way for every run.
const FORMAT_TAGS: [keyof InlineFormat, string][] = [
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strikethrough', 's'],
  ['subscript', 'sub'],
  ['superscript', 'sup'],
  ['code', 'code'],
];

export function renderInlinesHtml(inlines: Inline[], options: HtmlBlockOptions = {}): string {
  let out = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text': {
        let html = escapeText(inline.text);
        for (let i = FORMAT_TAGS.length - 1; i >= 0; i--) {
          const [name, tag] = FORMAT_TAGS[i];
          if (inline.format[name]) html = `<${tag}>${html}</${tag}>`;
        }
        out += html;
        break;
      }
      case 'break':
        out += '<br />';
        break;
      case 'link': {
        const inner = renderInlinesHtml(inline.children, options);
        const url = allowedLinkUrl(inline.url);
        if (!url) {
          out += inner;
          break;
        }
        const title = inline.title ? ` title="${escapeAttr(inline.title)}"` : '';
        out += `<a href="${escapeAttr(url)}"${title}>${inner}</a>`;
        break;
      }
      case 'claim': {
        const inner = renderInlinesHtml(inline.children, options);
        out += options.renderClaim ? options.renderClaim(inline, inner) : inner;
        break;
      }
    }
  }
  return out;
}

function renderList(list: ListBlock, options: HtmlBlockOptions, indent: string): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
  const items = list.items.map((item) => {
    const nested = item.lists.map((l) => renderList(l, options, indent + '    ')).join('');
    const content = renderInlinesHtml(item.content, options);
    return nested
      ? `${indent}  <li>${content}\n${nested}${indent}  </li>\n`
      : `${indent}  <li>${content}</li>\n`;
  });
  return `${indent}<${tag}${start}>\n${items.join('')}${indent}</${tag}>\n`;
}

export function renderBlocksHtml(blocks: Block[], options: HtmlBlockOptions = {}): string {
  const indent = options.indent ?? '';
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'heading':
          return `${indent}<h${block.level}>${renderInlinesHtml(block.content, options)}</h${block.level}>\n`;
        case 'paragraph':
          return `${indent}<p>${renderInlinesHtml(block.content, options)}</p>\n`;
        case 'quote':
          return `${indent}<blockquote><p>${renderInlinesHtml(block.content, options)}</p></blockquote>\n`;
        case 'list':
          return renderList(block, options, indent);
      }
    })
    .join('');
}
