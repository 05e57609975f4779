import { $getRoot, $parseSerializedNode, type LexicalEditor, type SerializedLexicalNode } from 'lexical';
import type { SerializedEditorStateJSON } from '../../../shared/domain/articles';

/**
 * Puts a whole body (a restored revision) into a shared article's editor as one ordinary edit.
 * Remounting the editor with the body, as an unshared article does, would leave the desk
 * document as it was; an edit goes through the binding instead: it becomes a Yjs change that
 * reaches everyone, merges with what they type meanwhile, and the undo manager can take it back.
 */
export function replaceSharedBody(
  editor: LexicalEditor,
  editorState: SerializedEditorStateJSON,
): Promise<void> {
  return new Promise((resolve) => {
    editor.update(
      () => {
        const children = (editorState.root.children ?? []).map((child) =>
          $parseSerializedNode(child as unknown as SerializedLexicalNode),
        );
        const root = $getRoot();
        root.clear();
        if (children.length > 0) root.append(...children);
        else root.selectEnd();
      },
      { onUpdate: resolve },
    );
  });
}
