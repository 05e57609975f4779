import {
  bodyToBlocks,
  withoutClaimMarks,
  type Block,
  type Inline,
  type InlineFormat,
  type ListBlock,
  type TextRun,
} from '../article/blocks';
import { allowedLinkUrl } from '../article/links';
import type { ArticleBody, ArticleMeta } from '../domain/articles';
import { correctionBlocks, type CorrectionNote } from './corrections';

/**
 * CommonMark (plus GFM strikethrough) export. Underline, subscript and superscript have no
 * Markdown syntax and are written as plain text. Empty paragraphs cannot be expressed and are
 * dropped. Metadata other than the headline goes into a YAML front matter block, which the
 * Markdown importer reads back.
 */
export interface MarkdownOptions {
  /** Write kicker, lead, byline, dateline and language as YAML front matter (default true). */
  frontMatter?: boolean;
  /** Written after the body as a "Corrections" section. */
  corrections?: readonly CorrectionNote[];
}

// Characters that can start inline syntax anywhere in a line.
const INLINE_SPECIAL = /[\\`*_[\]<>~|]/g;

/**
 * A line ending inside a run becomes a hard break: a blank line there would end the paragraph,
 * and whatever follows would be read as a new block (raw HTML included).
 */
const LINE_ENDING = /\r\n?|\n/g;

function escapeInlineText(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(LINE_ENDING, '\\\n');
}

// Characters that only matter at the start of a line (headings, quotes, list markers, setext).
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function codeSpan(raw: string): string {
  // CommonMark turns line endings in a code span into spaces anyway; written as spaces, a
  // blank line cannot end the span's paragraph and let the rest out as live HTML.
  const text = raw.replace(LINE_ENDING, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function sameFormat(a: InlineFormat, b: InlineFormat): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.strikethrough === !!b.strikethrough &&
    !!a.code === !!b.code
  );
}

/** Wraps delimiters around the non-blank middle: "**x **" would not close in CommonMark. */
function wrap(inner: string, delimiter: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  if (m[2] === '') return inner;
  return `${m[1]}${delimiter}${m[2]}${delimiter}${m[3]}`;
}

type Piece = { kind: 'text'; run: TextRun } | { kind: 'raw'; markdown: string };

/**
 * Groups neighbouring runs by format from the outside in (bold, italic, strikethrough), so
 * "**fett *und kursiv***" comes out nested instead of as clashing delimiter runs.
 */
function renderPieces(pieces: Piece[], layers: (keyof InlineFormat)[]): string {
  if (layers.length === 0) {
    return pieces
      .map((p) => {
        if (p.kind === 'raw') return p.markdown;
        return p.run.format.code ? codeSpan(p.run.text) : escapeInlineText(p.run.text);
      })
      .join('');
  }
  const [layer, ...rest] = layers;
  const delimiter = layer === 'bold' ? '**' : layer === 'italic' ? '*' : '~~';
  let out = '';
  let i = 0;
  while (i < pieces.length) {
    const on = pieces[i].kind === 'text' && !!(pieces[i] as { run: TextRun }).run.format[layer];
    let j = i;
    while (
      j < pieces.length &&
      (pieces[j].kind === 'text' && !!(pieces[j] as { run: TextRun }).run.format[layer]) === on
    )
      j++;
    const inner = renderPieces(pieces.slice(i, j), rest);
    out += on ? wrap(inner, delimiter) : inner;
    i = j;
  }
  return out;
}

function linkDestination(url: string): string {
  return url.replace(/[<>\s]/g, (c) => encodeURIComponent(c)).replace(/[()]/g, (c) => `\\${c}`);
}

/**
 * A title cannot span a blank line; if it did, the link would not parse and its title would be
 * read as text. Whitespace is folded and every character with a meaning is escaped, so the
 * title is inert even then.
 */
function linkTitle(title: string): string {
  return title.replace(/\s+/g, ' ').replace(/[\\"'`*_[\]<>~|()&!#]/g, (c) => `\\${c}`);
}

function renderInlines(inlines: Inline[]): string {
  const pieces: Piece[] = [];
  for (const inline of inlines) {
    if (inline.type === 'text') {
      const last = pieces[pieces.length - 1];
      if (last?.kind === 'text' && sameFormat(last.run.format, inline.format))
        last.run = { ...last.run, text: last.run.text + inline.text };
      else pieces.push({ kind: 'text', run: inline });
    } else if (inline.type === 'break') {
      pieces.push({ kind: 'raw', markdown: '\\\n' });
    } else if (inline.type === 'link') {
      const label = renderInlines(inline.children);
      const url = allowedLinkUrl(inline.url);
      if (!url) pieces.push({ kind: 'raw', markdown: label });
      else {
        const title = inline.title ? ` "${linkTitle(inline.title)}"` : '';
        pieces.push({ kind: 'raw', markdown: `[${label}](${linkDestination(url)}${title})` });
      }
    } else {
      pieces.push({ kind: 'raw', markdown: renderInlines(inline.children) });
    }
  }
  return renderPieces(pieces, ['bold', 'italic', 'strikethrough']);
}

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + escapeLineStart(line))
    .join('\n');
}

function renderList(list: ListBlock, indent: string): string {
  return list.items
    .map((item, index) => {
      const marker = list.ordered ? `${list.start + index}. ` : '- ';
      const pad = indent + ' '.repeat(marker.length);
      const content = prefixLines(renderInlines(item.content), indent + marker, pad);
      const nested = item.lists.map((l) => '\n' + renderList(l, pad)).join('');
      return content + nested;
    })
    .join('\n');
}

function renderBlock(block: Block): string | null {
  switch (block.type) {
    case 'heading': {
      const text = renderInlines(
        block.content.map((i) => (i.type === 'break' ? { type: 'text', text: ' ', format: {} } : i)),
      );
      // A trailing run of "#" would be read as the optional closing sequence and vanish.
      const safe = text.trim().replace(/(#+)$/, (hashes) => hashes.replace(/#/g, '\\#'));
      return safe === '' ? null : `${'#'.repeat(block.level)} ${safe}`;
    }
    case 'paragraph': {
      const text = renderInlines(block.content);
      return text.trim() === '' ? null : prefixLines(text, '', '');
    }
    case 'quote': {
      const text = renderInlines(block.content);
      return text.trim() === '' ? null : prefixLines(text, '> ', '> ');
    }
    case 'list':
      return renderList(block, '');
  }
}

function yamlString(value: string): string {
  // A JSON string literal is a valid YAML double-quoted scalar. Markup characters are written as
  // \u escapes, which YAML reads back as the same text: a Markdown renderer that does not know
  // front matter shows it as a paragraph, and raw HTML there would be live.
  return JSON.stringify(value).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The article as Markdown with claim marks removed. */
export function exportMarkdown(meta: ArticleMeta, body: ArticleBody, options: MarkdownOptions = {}): string {
  const parts: string[] = [];
  if (options.frontMatter !== false) {
    const fields: [string, string][] = [
      ['kicker', meta.kicker],
      ['lead', meta.lead],
      ['byline', meta.byline],
      ['dateline', meta.dateline],
      ['language', meta.language],
    ];
    const lines = fields.filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${yamlString(v)}`);
    if (lines.length > 0) parts.push(['---', ...lines, '---'].join('\n'));
  }
  if (meta.headline.trim()) parts.push(`# ${escapeInlineText(meta.headline.trim())}`);
  const blocks = [
    ...withoutClaimMarks(bodyToBlocks(body)),
    ...correctionBlocks(options.corrections ?? [], meta.language),
  ];
  for (const block of blocks) {
    const rendered = renderBlock(block);
    if (rendered !== null) parts.push(rendered);
  }
  return parts.join('\n\n') + '\n';
}
