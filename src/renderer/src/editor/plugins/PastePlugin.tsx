import { useEffect } from 'react';
import {
  $addUpdateTag,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  PASTE_TAG,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { mergeRegister } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { sanitizePastedHtml } from '../paste/sanitizeHtml';
import { $nodesFromPlainText, $nodesFromSanitizedHtml } from '../paste/pasteNodes';
import { INSERT_PLAIN_TEXT_COMMAND } from '../commands';

function clipboardOf(event: Event): DataTransfer | null {
  if ('clipboardData' in event) return (event as ClipboardEvent).clipboardData;
  if ('dataTransfer' in event) return (event as InputEvent).dataTransfer;
  return null;
}

function $insert(editor: LexicalEditor, nodes: LexicalNode[]): void {
  const selection = $getSelection();
  if (nodes.length === 0 || !$isRangeSelection(selection)) return;
  $addUpdateTag(PASTE_TAG);
  $insertGeneratedNodes(editor, nodes, selection);
}

/**
 * Every paste goes through here, ahead of Lexical's own handler: HTML is sanitised with
 * DOMPurify and reduced to article nodes before Lexical imports it; plain text keeps its
 * paragraphs. Lexical's internal clipboard format is ignored on purpose: it could carry node
 * types from another Lexical editor, and copying claim marks would duplicate claim ids.
 */
export function PastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = clipboardOf(event);
            if (data === null) return false;
            event.preventDefault();
            const html = data.getData('text/html');
            const text = data.getData('text/plain');
            if (html.trim() !== '') {
              const doc = sanitizePastedHtml(html);
              $insert(editor, $nodesFromSanitizedHtml(editor, doc));
            } else if (text !== '') {
              $insert(editor, $nodesFromPlainText(text));
            }
            // Files and images are not article content; swallowing them keeps Lexical from trying.
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          INSERT_PLAIN_TEXT_COMMAND,
          (text) => {
            $insert(editor, $nodesFromPlainText(text));
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
