import { useEffect } from 'react';
import {
  $addUpdateTag,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  PASTE_COMMAND,
  PASTE_TAG,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $isLinkNode, LinkNode } from '@lexical/link';
import { mergeRegister } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { allowedLinkUrl } from '../../../../shared/article/links';
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
 * The one way content from outside the editor gets in, for a paste and a drop alike: HTML is
 * sanitised with DOMPurify and reduced to article nodes; plain text keeps its paragraphs.
 * Lexical's own clipboard format is never read: it could carry node types and attributes from
 * another editor (a `javascript:` link the store would refuse), and copying claim marks would
 * duplicate claim ids.
 */
export function $insertTransfer(editor: LexicalEditor, data: DataTransfer): void {
  const html = data.getData('text/html');
  const text = data.getData('text/plain');
  if (html.trim() !== '') $insert(editor, $nodesFromSanitizedHtml(editor, sanitizePastedHtml(html)));
  else if (text !== '') $insert(editor, $nodesFromPlainText(text));
}

const carriesFiles = (data: DataTransfer | null) => Array.from(data?.types ?? []).includes('Files');

/**
 * Every paste and every drop goes through `$insertTransfer`, ahead of Lexical's own handlers.
 * A drop is left to the browser, which reports it as an `insertFromDrop` input at the drop
 * point (moving the text when it came from this editor); Lexical would otherwise read its own
 * JSON and unsanitised HTML for drags that carry its marker. Dragging out of the editor writes
 * only the browser's text and HTML, never Lexical's JSON.
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
            // Files and images are not article content; swallowing them keeps Lexical from trying.
            $insertTransfer(editor, data);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          CONTROLLED_TEXT_INSERTION_COMMAND,
          (payload) => {
            if (typeof payload === 'string' || payload.dataTransfer === null) return false;
            $insertTransfer(editor, payload.dataTransfer);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(DRAGSTART_COMMAND, () => true, COMMAND_PRIORITY_HIGH),
        editor.registerCommand(
          DROP_COMMAND,
          // Files are imported as articles by the window's drop zone, not inserted here.
          (event) => !carriesFiles(event.dataTransfer),
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
        // Whatever path made it (a future command, a collaborator's edit), a link the store
        // would refuse never stays in the text: it becomes its words, so autosave goes on.
        editor.registerNodeTransform(LinkNode, (link) => {
          if (!$isLinkNode(link) || allowedLinkUrl(link.getURL()) !== null) return;
          for (const child of link.getChildren()) link.insertBefore(child);
          link.remove();
        }),
      ),
    [editor],
  );
  return null;
}
