import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { $isMarkNode, $unwrapMarkNode, type MarkNode } from '@lexical/mark';
import type { ClaimContext } from '../../../shared/claims/context';
import { claimIdsOf } from '../../../shared/comments/threadIds';

/** Every mark in document order (a depth-first walk; marks do not nest in article bodies). */
export function $allMarks(): MarkNode[] {
  const out: MarkNode[] = [];
  const visit = (node: LexicalNode) => {
    if ($isMarkNode(node)) out.push(node);
    if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  return out;
}

/** The block a mark belongs to: one line of the body's plain text (paragraph, heading, quote, list item). */
function $blockOf(node: LexicalNode): ElementNode | null {
  let current: LexicalNode | null = node.getParent();
  while (current && $isElementNode(current) && current.isInline()) current = current.getParent();
  return current && $isElementNode(current) ? current : null;
}

/** Characters of `block`'s text before `target` starts. */
function $offsetIn(block: ElementNode, target: LexicalNode): number {
  let offset = 0;
  let found = false;
  const visit = (node: LexicalNode) => {
    if (found) return;
    if (node.is(target)) {
      found = true;
      return;
    }
    if ($isElementNode(node) && node.isInline()) node.getChildren().forEach(visit);
    else offset += node.getTextContent().length;
  };
  block.getChildren().forEach(visit);
  return offset;
}

export interface MarkedClaim {
  id: string;
  text: string;
  context: ClaimContext;
  /** Keys of the mark nodes that carry this claim. */
  keys: string[];
}

/**
 * Claims marked in the editor, in document order of their first mark: the marked text (all parts
 * joined) and the paragraph around the first part, which is what the checks read.
 */
export function $markedClaims(): MarkedClaim[] {
  const byId = new Map<string, MarkedClaim>();
  for (const mark of $allMarks()) {
    const markText = mark.getTextContent();
    // A mark emptied by an edit holds no words: its claim is not in the text any more.
    if (markText === '') continue;
    for (const id of claimIdsOf(mark.getIDs())) {
      const known = byId.get(id);
      if (known) {
        known.text += markText;
        known.keys.push(mark.getKey());
        // A later part in the same block widens the stretch the checks read, as on the server.
        const block = $blockOf(mark);
        if (block && block.getTextContent() === known.context.text)
          known.context.end = $offsetIn(block, mark) + markText.length;
        continue;
      }
      const block = $blockOf(mark);
      const blockText = block ? block.getTextContent() : markText;
      const start = block ? $offsetIn(block, mark) : 0;
      byId.set(id, {
        id,
        text: markText,
        context: { text: blockText, start, end: start + markText.length },
        keys: [mark.getKey()],
      });
    }
  }
  return [...byId.values()];
}

/** Selects the whole text of a claim (all its marks) and returns the first mark's key. */
export function $selectClaim(id: string): string | null {
  const marks = $allMarks().filter((m) => m.hasID(id));
  if (marks.length === 0) return null;
  const first = marks[0].getFirstDescendant();
  const last = marks[marks.length - 1].getLastDescendant();
  if (!$isTextNode(first) || !$isTextNode(last)) return null;
  const selection = $createRangeSelection();
  selection.anchor.set(first.getKey(), 0, 'text');
  selection.focus.set(last.getKey(), last.getTextContentSize(), 'text');
  $setSelection(selection);
  return marks[0].getKey();
}

/**
 * The mark ids under the caret, innermost mark first: claims and threads alike. A thread made on
 * part of a claim's words nests its mark inside the claim's, so every enclosing mark counts.
 */
export function $markIdsAtSelection(): string[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const ids: string[] = [];
  for (let node: LexicalNode | null = selection.anchor.getNode(); node; node = node.getParent()) {
    if ($isMarkNode(node)) ids.push(...node.getIDs().filter((id) => !ids.includes(id)));
  }
  return ids;
}

/** The claim ids under the caret. */
export function $claimsAtSelection(): string[] {
  return claimIdsOf($markIdsAtSelection());
}

/** The leaf right after the caret, or (at the end of an element) the leaf right before it. */
function $caretLeaf(): { leaf: LexicalNode; atEnd: boolean; inside: LexicalNode | null } | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const point = selection.anchor;
  const node = point.getNode();
  if (point.type === 'text' || !$isElementNode(node)) return { leaf: node, atEnd: false, inside: node };
  const next = node.getChildAtIndex(point.offset);
  if (next)
    return {
      leaf: $isElementNode(next) ? (next.getFirstDescendant() ?? next) : next,
      atEnd: false,
      inside: null,
    };
  const last = node.getLastDescendant();
  return last ? { leaf: last, atEnd: true, inside: null } : null;
}

/**
 * The next (or previous) claim from the caret in reading order, wrapping around at the ends.
 * Marks of the claim under the caret are skipped, so repeated presses walk claim by claim.
 */
export function $neighbourClaim(direction: 1 | -1): string | null {
  const marks = $allMarks().filter((m) => claimIdsOf(m.getIDs()).length > 0);
  if (marks.length === 0) return null;
  const caret = $caretLeaf();
  const current = new Set($claimsAtSelection());
  const isAhead = (mark: MarkNode) => {
    if (!caret) return true;
    if (caret.inside && (mark.is(caret.inside) || mark.isParentOf(caret.inside))) return false;
    const first = mark.getFirstDescendant() ?? mark;
    const last = mark.getLastDescendant() ?? mark;
    if (direction === 1)
      return caret.atEnd ? caret.leaf.isBefore(first) : caret.leaf.is(first) || caret.leaf.isBefore(first);
    return caret.atEnd ? last.is(caret.leaf) || last.isBefore(caret.leaf) : last.isBefore(caret.leaf);
  };
  const ordered = direction === 1 ? marks : [...marks].reverse();
  const other = (m: MarkNode) => claimIdsOf(m.getIDs()).some((id) => !current.has(id));
  const target = ordered.find((m) => isAhead(m) && other(m)) ?? ordered.find(other) ?? ordered[0];
  const ids = claimIdsOf(target.getIDs());
  return ids.find((id) => !current.has(id)) ?? ids[0] ?? null;
}

/** Takes ids off marks (claims or threads pasted from another article); empty marks are unwrapped. */
export function $removeMarkIds(ids: ReadonlySet<string>): void {
  for (const mark of $allMarks()) {
    for (const id of mark.getIDs()) if (ids.has(id)) mark.deleteID(id);
    if (mark.getIDs().length === 0) $unwrapMarkNode(mark);
  }
}

export function newClaimId(): string {
  return `c-${crypto.randomUUID()}`;
}

/** Claim marks keep their name for the claims code. */
export const $removeClaimIds = $removeMarkIds;
