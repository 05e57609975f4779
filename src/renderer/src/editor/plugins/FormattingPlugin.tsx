import { useEffect } from 'react';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  type ElementNode,
} from 'lexical';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { SET_BLOCK_TYPE_COMMAND, type BlockType } from '../commands';

/** The block type at the selection's anchor, as the toolbar shows it. */
export function $currentBlockType(): BlockType | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list) return list.getListType() === 'number' ? 'number' : 'bullet';
  const top = anchor.getKey() === 'root' ? null : anchor.getTopLevelElement();
  if (top === null) return 'paragraph';
  const type = top.getType();
  if (type === 'heading') return (top as ElementNode & { getTag(): string }).getTag() === 'h3' ? 'h3' : 'h2';
  if (type === 'quote') return 'quote';
  return 'paragraph';
}

const BLOCK_FACTORIES: Partial<Record<BlockType, () => ElementNode>> = {
  paragraph: () => $createParagraphNode(),
  h2: () => $createHeadingNode('h2'),
  h3: () => $createHeadingNode('h3'),
  quote: () => $createQuoteNode(),
};

/**
 * Keeps the body within the article's formats: block types through one command, only bold
 * and italic as inline formats, no alignment or free indentation outside lists.
 */
export function FormattingPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SET_BLOCK_TYPE_COMMAND,
          (type) => {
            const current = $currentBlockType();
            if (type === 'bullet' || type === 'number') {
              if (current !== type)
                editor.dispatchCommand(
                  type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
                  undefined,
                );
              return true;
            }
            if (current === 'bullet' || current === 'number')
              editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
            const selection = $getSelection();
            const factory = BLOCK_FACTORIES[type];
            if ($isRangeSelection(selection) && factory) $setBlocksType(selection, factory);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          FORMAT_TEXT_COMMAND,
          (format) => format !== 'bold' && format !== 'italic',
          COMMAND_PRIORITY_CRITICAL,
        ),
        editor.registerCommand(FORMAT_ELEMENT_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
        editor.registerCommand(
          INDENT_CONTENT_COMMAND,
          () => {
            // Indenting nests list items; elsewhere it would create a format articles do not have.
            const selection = $getSelection();
            return !(
              $isRangeSelection(selection) && $getNearestNodeOfType(selection.anchor.getNode(), ListNode)
            );
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
      ),
    [editor],
  );
  return null;
}
