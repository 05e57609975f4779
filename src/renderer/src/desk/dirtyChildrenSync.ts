import { $getNodeByKey, type NodeKey, type NodeMap } from 'lexical';
import type { Binding } from '@lexical/yjs';

type SyncChild = (
  binding: Binding,
  index: number,
  key: NodeKey,
  prevNodeMap: NodeMap | null,
  dirtyElements: Map<NodeKey, boolean> | null,
  dirtyLeaves: Set<NodeKey> | null,
) => void;

const SYNC_CHILD = '_syncChildFromLexical';

/**
 * @lexical/yjs (0.52) mirrors a local edit into the Y.Doc by diffing every child of the root —
 * `syncLexicalUpdateToYjs` → `syncChildrenFromLexical` → `_syncChildFromLexical` on each one, and
 * through it the properties, node state and slots of every paragraph and text node under it —
 * whether it changed or not: in a 10,000-word article, the whole article on every keystroke.
 *
 * A child in neither of Lexical's dirty sets that is the same node object as before the update
 * has nothing to mirror: Lexical copies every node it writes and marks every ancestor of a changed
 * node dirty, so its whole subtree is what the Y.Doc already holds. On the binding's root (given
 * as `root`, the `CollabElementNode` @lexical/yjs keeps on the root XmlText) such children are
 * skipped; everything else still goes through the library's own diff.
 *
 * Returns false when `root` is not the shape this was written for (another @lexical/yjs version):
 * the library then walks as before, slower but correct.
 */
export function mirrorOnlyDirtyChildren(root: object): boolean {
  const own = root as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(own, SYNC_CHILD)) return true;
  const original = own[SYNC_CHILD];
  if (typeof original !== 'function') return false;
  const syncChild = original as SyncChild;
  const $syncChildUnlessClean: SyncChild = function (
    this: object,
    binding,
    index,
    key,
    prevNodeMap,
    dirtyElements,
    dirtyLeaves,
  ) {
    if (
      prevNodeMap !== null &&
      dirtyElements !== null &&
      dirtyLeaves !== null &&
      !dirtyElements.has(key) &&
      !dirtyLeaves.has(key) &&
      prevNodeMap.get(key) === $getNodeByKey(key)
    )
      return;
    syncChild.call(this, binding, index, key, prevNodeMap, dirtyElements, dirtyLeaves);
  };
  Object.defineProperty(own, SYNC_CHILD, {
    value: $syncChildUnlessClean,
    configurable: true,
    writable: true,
  });
  return true;
}

/** The `CollabElementNode` @lexical/yjs hangs on a shared type it binds, or null before the binding exists. */
export function collabNodeOf(sharedType: object): object | null {
  const node = (sharedType as { _collabNode?: unknown })._collabNode;
  return typeof node === 'object' && node !== null ? node : null;
}
