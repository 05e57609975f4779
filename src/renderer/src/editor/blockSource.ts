import {
  $exportNodeJSON,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  type EditorState,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { BlockSource, BodySource } from '../../../shared/autosave/articleSession';
import type { SerializedNodeJSON } from '../../../shared/domain/articles';

/** A node and its subtree, the same walk `EditorState.toJSON()` makes (the article's nodes have no slots). */
function $nodeJSON(node: LexicalNode): SerializedNodeJSON {
  const json = $exportNodeJSON(node) as SerializedNodeJSON;
  if ($isElementNode(node)) for (const child of node.getChildren()) json.children!.push($nodeJSON(child));
  return json;
}

function isEditorState(source: BodySource): source is EditorState {
  return typeof (source as Partial<EditorState>).read === 'function';
}

/** Autosave's view of an editor state block by block (see ArticleSession's `blockSource`). */
export function blockSource(source: BodySource): BlockSource | null {
  if (!isEditorState(source)) return null;
  const state = source;
  return {
    toJSON: () => state.toJSON(),
    blockKeys: () => state.read(() => $getRoot().getChildrenKeys()),
    blockJSON: (key) =>
      state.read(() => {
        const node = $getNodeByKey(key);
        if (node === null) throw new Error(`No block ${key} in this editor state.`);
        return $nodeJSON(node);
      }),
    rootJSON: () =>
      state.read(() => {
        const { children: _blocks, ...fields } = $exportNodeJSON($getRoot()) as SerializedNodeJSON;
        return fields as SerializedNodeJSON;
      }),
  };
}

/**
 * The top-level blocks an update touched: Lexical reports every changed node (and marks the
 * parents of changed nodes); each one counts for the top-level block it sits in. Deleted nodes
 * are gone from the new state; their block is touched as their parent, or leaves the order.
 * `undefined` means every block may have changed: a whole editor state was set (undo and redo
 * set the remembered state), and Lexical then reports only the root — an undo of a change
 * already saved was otherwise never written (found by e2e/suggest.spec.ts under load).
 */
export function changedBlocks(
  state: EditorState,
  dirtyElements: ReadonlyMap<NodeKey, boolean>,
  dirtyLeaves: ReadonlySet<NodeKey>,
): Set<NodeKey> | undefined {
  if (dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.has('root')) return undefined;
  const keys = new Set<NodeKey>();
  state.read(() => {
    const add = (key: NodeKey) => {
      if (key === 'root') return;
      const node = $getNodeByKey(key);
      const top = node?.getTopLevelElement();
      if (top) keys.add(top.getKey());
    };
    for (const key of dirtyElements.keys()) add(key);
    for (const key of dirtyLeaves) add(key);
  });
  return keys;
}
