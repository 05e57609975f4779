import { claimRanges } from '../article/blocks';
import { isThreadId } from '../comments/threadIds';
import type { ArticleBody } from '../domain/articles';
import type { CommentThread } from '../domain/comments';
import type { UiLanguage } from './context';
import { escapeText } from './escape';
import { formatInstant } from './factText';

/**
 * Comment threads in the annotated exports, only when the caller asks for them: numbered K1, K2…
 * in reading order of their words, then threads on claims, then threads whose words were deleted.
 * Clean exports never see threads (they drop every mark before rendering).
 */
export interface NumberedThread {
  thread: CommentThread;
  /** "K1" in German and English alike: short, and no clash with the claims' plain numbers. */
  label: string;
  /** Where the thread sits: on words in the text, on a claim, or on words since deleted. */
  place: 'text' | 'claim' | 'detached';
}

const LABELS: Record<
  UiLanguage,
  Record<'comments' | 'onClaim' | 'detached' | 'resolved' | 'edited' | 'none', string>
> = {
  de: {
    comments: 'Kommentare',
    onClaim: 'Zur Behauptung',
    detached: 'Zu gelöschtem Text',
    resolved: 'erledigt',
    edited: 'bearbeitet',
    none: 'Keine Kommentare.',
  },
  en: {
    comments: 'Comments',
    onClaim: 'On the claim',
    detached: 'On deleted text',
    resolved: 'resolved',
    edited: 'edited',
    none: 'No comments.',
  },
};

export function commentLabels(language: UiLanguage) {
  return LABELS[language];
}

export function numberThreads(body: ArticleBody, threads: readonly CommentThread[]): NumberedThread[] {
  const byId = new Map(threads.map((t) => [t.id, t]));
  const inText: CommentThread[] = [];
  const seen = new Set<string>();
  for (const range of claimRanges(body)) {
    if (!isThreadId(range.claimId) || seen.has(range.claimId)) continue;
    const thread = byId.get(range.claimId);
    if (!thread || thread.claimId !== null) continue;
    seen.add(thread.id);
    inText.push(thread);
  }
  const byAge = (a: CommentThread, b: CommentThread) =>
    a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  const onClaims = threads.filter((t) => t.claimId !== null).sort(byAge);
  const detached = threads.filter((t) => t.claimId === null && !seen.has(t.id)).sort(byAge);
  return [
    ...inText.map((thread) => ({ thread, place: 'text' as const })),
    ...onClaims.map((thread) => ({ thread, place: 'claim' as const })),
    ...detached.map((thread) => ({ thread, place: 'detached' as const })),
  ].map((n, i) => ({ ...n, label: `K${i + 1}` }));
}

/** The notes section: every thread with its words (or claim), status and comments, all text escaped. */
export function commentNotesHtml(
  numbered: readonly NumberedThread[],
  language: UiLanguage,
  claimNumber: (claimId: string) => number | undefined,
): string {
  const l = LABELS[language];
  const note = (n: NumberedThread) => {
    const { thread } = n;
    const where =
      n.place === 'claim'
        ? `${l.onClaim}${claimNumber(thread.claimId!) !== undefined ? ` [${claimNumber(thread.claimId!)}]` : ''}: `
        : n.place === 'detached'
          ? `${l.detached}: `
          : '';
    const status =
      thread.status === 'resolved'
        ? ` <span class="comment-resolved">(${escapeText(l.resolved)})</span>`
        : '';
    const comments = thread.comments
      .map(
        (c) =>
          `<li><span class="comment-by">${escapeText(c.author)}, ${escapeText(formatInstant(c.createdAt))}${
            c.editedAt ? ` (${escapeText(l.edited)})` : ''
          }:</span> ${escapeText(c.body)}</li>`,
      )
      .join('\n');
    return `<li id="comment-note-${n.label}"><p><strong>${n.label}</strong> ${escapeText(where)}<q>${escapeText(thread.quote)}</q>${status}</p>\n<ul>\n${comments}\n</ul></li>`;
  };
  return [
    '<section class="comment-notes">',
    `<h2>${escapeText(l.comments)}</h2>`,
    numbered.length
      ? `<ol class="comment-note-list">\n${numbered.map(note).join('\n')}\n</ol>`
      : `<p>${escapeText(l.none)}</p>`,
    '</section>',
  ].join('\n');
}

export const COMMENT_NOTES_CSS = `
span.commented { background: #dbe7fb; }
sup.comment-ref { font-family: Helvetica, Arial, sans-serif; font-size: 0.7em; color: #1f5fbf; }
sup.comment-ref a { text-decoration: none; }
.comment-notes { margin-top: 2.5em; border-top: 2px solid #1f5fbf; font-size: 0.9em; }
.comment-note-list { list-style: none; padding-left: 0; }
.comment-notes li { margin-bottom: 0.8em; page-break-inside: avoid; }
.comment-notes ul { margin: 0.2em 0; }
.comment-notes p { margin: 0.2em 0; }
.comment-by { font-family: Helvetica, Arial, sans-serif; font-size: 0.85em; color: #555; }
.comment-resolved { color: #1d5e27; font-family: Helvetica, Arial, sans-serif; font-size: 0.85em; }
`.trim();
