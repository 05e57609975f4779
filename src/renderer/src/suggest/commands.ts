import { createCommand, type LexicalCommand } from 'lexical';

/** Which suggestions to accept or reject: by id, those the selection touches, or all in the article. */
export type SuggestionTarget = { ids: string[] } | 'selection' | 'all';

export interface ResolvePayload {
  target: SuggestionTarget;
  accept: boolean;
}

/** Accepts or rejects suggestions; the review list, the inline control and the shortcuts dispatch it. */
export const RESOLVE_SUGGESTIONS_COMMAND: LexicalCommand<ResolvePayload> = createCommand(
  'RESOLVE_SUGGESTIONS_COMMAND',
);

/** Selects one suggestion's text and scrolls it into view. */
export const SHOW_SUGGESTION_COMMAND: LexicalCommand<string> = createCommand('SHOW_SUGGESTION_COMMAND');

export const SUGGEST_SHORTCUTS = {
  toggle: 'Ctrl+Shift+E',
  accept: 'Ctrl+Alt+Y',
  reject: 'Ctrl+Alt+X',
} as const;
