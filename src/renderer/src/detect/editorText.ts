import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { claimIdsOf } from '../../../shared/comments/threadIds';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isMarkNode } from '@lexical/mark';

/** One text node of the editor and where its text sits in the plain text. */
export interface TextSegment {
  key: string;
  start: number;
  end: number;
}

/**
 * The editor's body as the plain text detection reads (`plainText(body)` of the saved body: one
 * line per paragraph, heading, block quote and list item, joined by "\n"), with the text nodes
 * that hold each stretch and the stretches claim marks already cover.
 */
export interface EditorTextMap {
  text: string;
  segments: TextSegment[];
  marked: { start: number; end: number }[];
}

/**
 * Walks the live editor state. The line rules mirror `lineUnits` in shared/article/blocks.ts,
 * including its quirk that a list opening with a nested list starts with an empty line; a test
 * holds the two to the same text for every node type an article can contain.
 */
export function $editorTextMap(): EditorTextMap {
  let text = '';
  const segments: TextSegment[] = [];
  const marked: { start: number; end: number }[] = [];
  let lines = 0;

  const newLine = () => {
    if (lines++ > 0) text += '\n';
  };
  const inline = (node: LexicalNode) => {
    if ($isLineBreakNode(node)) {
      text += '\n';
    } else if ($isTextNode(node)) {
      const t = node.getTextContent();
      if (t === '') return;
      segments.push({ key: node.getKey(), start: text.length, end: text.length + t.length });
      text += t;
    } else if ($isElementNode(node)) {
      const start = text.length;
      for (const child of node.getChildren()) inline(child);
      // Text under a comment alone is still open for suggestions; a claim mark is not.
      if ($isMarkNode(node) && claimIdsOf(node.getIDs()).length > 0 && text.length > start)
        marked.push({ start, end: text.length });
    }
  };
  const line = (children: LexicalNode[]) => {
    newLine();
    children.forEach(inline);
  };
  const list = (node: ListNode) => {
    let items = 0;
    for (const item of node.getChildren()) {
      if (!$isListItemNode(item)) continue;
      const children = item.getChildren();
      const nested = children.filter($isListNode);
      const own = children.filter((c) => !$isListNode(c));
      if (own.length === 0 && nested.length > 0) {
        // The saved body hangs a nested-only item on the item before it, or on an empty one.
        if (items === 0) line([]);
      } else {
        line(own);
      }
      items++;
      nested.forEach(list);
    }
  };
  for (const block of $getRoot().getChildren()) {
    if ($isListNode(block)) list(block);
    else if ($isElementNode(block)) line((block as ElementNode).getChildren());
  }
  return { text, segments, marked };
}

/** The first segment whose end is after `offset` (binary search: segments are in text order). */
function segmentIndex(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface TextPoint {
  key: string;
  offset: number;
}

/**
 * Where a plain-text range starts and ends in text nodes. The start goes into the node that holds
 * the first character, the end into the node that holds the last, so a range never begins at the
 * end of the node before it. Null when the range holds no text of any node.
 */
export function pointsOf(
  map: EditorTextMap,
  start: number,
  end: number,
): { anchor: TextPoint; focus: TextPoint } | null {
  if (end <= start) return null;
  const first = segmentIndex(map.segments, start);
  const last = segmentIndex(map.segments, end - 1);
  const a = map.segments[first];
  const b = map.segments[last];
  if (!a || !b || a.start >= end || b.end <= start) return null;
  return {
    anchor: { key: a.key, offset: Math.max(0, start - a.start) },
    focus: { key: b.key, offset: Math.min(b.end, end) - b.start },
  };
}

/** A selection over a plain-text range, or null when the text there is no longer `expected`. */
export function $selectionOf(
  map: EditorTextMap,
  start: number,
  end: number,
  expected?: string,
): RangeSelection | null {
  if (expected !== undefined && map.text.slice(start, end) !== expected) return null;
  const points = pointsOf(map, start, end);
  if (!points) return null;
  if (!$getNodeByKey(points.anchor.key) || !$getNodeByKey(points.focus.key)) return null;
  const selection = $createRangeSelection();
  selection.anchor.set(points.anchor.key, points.anchor.offset, 'text');
  selection.focus.set(points.focus.key, points.focus.offset, 'text');
  return selection;
}

interface MarkedIndex {
  starts: number[];
  /** maxEnd[k]: the furthest end among the first k stretches by start. */
  maxEnd: number[];
}
const indexes = new WeakMap<readonly { start: number; end: number }[], MarkedIndex>();

function markedIndex(marked: readonly { start: number; end: number }[]): MarkedIndex {
  let index = indexes.get(marked);
  if (!index) {
    const sorted = [...marked].sort((a, b) => a.start - b.start);
    const maxEnd = [-Infinity];
    for (const m of sorted) maxEnd.push(Math.max(maxEnd[maxEnd.length - 1], m.end));
    index = { starts: sorted.map((m) => m.start), maxEnd };
    indexes.set(marked, index);
  }
  return index;
}

/**
 * Whether [start, end) overlaps a stretch a claim mark covers. Asked for every suggestion of
 * every pass: with 1,500 marks and as many suggestions in a long article a scan of all marks
 * per question cost tens of milliseconds, so it is a binary search over the stretches sorted by
 * start (some stretch starting before `end` reaches past `start`).
 */
export function overlapsMarked(map: Pick<EditorTextMap, 'marked'>, start: number, end: number): boolean {
  const { starts, maxEnd } = markedIndex(map.marked);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < end) lo = mid + 1;
    else hi = mid;
  }
  return maxEnd[lo] > start;
}
