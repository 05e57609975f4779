import { createCommand, type LexicalCommand } from 'lexical';
import type { ClaimKind } from '../../../shared/domain/articles';

/** Wraps the selected text in a claim mark and stores the claim; the kind is guessed when not given. */
export const MARK_CLAIM_COMMAND: LexicalCommand<ClaimKind | undefined> = createCommand('MARK_CLAIM_COMMAND');

/** Selects a claim's text in the editor and scrolls it into view. */
export const SELECT_CLAIM_COMMAND: LexicalCommand<string> = createCommand('SELECT_CLAIM_COMMAND');

/** Moves the selection to the next (1) or previous (-1) claim in reading order. */
export const GO_TO_CLAIM_COMMAND: LexicalCommand<1 | -1> = createCommand('GO_TO_CLAIM_COMMAND');

/** Keyboard shortcuts of the claims feature, by physical key. */
export const CLAIM_SHORTCUTS = {
  mark: 'Ctrl+Shift+M',
  next: 'F8',
  previous: 'Shift+F8',
} as const;
