import { createCommand, type LexicalCommand } from 'lexical';

/** Editor commands of the article editor; toolbar, shortcuts and the context menu dispatch the same ones. */

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number';

export const SET_BLOCK_TYPE_COMMAND: LexicalCommand<BlockType> = createCommand('SET_BLOCK_TYPE_COMMAND');

/** Asks the link dialog to open for the current selection. */
export const OPEN_LINK_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_DIALOG_COMMAND');

/** Inserts plain text as paragraphs (context menu "Paste as plain text"). */
export const INSERT_PLAIN_TEXT_COMMAND: LexicalCommand<string> = createCommand('INSERT_PLAIN_TEXT_COMMAND');
