import { useEffect } from 'react';
import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCommand } from '../../app/commands';
import { OPEN_LINK_DIALOG_COMMAND, SET_BLOCK_TYPE_COMMAND, type BlockType } from '../commands';

/** Keys by physical position (event.code), so they work on German and English layouts alike. */
const BLOCK_KEYS: { code: string; alt: boolean; shift: boolean; type: BlockType }[] = [
  { code: 'Digit0', alt: true, shift: false, type: 'paragraph' },
  { code: 'Digit2', alt: true, shift: false, type: 'h2' },
  { code: 'Digit3', alt: true, shift: false, type: 'h3' },
  { code: 'Digit7', alt: false, shift: true, type: 'number' },
  { code: 'Digit8', alt: false, shift: true, type: 'bullet' },
  { code: 'Digit9', alt: false, shift: true, type: 'quote' },
];

export const EDITOR_SHORTCUTS = [
  { keys: 'Ctrl+B', action: 'bold' },
  { keys: 'Ctrl+I', action: 'italic' },
  { keys: 'Ctrl+K', action: 'link' },
  { keys: 'Ctrl+Shift+K', action: 'unlink' },
  { keys: 'Ctrl+Alt+0', action: 'paragraph' },
  { keys: 'Ctrl+Alt+2', action: 'h2' },
  { keys: 'Ctrl+Alt+3', action: 'h3' },
  { keys: 'Ctrl+Shift+7', action: 'number' },
  { keys: 'Ctrl+Shift+8', action: 'bullet' },
  { keys: 'Ctrl+Shift+9', action: 'quote' },
  { keys: 'Ctrl+Z', action: 'undo' },
  { keys: 'Ctrl+Shift+Z', action: 'redo' },
] as const;

/** Block and link shortcuts (bold, italic, undo and redo come with Lexical), and the Edit menu's undo/redo. */
export function ShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useCommand('edit.undo', () => editor.dispatchCommand(UNDO_COMMAND, undefined));
  useCommand('edit.redo', () => editor.dispatchCommand(REDO_COMMAND, undefined));
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const mod = event.ctrlKey || event.metaKey;
          if (!mod) return false;
          if ((event.key === 'Home' || event.key === 'End') && !event.altKey) {
            // The browser's own Ctrl+End lands inside the last block's first lines when that block
            // is skipped off-screen (content-visibility in editor.css) and was never laid out; the
            // document's edges are known to Lexical without any layout.
            event.preventDefault();
            const toEnd = event.key === 'End';
            editor.update(() => {
              const root = $getRoot();
              const selection = $getSelection();
              if (!event.shiftKey || !$isRangeSelection(selection)) {
                if (toEnd) root.selectEnd();
                else root.selectStart();
                return;
              }
              const edge = toEnd ? root.getLastDescendant() : root.getFirstDescendant();
              if (edge === null) return;
              if ($isTextNode(edge))
                selection.focus.set(edge.getKey(), toEnd ? edge.getTextContentSize() : 0, 'text');
              else if ($isElementNode(edge))
                selection.focus.set(edge.getKey(), toEnd ? edge.getChildrenSize() : 0, 'element');
              else
                selection.focus.set(
                  edge.getParentOrThrow().getKey(),
                  edge.getIndexWithinParent() + (toEnd ? 1 : 0),
                  'element',
                );
            });
            return true;
          }
          if (event.code === 'KeyK' && !event.altKey) {
            event.preventDefault();
            if (event.shiftKey) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
            else editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined);
            return true;
          }
          const hit = BLOCK_KEYS.find(
            (k) => k.code === event.code && k.alt === event.altKey && k.shift === event.shiftKey,
          );
          if (!hit) return false;
          event.preventDefault();
          editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, hit.type);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}
