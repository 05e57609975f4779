import { $createRangeSelection, $getSelection, $isRangeSelection, $isTextNode, $setSelection } from 'lexical';
import { $wrapSelectionInMarkNode } from '@lexical/mark';
import { THREAD_ID_PREFIX, threadIdsOf } from '../../../shared/comments/threadIds';
import { $allMarks, $markIdsAtSelection } from '../claims/editorMarks';

export interface ThreadInText {
  id: string;
  /** The anchored words as they read now (all parts joined). */
  quote: string;
  keys: string[];
}

/** Threads anchored in the body, in reading order of their first mark; emptied marks do not count. */
export function $threadsInText(): ThreadInText[] {
  const byId = new Map<string, ThreadInText>();
  for (const mark of $allMarks()) {
    const text = mark.getTextContent();
    if (text === '') continue;
    for (const id of threadIdsOf(mark.getIDs())) {
      const known = byId.get(id);
      if (known) {
        known.quote += text;
        known.keys.push(mark.getKey());
      } else byId.set(id, { id, quote: text, keys: [mark.getKey()] });
    }
  }
  return [...byId.values()];
}

/** The thread ids under the caret. */
export function $threadsAtSelection(): string[] {
  return threadIdsOf($markIdsAtSelection());
}

/**
 * Wraps the selected words in a mark for a new thread and returns its id and quote, or null when
 * nothing (or only white space) is selected. A mark that already carries a claim gets the thread
 * id beside the claim's, so the two share their words.
 */
export function $anchorNewThread(): { id: string; quote: string } | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
  const quote = selection.getTextContent();
  if (quote.trim() === '') return null;
  const id = newThreadId();
  $wrapSelectionInMarkNode(selection, selection.isBackward(), id);
  return { id, quote };
}

/** Selects a thread's words (all its marks) and returns the first mark's key. */
export function $selectThread(id: string): string | null {
  const marks = $allMarks().filter((m) => m.hasID(id));
  if (marks.length === 0) return null;
  const first = marks[0].getFirstDescendant();
  const last = marks[marks.length - 1].getLastDescendant();
  if (!$isTextNode(first) || !$isTextNode(last)) return null;
  const selection = $createRangeSelection();
  selection.anchor.set(first.getKey(), 0, 'text');
  selection.focus.set(last.getKey(), last.getTextContentSize(), 'text');
  $setSelection(selection);
  return marks[0].getKey();
}

export function newThreadId(): string {
  return `${THREAD_ID_PREFIX}${crypto.randomUUID()}`;
}

export function newCommentId(): string {
  return `k-${crypto.randomUUID()}`;
}
