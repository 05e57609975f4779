import type { ArticleBody, SerializedNodeJSON } from '../domain/articles';
import { SUGGESTED_CHANGE_TYPE, suggestionInfoOf, type SuggestionInfo } from './suggestedChanges';

/**
 * A small document model between Lexical's serialized editor state and the export/import
 * formats. Exporters read blocks instead of Lexical JSON so each format only has to know
 * about headings, paragraphs, quotes, lists and a handful of inline runs; importers build
 * blocks and let `blocksToBody` produce JSON that a real Lexical editor accepts.
 */

export interface InlineFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  subscript?: boolean;
  superscript?: boolean;
}

export interface TextRun {
  type: 'text';
  text: string;
  format: InlineFormat;
  /** Set when the run is part of a pending suggested change (see suggestedChanges.ts). */
  suggestion?: SuggestionInfo;
}

export interface LinkRun {
  type: 'link';
  url: string;
  title: string | null;
  children: Inline[];
}

/** A claim mark; `ids` are claim ids (one stretch of text may carry several claims). */
export interface ClaimMarkRun {
  type: 'claim';
  ids: string[];
  children: Inline[];
}

export interface LineBreakRun {
  type: 'break';
  suggestion?: SuggestionInfo;
}

export type Inline = TextRun | LinkRun | ClaimMarkRun | LineBreakRun;

export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3;
  content: Inline[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  content: Inline[];
}

export interface QuoteBlock {
  type: 'quote';
  content: Inline[];
}

export interface ListItem {
  content: Inline[];
  /** Lists nested under this item, in order. */
  lists: ListBlock[];
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
}

export type Block = HeadingBlock | ParagraphBlock | QuoteBlock | ListBlock;

// Lexical's TextNode format bits (lexical/LexicalConstants).
const FORMAT_BITS: [keyof InlineFormat, number][] = [
  ['bold', 1],
  ['italic', 2],
  ['strikethrough', 4],
  ['underline', 8],
  ['code', 16],
  ['subscript', 32],
  ['superscript', 64],
];

export function formatFromBits(bits: number): InlineFormat {
  const format: InlineFormat = {};
  for (const [name, bit] of FORMAT_BITS) if (bits & bit) format[name] = true;
  return format;
}

export function formatToBits(format: InlineFormat): number {
  let bits = 0;
  for (const [name, bit] of FORMAT_BITS) if (format[name]) bits |= bit;
  return bits;
}

// ---------------------------------------------------------------------------
// Lexical JSON -> blocks

function childrenOf(node: SerializedNodeJSON): SerializedNodeJSON[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

function isNode(value: unknown): value is SerializedNodeJSON {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

function stringProp(node: SerializedNodeJSON, key: string): string | null {
  const value = node[key];
  return typeof value === 'string' ? value : null;
}

function toInlines(nodes: SerializedNodeJSON[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        const text = stringProp(node, 'text') ?? '';
        if (text !== '') out.push({ type: 'text', text, format: formatFromBits(Number(node.format) || 0) });
        break;
      }
      case 'tab':
        out.push({ type: 'text', text: '\t', format: formatFromBits(Number(node.format) || 0) });
        break;
      case 'linebreak':
        out.push({ type: 'break' });
        break;
      case 'link':
      case 'autolink':
        out.push({
          type: 'link',
          url: stringProp(node, 'url') ?? '',
          title: stringProp(node, 'title'),
          children: toInlines(childrenOf(node)),
        });
        break;
      case 'mark': {
        const ids = Array.isArray(node.ids)
          ? node.ids.filter((id): id is string => typeof id === 'string')
          : [];
        out.push({ type: 'claim', ids, children: toInlines(childrenOf(node)) });
        break;
      }
      case SUGGESTED_CHANGE_TYPE: {
        // The change's text stays in place, each run stamped with it; clean exports drop or keep it.
        const info = suggestionInfoOf(node);
        out.push(
          ...(info ? stampSuggestion(toInlines(childrenOf(node)), info) : toInlines(childrenOf(node))),
        );
        break;
      }
      default:
        // Unknown inline nodes (e.g. from a future editor plugin) keep their text so no words vanish.
        if (Array.isArray(node.children)) out.push(...toInlines(childrenOf(node)));
        else if (typeof node.text === 'string' && node.text !== '')
          out.push({ type: 'text', text: node.text, format: {} });
    }
  }
  return out;
}

function stampSuggestion(inlines: Inline[], info: SuggestionInfo): Inline[] {
  return inlines.map((inline) =>
    inline.type === 'text' || inline.type === 'break'
      ? { ...inline, suggestion: info }
      : { ...inline, children: stampSuggestion(inline.children, info) },
  );
}

function toList(node: SerializedNodeJSON): ListBlock {
  const listType = stringProp(node, 'listType');
  const tag = stringProp(node, 'tag');
  const ordered = listType === 'number' || (listType === null && tag === 'ol');
  const start = typeof node.start === 'number' && Number.isFinite(node.start) ? node.start : 1;
  const items: ListItem[] = [];
  for (const child of childrenOf(node)) {
    if (child.type === 'list') {
      appendNestedList(items, toList(child));
      continue;
    }
    const inlineNodes = childrenOf(child).filter((n) => n.type !== 'list');
    const nested = childrenOf(child)
      .filter((n) => n.type === 'list')
      .map(toList);
    if (inlineNodes.length === 0 && nested.length > 0) {
      // Lexical keeps a nested list in its own list item right after the item it belongs to.
      for (const list of nested) appendNestedList(items, list);
    } else {
      items.push({ content: toInlines(inlineNodes), lists: nested });
    }
  }
  return { type: 'list', ordered, start, items };
}

function appendNestedList(items: ListItem[], list: ListBlock): void {
  const last = items[items.length - 1];
  if (last) last.lists.push(list);
  else items.push({ content: [], lists: [list] });
}

function headingLevel(tag: string | null): 2 | 3 {
  return tag === 'h1' || tag === 'h2' ? 2 : 3;
}

/** Reads an article body into blocks. Never throws: malformed or unknown nodes degrade to text. */
export function bodyToBlocks(body: ArticleBody): Block[] {
  const root = body?.editorState?.root;
  if (!isNode(root)) return [];
  const blocks: Block[] = [];
  let stray: SerializedNodeJSON[] = [];
  const flushStray = () => {
    if (stray.length > 0) blocks.push({ type: 'paragraph', content: toInlines(stray) });
    stray = [];
  };
  for (const node of childrenOf(root)) {
    switch (node.type) {
      case 'paragraph':
        flushStray();
        blocks.push({ type: 'paragraph', content: toInlines(childrenOf(node)) });
        break;
      case 'heading':
        flushStray();
        blocks.push({
          type: 'heading',
          level: headingLevel(stringProp(node, 'tag')),
          content: toInlines(childrenOf(node)),
        });
        break;
      case 'quote':
        flushStray();
        blocks.push({ type: 'quote', content: toInlines(childrenOf(node)) });
        break;
      case 'list':
        flushStray();
        blocks.push(toList(node));
        break;
      case 'text':
      case 'tab':
      case 'linebreak':
      case 'link':
      case 'autolink':
      case 'mark':
      case SUGGESTED_CHANGE_TYPE:
        stray.push(node);
        break;
      default:
        flushStray();
        blocks.push({ type: 'paragraph', content: toInlines(childrenOf(node)) });
    }
  }
  flushStray();
  return blocks;
}

// ---------------------------------------------------------------------------
// blocks -> Lexical JSON

// Direction is left null as a headless editor does; a DOM editor fills it in on first render.
function elementBase(type: string, children: SerializedNodeJSON[], indent = 0) {
  return { children, direction: null, format: '', indent, type, version: 1 };
}

function textNodes(text: string, format: InlineFormat): SerializedNodeJSON[] {
  const bits = formatToBits(format);
  const nodes: SerializedNodeJSON[] = [];
  // Lexical stores tabs as their own node type; a literal tab inside a text node would be split
  // on the first edit anyway, so split now.
  const parts = text.split('\t');
  parts.forEach((part, index) => {
    if (index > 0)
      nodes.push({ detail: 2, format: bits, mode: 'normal', style: '', text: '\t', type: 'tab', version: 1 });
    if (part !== '')
      nodes.push({
        detail: 0,
        format: bits,
        mode: 'normal',
        style: '',
        text: part,
        type: 'text',
        version: 1,
      });
  });
  return nodes;
}

function sameFormat(a: InlineFormat, b: InlineFormat): boolean {
  return formatToBits(a) === formatToBits(b);
}

/**
 * Merges neighbouring text runs of equal format and drops empty ones, as Lexical's own
 * normalisation would on the next edit; two bodies with the same content then serialize alike.
 */
export function canonicalInlines(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.type === 'text') {
      if (inline.text === '') continue;
      const last = out[out.length - 1];
      if (
        last?.type === 'text' &&
        sameFormat(last.format, inline.format) &&
        last.suggestion?.id === inline.suggestion?.id
      )
        out[out.length - 1] = { ...last, text: last.text + inline.text };
      else out.push(inline);
    } else if (inline.type === 'break') out.push(inline);
    else out.push({ ...inline, children: canonicalInlines(inline.children) });
  }
  return out;
}

export function canonicalBlocks(blocks: Block[]): Block[] {
  const list = (l: ListBlock): ListBlock => ({
    ...l,
    items: l.items.map((item) => ({ content: canonicalInlines(item.content), lists: item.lists.map(list) })),
  });
  return blocks.map((b) => (b.type === 'list' ? list(b) : { ...b, content: canonicalInlines(b.content) }));
}

function suggestionNode(info: SuggestionInfo, children: SerializedNodeJSON[]): SerializedNodeJSON {
  return {
    ...elementBase(SUGGESTED_CHANGE_TYPE, children),
    kind: info.kind,
    suggestionId: info.id,
    author: info.author,
    date: info.date,
  };
}

function inlineNodes(inlines: Inline[]): SerializedNodeJSON[] {
  const out: SerializedNodeJSON[] = [];
  // Neighbouring runs of one suggestion share one suggested-change node.
  const push = (info: SuggestionInfo | undefined, nodes: SerializedNodeJSON[]) => {
    if (!info) return void out.push(...nodes);
    const last = out[out.length - 1];
    if (last?.type === SUGGESTED_CHANGE_TYPE && last.suggestionId === info.id) last.children!.push(...nodes);
    else out.push(suggestionNode(info, nodes));
  };
  for (const inline of canonicalInlines(inlines)) {
    switch (inline.type) {
      case 'text':
        push(inline.suggestion, textNodes(inline.text, inline.format));
        break;
      case 'break':
        push(inline.suggestion, [{ type: 'linebreak', version: 1 }]);
        break;
      case 'link': {
        const children = inlineNodes(inline.children);
        if (children.length === 0) break;
        out.push({
          ...elementBase('link', children),
          rel: null,
          target: null,
          title: inline.title,
          url: inline.url,
        });
        break;
      }
      case 'claim': {
        const children = inlineNodes(inline.children);
        if (children.length === 0) break;
        if (inline.ids.length === 0) out.push(...children);
        else out.push({ ...elementBase('mark', children), ids: [...inline.ids] });
        break;
      }
    }
  }
  return out;
}

function paragraphNode(inlines: Inline[]): SerializedNodeJSON {
  return { ...elementBase('paragraph', inlineNodes(inlines)), textFormat: 0, textStyle: '' };
}

/** `depth` is the nesting level; Lexical stores it as the indent of each item. */
function listNode(list: ListBlock, depth = 0): SerializedNodeJSON {
  const children: SerializedNodeJSON[] = [];
  let value = list.ordered ? list.start : 1;
  for (const item of list.items) {
    const hasContent = item.content.length > 0 || item.lists.length === 0;
    if (hasContent) {
      children.push({ ...elementBase('listitem', inlineNodes(item.content), depth), value });
      value += 1;
    }
    for (const nested of item.lists) {
      // The item that only holds a nested list does not count, matching Lexical's own numbering.
      children.push({ ...elementBase('listitem', [listNode(nested, depth + 1)], depth), value });
    }
  }
  return {
    ...elementBase('list', children),
    listType: list.ordered ? 'number' : 'bullet',
    start: list.ordered ? list.start : 1,
    tag: list.ordered ? 'ol' : 'ul',
  };
}

/** Builds a body whose editor state loads with `editor.parseEditorState` in Lexical 0.52. */
export function blocksToBody(blocks: Block[]): ArticleBody {
  const children: SerializedNodeJSON[] = blocks.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return paragraphNode(block.content);
      case 'heading':
        return { ...elementBase('heading', inlineNodes(block.content)), tag: `h${block.level}` };
      case 'quote':
        return elementBase('quote', inlineNodes(block.content));
      case 'list':
        return listNode(block);
    }
  });
  // Lexical requires at least one block in the root for the caret to land in.
  if (children.length === 0) children.push(paragraphNode([]));
  return { schemaVersion: 1, editorState: { root: elementBase('root', children) } };
}

// ---------------------------------------------------------------------------
// Plain text

/**
 * One text line per unit, in document order: each paragraph, heading and block quote, and each
 * list item at any depth (nested items follow their parent item). Line breaks inside a unit
 * become "\n", tabs stay "\t", claim marks and links contribute their text.
 */
export function lineUnits(blocks: Block[]): Inline[][] {
  const units: Inline[][] = [];
  const addList = (list: ListBlock) => {
    for (const item of list.items) {
      units.push(item.content);
      item.lists.forEach(addList);
    }
  };
  for (const block of blocks) {
    if (block.type === 'list') addList(block);
    else units.push(block.content);
  }
  return units;
}

export interface ClaimRange {
  claimId: string;
  /** Offsets into `plainText(body)`, in UTF-16 code units (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
  text: string;
}

interface TextWalk {
  text: string;
  ranges: ClaimRange[];
}

function walk(blocks: Block[]): TextWalk {
  let text = '';
  const ranges: ClaimRange[] = [];
  const visit = (inlines: Inline[]) => {
    for (const inline of inlines) {
      if (inline.type === 'text') text += inline.text;
      else if (inline.type === 'break') text += '\n';
      else if (inline.type === 'link') visit(inline.children);
      else {
        const start = text.length;
        visit(inline.children);
        for (const claimId of inline.ids) {
          // A claim split across two marks (e.g. around a link edge) is one range when the parts touch.
          const previous = ranges.findLast((r) => r.claimId === claimId);
          if (previous && previous.end === start) previous.end = text.length;
          else ranges.push({ claimId, start, end: text.length, text: '' });
        }
      }
    }
  };
  lineUnits(blocks).forEach((unit, index) => {
    if (index > 0) text += '\n';
    visit(unit);
  });
  for (const range of ranges) range.text = text.slice(range.start, range.end);
  return { text, ranges };
}

/**
 * The body as plain text: every paragraph, heading, block quote and list item (at any depth) is
 * one line, lines joined by a single "\n"; a line break inside a paragraph is also "\n".
 * Claim detection and `claimRanges` measure offsets in exactly this string, so any change here
 * moves every stored offset.
 */
export function plainText(body: ArticleBody): string {
  return walk(bodyToBlocks(body)).text;
}

export function blocksPlainText(blocks: Block[]): string {
  return walk(blocks).text;
}

/** Where each claim mark sits in `plainText(body)`, in document order. */
export function claimRanges(body: ArticleBody): ClaimRange[] {
  return walk(bodyToBlocks(body)).ranges.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Text of a run list without any structure, e.g. for a heading used as a headline. */
export function inlineText(inlines: Inline[]): string {
  return walk([{ type: 'paragraph', content: inlines }]).text;
}

/** Drops claim marks but keeps their text; exporters for readers outside the desk use this. */
export function withoutClaimMarks(blocks: Block[]): Block[] {
  const strip = (inlines: Inline[]): Inline[] =>
    inlines.flatMap((inline): Inline[] => {
      if (inline.type === 'claim') return strip(inline.children);
      if (inline.type === 'link') return [{ ...inline, children: strip(inline.children) }];
      return [inline];
    });
  const stripList = (list: ListBlock): ListBlock => ({
    ...list,
    items: list.items.map((item) => ({ content: strip(item.content), lists: item.lists.map(stripList) })),
  });
  return blocks.map((block) =>
    block.type === 'list' ? stripList(block) : { ...block, content: strip(block.content) },
  );
}
