import type { Inline, ListBlock, ListItem } from '../../shared/article/blocks';
import { ARTICLE_LANGUAGES, type ArticleMeta } from '../../shared/domain/articles';
import { assemble, type DraftBlock, type ImportedArticle } from './assemble';
import { parseInline } from './markdownInline';

/**
 * Markdown import: ATX and setext headings, paragraphs, block quotes, bullet and numbered lists
 * (nested by indentation), fenced code as code-formatted text, and the YAML front matter that the
 * Markdown export writes (kicker, headline, lead, byline, dateline, language). Thematic breaks,
 * images, tables' structure and raw HTML are not kept.
 */

const FRONT_MATTER_KEYS = ['kicker', 'headline', 'lead', 'byline', 'dateline', 'language'] as const;

function readFrontMatter(
  lines: string[],
  warnings: string[],
): { meta: Partial<ArticleMeta>; rest: string[] } {
  if (lines[0]?.trim() !== '---') return { meta: {}, rest: lines };
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end === -1) return { meta: {}, rest: lines };
  const meta: Partial<ArticleMeta> = {};
  for (const line of lines.slice(1, end)) {
    const m = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    let value = m[2].trim();
    if (value.startsWith('"')) {
      try {
        value = JSON.parse(value) as string;
      } catch {
        value = value.replace(/^"|"$/g, '');
      }
    } else if (value.startsWith("'")) value = value.replace(/^'|'$/g, '').replace(/''/g, "'");
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) continue;
    if (key === 'language') {
      if ((ARTICLE_LANGUAGES as readonly string[]).includes(value))
        meta.language = value as ArticleMeta['language'];
      else warnings.push(`Front matter language "${value}" is not de or en and was ignored`);
    } else meta[key as 'kicker' | 'headline' | 'lead' | 'byline' | 'dateline'] = value;
  }
  return { meta, rest: lines.slice(end + 1) };
}

const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])( +|$)(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC = /^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
/** All quote markers of a line at once: nested quotes end up as one quote level anyway, and peeling them one call deep each overflowed the stack on 2,000 of them. */
const QUOTE_ALL = /^(?: {0,3}> ?)+(.*)$/;
/** Lists nest at most this deep; deeper items stay at this level (no article nests lists further). */
export const MAX_LIST_DEPTH = 16;

function expandTabs(line: string): string {
  return line.replace(/^\t+/, (tabs) => '    '.repeat(tabs.length));
}

function startsBlock(line: string): boolean {
  return (
    ATX.test(line) || FENCE.test(line) || QUOTE.test(line) || THEMATIC.test(line) || LIST_ITEM.test(line)
  );
}

interface ParsedItem {
  indent: number;
  ordered: boolean;
  number: number;
  lines: string[];
}

/** Builds nested lists from items, nesting each item under the closest less-indented one before it. */
function buildList(items: ParsedItem[]): ListBlock {
  const root: ListBlock = { type: 'list', ordered: items[0].ordered, start: items[0].number, items: [] };
  const stack: { list: ListBlock; indent: number }[] = [{ list: root, indent: items[0].indent }];
  for (const item of items) {
    while (stack.length > 1 && item.indent < stack[stack.length - 1].indent) stack.pop();
    let top = stack[stack.length - 1];
    if (item.indent > top.indent + 1 && stack.length < MAX_LIST_DEPTH) {
      const parent = top.list.items[top.list.items.length - 1];
      if (parent) {
        const nested: ListBlock = { type: 'list', ordered: item.ordered, start: item.number, items: [] };
        parent.lists.push(nested);
        stack.push({ list: nested, indent: item.indent });
        top = stack[stack.length - 1];
      }
    }
    const entry: ListItem = { content: parseInline(item.lines.join('\n')), lists: [] };
    top.list.items.push(entry);
  }
  return root;
}

function parseBlocks(lines: string[]): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = expandTabs(lines[i]);
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(marker)) body.push(lines[i++]);
      i++;
      const content: Inline[] = [];
      body.forEach((codeLine, n) => {
        if (n > 0) content.push({ type: 'break' });
        if (codeLine) content.push({ type: 'text', text: codeLine, format: { code: true } });
      });
      blocks.push({ type: 'paragraph', content });
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      blocks.push({ type: 'sourceHeading', level: atx[1].length, content: parseInline(atx[2] ?? '') });
      i++;
      continue;
    }
    if (THEMATIC.test(line)) {
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && lines[i].trim() !== '' && (QUOTE.test(lines[i]) || !startsBlock(lines[i]))) {
        inner.push(QUOTE_ALL.exec(lines[i])?.[1] ?? lines[i]);
        i++;
      }
      for (const block of parseBlocks(inner)) {
        // Quotes hold text only; a heading or paragraph inside becomes its own quote block.
        if (block.type === 'paragraph' || block.type === 'sourceHeading' || block.type === 'quote')
          blocks.push({ type: 'quote', content: block.content });
        else blocks.push(block);
      }
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const items: ParsedItem[] = [];
      while (i < lines.length) {
        const current = expandTabs(lines[i]);
        const m = LIST_ITEM.exec(current);
        if (m && !THEMATIC.test(current)) {
          items.push({
            indent: m[1].length,
            ordered: /\d/.test(m[2]),
            number: /\d/.test(m[2]) ? parseInt(m[2], 10) : 1,
            lines: [m[4]],
          });
          i++;
          continue;
        }
        if (current.trim() === '') {
          // A blank line ends the list unless the next line continues it (a "loose" list).
          const next = lines[i + 1] !== undefined ? expandTabs(lines[i + 1]) : '';
          if (LIST_ITEM.test(next) || (/^ {2,}\S/.test(next) && items.length > 0)) {
            i++;
            continue;
          }
          break;
        }
        if (/^ +\S/.test(current) || !startsBlock(current)) {
          items[items.length - 1].lines.push(current.trim());
          i++;
          continue;
        }
        break;
      }
      blocks.push(buildList(items));
      continue;
    }
    // Paragraph, possibly a setext heading.
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(expandTabs(lines[i]))) {
      const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(lines[i]);
      if (underline && para.length > 0) {
        blocks.push({
          type: 'sourceHeading',
          level: underline[1].startsWith('=') ? 1 : 2,
          content: parseInline(para.join('\n')),
        });
        para.length = 0;
        i++;
        break;
      }
      para.push(lines[i]);
      i++;
    }
    // "---" under a paragraph is a setext underline, which startsBlock sees as a thematic break.
    if (para.length > 0 && i < lines.length && /^ {0,3}-+[ \t]*$/.test(lines[i])) {
      blocks.push({ type: 'sourceHeading', level: 2, content: parseInline(para.join('\n')) });
      i++;
      continue;
    }
    if (para.length > 0) blocks.push({ type: 'paragraph', content: parseInline(para.join('\n')) });
  }
  return blocks;
}

export function importMarkdown(source: string): ImportedArticle {
  const warnings: string[] = [];
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const { meta, rest } = readFrontMatter(lines, warnings);
  return assemble(parseBlocks(rest), meta, warnings);
}
