import { createCommand, type LexicalCommand } from 'lexical';

/** Anchors a new thread to the selected words and opens its first comment in the Comments tab. */
export const COMMENT_COMMAND: LexicalCommand<void> = createCommand('COMMENT_COMMAND');

/** Selects a thread's words in the editor and scrolls them into view. */
export const SELECT_THREAD_COMMAND: LexicalCommand<string> = createCommand('SELECT_THREAD_COMMAND');

/** Takes a thread id off the marks (a draft given up, or a thread this article does not have). */
export const DROP_THREAD_MARK_COMMAND: LexicalCommand<string> = createCommand('DROP_THREAD_MARK_COMMAND');

export const COMMENT_SHORTCUT = { label: 'Ctrl+Alt+M', aria: 'Control+Alt+M' } as const;
