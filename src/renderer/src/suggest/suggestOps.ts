import {
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
  type TextNode,
} from 'lexical';
import {
  $createSuggestedChangeNode,
  $isSuggestedChangeNode,
  type SuggestedChangeNode,
} from '../editor/nodes/SuggestedChangeNode';
import type { SuggestionInfo } from '../../../shared/article/suggestedChanges';

/** Who is suggesting, and the clock and id source (injected so tests are deterministic). */
export interface SuggestActor {
  author: string;
  now(): string;
  newId(): string;
}

type Leaf = TextNode | LexicalNode;

const isLeaf = (node: LexicalNode): boolean => $isTextNode(node) || $isLineBreakNode(node);

/** The suggestion a node belongs to: the nearest suggested-change among its inline ancestors. */
export function $suggestionOf(node: LexicalNode | null): SuggestedChangeNode | null {
  let current: LexicalNode | null = node;
  while (current) {
    if ($isSuggestedChangeNode(current)) return current;
    const parent: ElementNode | null = current.getParent();
    if (!parent || !parent.isInline()) return null;
    current = parent;
  }
  return null;
}

function $blockOf(node: LexicalNode): ElementNode | null {
  let current: LexicalNode | null = $isElementNode(node) && !node.isInline() ? node : node.getParent();
  while (current && $isElementNode(current) && current.isInline()) current = current.getParent();
  return current && $isElementNode(current) ? current : null;
}

function $leavesOf(element: ElementNode): Leaf[] {
  const out: Leaf[] = [];
  const visit = (node: LexicalNode) => {
    if (isLeaf(node)) out.push(node);
    else if ($isElementNode(node) && (node.isInline() || node.is(element))) node.getChildren().forEach(visit);
  };
  visit(element);
  return out;
}

const leafSize = (leaf: Leaf) => ($isTextNode(leaf) ? leaf.getTextContentSize() : 1);

function $isOwn(node: SuggestedChangeNode | null, kind: 'insert' | 'delete', author: string): boolean {
  return node !== null && node.getKind() === kind && node.getAuthor() === author;
}

/** Every suggested-change node in document order. */
export function $allSuggestionNodes(): SuggestedChangeNode[] {
  const out: SuggestedChangeNode[] = [];
  const visit = (node: LexicalNode) => {
    if ($isSuggestedChangeNode(node)) out.push(node);
    if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return out;
}

function $unwrap(node: ElementNode): void {
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

/** Moves `source`'s children into `target` (at its start or end) and drops `source`. */
function $mergeInto(target: SuggestedChangeNode, source: SuggestedChangeNode, atStart: boolean): void {
  const children = source.getChildren();
  const first = target.getFirstChild();
  if (atStart && first) for (const child of children) first.insertBefore(child);
  else target.append(...children);
  source.remove();
}

/**
 * A caret inside deleted text is moved out of it before anything is typed, so new text is
 * never part of a deletion: to just before the deletion when the caret sits at its very start
 * (Backspace, then typing), else just after it (typing over a selection).
 */
function $moveCaretOutOfDeletion(selection: RangeSelection): void {
  const node = selection.anchor.getNode();
  const deletion = $suggestionOf(node);
  if (!deletion || deletion.getKind() !== 'delete') return;
  const parent = deletion.getParent();
  if (!parent) return;
  const first = deletion.getFirstDescendant();
  const atStart = selection.anchor.offset === 0 && first !== null && first.is(node);
  const index = deletion.getIndexWithinParent() + (atStart ? 0 : 1);
  selection.anchor.set(parent.getKey(), index, 'element');
  selection.focus.set(parent.getKey(), index, 'element');
}

/** Where a new inline node goes for a caret: a parent element and the child index. */
function $insertionPoint(
  selection: RangeSelection,
  author: string,
): { parent: ElementNode; index: number } | null {
  const { anchor } = selection;
  const node = anchor.getNode();
  if (!$isTextNode(node)) {
    if (!$isElementNode(node)) return null;
    const inside = $suggestionOf(node);
    if (inside)
      return inside.getParent()
        ? { parent: inside.getParent()!, index: inside.getIndexWithinParent() + 1 }
        : null;
    return { parent: node, index: anchor.offset };
  }
  const other = $suggestionOf(node);
  if (other && !$isOwn(other, 'insert', author)) {
    // Someone else's insertion (or our own in another format) is split, never extended.
    const otherParent = other.getParent();
    if (!otherParent) return null;
    if (
      !node.getParent()!.is(other) ||
      (anchor.offset === node.getTextContentSize() && node.getNextSibling() === null)
    )
      return { parent: otherParent, index: other.getIndexWithinParent() + 1 };
    if (anchor.offset === 0 && node.getPreviousSibling() === null)
      return { parent: otherParent, index: other.getIndexWithinParent() };
    const right =
      anchor.offset === 0
        ? node
        : anchor.offset === node.getTextContentSize()
          ? node.getNextSibling()
          : node.splitText(anchor.offset)[1];
    const tail = $createSuggestedChangeNode(other.getInfo());
    other.insertAfter(tail);
    let moving: LexicalNode | null = right;
    while (moving) {
      const next: LexicalNode | null = moving.getNextSibling();
      tail.append(moving);
      moving = next;
    }
    return { parent: otherParent, index: other.getIndexWithinParent() + 1 };
  }
  const parent = node.getParent();
  if (!parent) return null;
  const index = node.getIndexWithinParent();
  if (anchor.offset === 0) return { parent, index };
  if (anchor.offset >= node.getTextContentSize()) return { parent, index: index + 1 };
  node.splitText(anchor.offset);
  return { parent, index: index + 1 };
}

/**
 * Types `text` as a suggested insertion at the selection. A selection is first marked as
 * deleted; text typed inside or right after one's own pending insertion (same format) extends
 * it, anywhere else it starts a new one. Returns false when there is no text selection.
 */
export function $suggestInsertText(text: string, actor: SuggestActor): boolean {
  let selection = $getSelection();
  if (!$isRangeSelection(selection) || text === '') return false;
  if (!selection.isCollapsed()) {
    $suggestDeleteSelection(selection, actor, 'end');
    selection = $getSelection();
    if (!$isRangeSelection(selection)) return false;
  }
  $moveCaretOutOfDeletion(selection);
  const { format, style } = selection;
  const anchorNode = selection.anchor.getNode();
  if ($isTextNode(anchorNode) && selection.anchor.type === 'text') {
    const own = $suggestionOf(anchorNode);
    if ($isOwn(own, 'insert', actor.author) && anchorNode.getFormat() === format) {
      anchorNode.spliceText(selection.anchor.offset, 0, text, true);
      return true;
    }
    if (!own && selection.anchor.offset === 0) {
      // Right after one's own insertion (the caret landed in the next text node): go on with it.
      const previous = anchorNode.getPreviousSibling();
      const last = $isSuggestedChangeNode(previous) ? previous.getLastChild() : null;
      if (
        $isOwn(previous as SuggestedChangeNode | null, 'insert', actor.author) &&
        $isTextNode(last) &&
        last.getFormat() === format
      ) {
        last.spliceText(last.getTextContentSize(), 0, text, true);
        return true;
      }
    }
  }
  const point = $insertionPoint(selection, actor.author);
  if (!point) return false;
  const textNode = $createTextNode(text).setFormat(format).setStyle(style);
  const insertion = $createSuggestedChangeNode({
    kind: 'insert',
    id: actor.newId(),
    author: actor.author,
    date: actor.now(),
  }).append(textNode);
  point.parent.splice(point.index, 0, [insertion]);
  textNode.select(text.length, text.length);
  return true;
}

function $caretAt(leaf: Leaf, where: 'start' | 'end'): void {
  if ($isTextNode(leaf)) {
    const offset = where === 'start' ? 0 : leaf.getTextContentSize();
    leaf.select(offset, offset);
    return;
  }
  const parent = leaf.getParent();
  if (!parent) return;
  const index = leaf.getIndexWithinParent() + (where === 'start' ? 0 : 1);
  parent.select(index, index);
}

/**
 * Marks the selected text as a suggested deletion instead of removing it. Text of one's own
 * pending insertion is removed for real (it never was part of the article); so is text of
 * someone else's pending insertion, which a deletion withdraws like a rejection (undo brings
 * it back). Text already marked as deleted stays as it is. One selection is one suggestion,
 * even across paragraphs; it merges with one's own neighbouring deletions. The caret ends at
 * the start (`collapseTo` 'start', Backspace) or the end of the range.
 */
export function $suggestDeleteSelection(
  selection: RangeSelection,
  actor: SuggestActor,
  collapseTo: 'start' | 'end',
): void {
  if (selection.isCollapsed()) return;
  const info: SuggestionInfo = { kind: 'delete', id: actor.newId(), author: actor.author, date: actor.now() };
  const leaves = selection
    .extract()
    .filter((n) => isLeaf(n) && !($isTextNode(n) && n.getTextContentSize() === 0));
  const touched: SuggestedChangeNode[] = [];
  const kept: Leaf[] = [];
  for (const leaf of leaves) {
    if (!leaf.isAttached()) continue;
    const suggestion = $suggestionOf(leaf);
    if (suggestion?.getKind() === 'delete') {
      kept.push(leaf);
      continue;
    }
    if (suggestion?.getKind() === 'insert') {
      leaf.remove();
      continue;
    }
    kept.push(leaf);
    const previous = leaf.getPreviousSibling();
    if ($isSuggestedChangeNode(previous) && previous.getSuggestionId() === info.id) {
      previous.append(leaf);
      continue;
    }
    const deletion = $createSuggestedChangeNode(info);
    leaf.insertBefore(deletion, false);
    deletion.append(leaf);
    touched.push(deletion);
  }
  for (const deletion of touched) {
    if (!deletion.isAttached()) continue;
    const next = deletion.getNextSibling();
    if ($isSuggestedChangeNode(next) && $isOwn(next, 'delete', actor.author))
      $mergeInto(next, deletion, true);
    const target = deletion.isAttached() ? deletion : (next as SuggestedChangeNode);
    const previous = target.getPreviousSibling();
    if ($isSuggestedChangeNode(previous) && $isOwn(previous, 'delete', actor.author))
      $mergeInto(previous, target, false);
  }
  const attached = kept.filter((leaf) => leaf.isAttached());
  if (attached.length > 0)
    $caretAt(collapseTo === 'start' ? attached[0] : attached[attached.length - 1], collapseTo);
  else {
    const current = $getSelection();
    if ($isRangeSelection(current)) {
      const point = (collapseTo === 'start') === current.isBackward() ? current.focus : current.anchor;
      current.anchor.set(point.key, point.offset, point.type);
      current.focus.set(point.key, point.offset, point.type);
    }
  }
}

/**
 * Backspace (`isBackward`) or Delete on a caret: marks the character before or after it as
 * deleted, stepping over text already marked deleted. At the edge of a paragraph nothing
 * happens: joining paragraphs is a structural edit that suggest mode does not track.
 */
export function $suggestDeleteCharacter(isBackward: boolean, actor: SuggestActor): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  if (!selection.isCollapsed()) {
    $suggestDeleteSelection(selection, actor, isBackward ? 'start' : 'end');
    return true;
  }
  const anchorNode = selection.anchor.getNode();
  const block = $blockOf(anchorNode);
  if (!block) return true;
  const leaves = $leavesOf(block);
  if (leaves.length === 0) return true;
  // The caret as (leaf index, offset in that leaf).
  let index: number;
  let offset: number;
  if ($isTextNode(anchorNode)) {
    index = leaves.findIndex((l) => l.is(anchorNode));
    offset = selection.anchor.offset;
  } else {
    const child = $isElementNode(anchorNode) ? anchorNode.getChildAtIndex(selection.anchor.offset) : null;
    const firstLeaf = child
      ? isLeaf(child)
        ? child
        : $isElementNode(child)
          ? child.getFirstDescendant()
          : null
      : null;
    index = firstLeaf ? leaves.findIndex((l) => l.is(firstLeaf)) : -1;
    offset = 0;
    if (index < 0) {
      const lastLeaf = $isElementNode(anchorNode) ? anchorNode.getLastDescendant() : null;
      index = lastLeaf ? leaves.findIndex((l) => l.is(lastLeaf)) : leaves.length - 1;
      offset = index >= 0 ? leafSize(leaves[index]) : 0;
    }
  }
  if (index < 0) return true;
  for (;;) {
    const leaf = leaves[index];
    const deleted = $suggestionOf(leaf)?.getKind() === 'delete';
    const size = leafSize(leaf);
    if (!deleted && (isBackward ? offset > 0 : offset < size)) {
      const range = $createRangeSelection();
      if ($isTextNode(leaf)) {
        const text = leaf.getTextContent();
        let start = isBackward ? offset - 1 : offset;
        let end = isBackward ? offset : offset + 1;
        // Never split a surrogate pair (emoji, rare CJK): the pair is one character.
        if (
          isBackward &&
          start > 0 &&
          /[\uDC00-\uDFFF]/.test(text[start]) &&
          /[\uD800-\uDBFF]/.test(text[start - 1])
        )
          start -= 1;
        if (
          !isBackward &&
          end < text.length &&
          /[\uD800-\uDBFF]/.test(text[start]) &&
          /[\uDC00-\uDFFF]/.test(text[end])
        )
          end += 1;
        range.anchor.set(leaf.getKey(), start, 'text');
        range.focus.set(leaf.getKey(), end, 'text');
      } else {
        const parent = leaf.getParent()!;
        const at = leaf.getIndexWithinParent();
        range.anchor.set(parent.getKey(), at, 'element');
        range.focus.set(parent.getKey(), at + 1, 'element');
      }
      $setSelection(range);
      $suggestDeleteSelection(range, actor, isBackward ? 'start' : 'end');
      return true;
    }
    index += isBackward ? -1 : 1;
    if (index < 0 || index >= leaves.length) return true;
    offset = isBackward ? leafSize(leaves[index]) : 0;
  }
}

/** Suggestion ids under the caret or touched by the selection, in document order. */
export function $suggestionIdsAtSelection(): string[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const ids: string[] = [];
  const add = (node: LexicalNode) => {
    const suggestion = $isSuggestedChangeNode(node) ? node : $suggestionOf(node);
    if (suggestion && !ids.includes(suggestion.getSuggestionId())) ids.push(suggestion.getSuggestionId());
  };
  if (selection.isCollapsed()) add(selection.anchor.getNode());
  else selection.getNodes().forEach(add);
  return ids;
}

/**
 * Accepts or rejects suggestions: those with the given ids, or all when `ids` is null.
 * Accepting an insertion or rejecting a deletion keeps the text as plain text; the other two
 * remove it, claim marks inside included (the claim is then "not in the text"; undo restores).
 * Returns how many suggestions were resolved.
 */
export function $resolveSuggestions(ids: ReadonlySet<string> | null, accept: boolean): number {
  const done = new Set<string>();
  for (const node of $allSuggestionNodes()) {
    const id = node.getSuggestionId();
    if (ids && !ids.has(id)) continue;
    if (!node.isAttached()) continue;
    done.add(id);
    if ((node.getKind() === 'insert') === accept) $unwrap(node);
    else node.remove();
  }
  return done.size;
}

export interface ReviewItem extends SuggestionInfo {
  text: string;
  /** The affected paragraphs without and with this one change applied (other changes shown as they stand). */
  before: string;
  after: string;
  /** Key of the first node, to show the change in the text. */
  firstKey: string;
}

/** The pending suggestions for the review list, one per id in document order. */
export function $reviewItems(): ReviewItem[] {
  const groups = new Map<string, { info: SuggestionInfo; nodes: SuggestedChangeNode[] }>();
  for (const node of $allSuggestionNodes()) {
    const id = node.getSuggestionId();
    const group = groups.get(id);
    if (group) group.nodes.push(node);
    else groups.set(id, { info: node.getInfo(), nodes: [node] });
  }
  const items: ReviewItem[] = [];
  for (const { info, nodes } of groups.values()) {
    const blocks: ElementNode[] = [];
    for (const node of nodes) {
      const block = $blockOf(node);
      if (block && !blocks.some((b) => b.is(block))) blocks.push(block);
    }
    const side = (drop: 'insert' | 'delete') =>
      blocks
        .map((block) =>
          $leavesOf(block)
            .filter((leaf) => {
              const s = $suggestionOf(leaf);
              return !(s && s.getSuggestionId() === info.id && s.getKind() === drop);
            })
            .map((leaf) => leaf.getTextContent())
            .join(''),
        )
        .join('\n');
    items.push({
      ...info,
      text: nodes.map((n) => n.getTextContent()).join(''),
      before: side('insert'),
      after: side('delete'),
      firstKey: nodes[0].getKey(),
    });
  }
  return items;
}

/** Selects the whole text of one suggestion; returns its first node's key. */
export function $selectSuggestion(id: string): string | null {
  const nodes = $allSuggestionNodes().filter((n) => n.getSuggestionId() === id);
  if (nodes.length === 0) return null;
  const first = nodes[0].getFirstDescendant();
  const last = nodes[nodes.length - 1].getLastDescendant();
  if (!$isTextNode(first) || !$isTextNode(last)) return nodes[0].getKey();
  const selection = $createRangeSelection();
  selection.anchor.set(first.getKey(), 0, 'text');
  selection.focus.set(last.getKey(), last.getTextContentSize(), 'text');
  $setSelection(selection);
  return nodes[0].getKey();
}

export function newSuggestionId(): string {
  return `s-${crypto.randomUUID()}`;
}
