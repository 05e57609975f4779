import type { Inline, ListBlock } from '../../shared/article/blocks';
import type { ArticleMeta } from '../../shared/domain/articles';
import { assemble, type DraftBlock, type ImportedArticle } from './assemble';

/**
 * Plain-text import. Paragraphs are separated by blank lines; a single newline inside a paragraph
 * is a line break. The first paragraph becomes the headline when it is one short line (or the
 * kicker and the headline when it is two short lines, as the text export writes them) and more
 * text follows. A paragraph whose lines all start with ">" is a block quote, one whose lines are
 * all "- " or "1. " items is a list (two spaces of indentation nest), matching the text export.
 */

const MAX_HEADLINE = 140;
const MAX_KICKER = 80;
const ITEM = /^( *)(?:[-*•–]|(\d{1,4})[.)]) +(.*)$/;

function lineInlines(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    if (line !== '') out.push({ type: 'text', text: line, format: {} });
  });
  return out;
}

function asList(lines: string[]): ListBlock | null {
  const parsed = lines.map((line) => ITEM.exec(line));
  if (parsed.some((m) => m === null)) return null;
  const items = parsed as RegExpExecArray[];
  const make = (m: RegExpExecArray): ListBlock => ({
    type: 'list',
    ordered: m[2] !== undefined,
    start: m[2] ? parseInt(m[2], 10) : 1,
    items: [],
  });
  const root = make(items[0]);
  const stack: { list: ListBlock; indent: number }[] = [{ list: root, indent: items[0][1].length }];
  for (const m of items) {
    const indent = m[1].length;
    while (stack.length > 1 && indent < stack[stack.length - 1].indent) stack.pop();
    let top = stack[stack.length - 1];
    const parent = top.list.items[top.list.items.length - 1];
    if (indent > top.indent && parent) {
      const nested = make(m);
      parent.lists.push(nested);
      stack.push({ list: nested, indent });
      top = stack[stack.length - 1];
    }
    top.list.items.push({ content: [{ type: 'text', text: m[3], format: {} }], lists: [] });
  }
  return root;
}

export function importText(source: string): ImportedArticle {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n').map((line) => line.replace(/\s+$/, '')))
    .map((lines) => {
      // Drop blank lines left at the edges of a paragraph, keep indentation for list nesting.
      while (lines.length && lines[0].trim() === '') lines.shift();
      while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
      return lines;
    })
    .filter((lines) => lines.length > 0);

  const meta: Partial<ArticleMeta> = {};
  const first = paragraphs[0];
  if (first && paragraphs.length > 1) {
    const short = (line: string, max: number) =>
      line.trim().length > 0 && line.trim().length <= max && !ITEM.test(line);
    if (first.length === 1 && short(first[0], MAX_HEADLINE)) {
      meta.headline = first[0].trim();
      paragraphs.shift();
    } else if (first.length === 2 && short(first[0], MAX_KICKER) && short(first[1], MAX_HEADLINE)) {
      meta.kicker = first[0].trim();
      meta.headline = first[1].trim();
      paragraphs.shift();
    }
  }

  const blocks: DraftBlock[] = paragraphs.map((lines) => {
    if (lines.every((l) => /^ {0,3}>/.test(l)))
      return { type: 'quote', content: lineInlines(lines.map((l) => l.replace(/^ {0,3}> ?/, ''))) };
    const list = asList(lines);
    if (list) return list;
    return { type: 'paragraph', content: lineInlines(lines.map((l) => l.trim())) };
  });
  return assemble(blocks, meta);
}
