import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import { useCommentsState } from './commentsStore';
import { $threadsAtSelection } from './editorThreads';
import { MentionText } from './MentionText';
import { useActingUser, useKnownNames } from './people';

interface Anchor {
  ids: string[];
  left: number;
  top: number;
  /** Shown because the caret is in the words, not the pointer. */
  caret: boolean;
}

const CARD_ID = 'comment-hover-card';
const shorten = (text: string, max = 160) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

function markOf(root: HTMLElement, target: EventTarget | null): HTMLElement | null {
  const mark = (target as HTMLElement | null)?.closest?.('mark[data-thread-ids]') as HTMLElement | null;
  return mark && root.contains(mark) ? mark : null;
}

/**
 * A card under commented words while the pointer rests on them or the caret is inside them: each
 * thread's first comment, who wrote it, how many replies and whether it is resolved. For the
 * caret the editor is described by the card (aria-describedby), so a screen reader reads it.
 */
export function CommentHoverCard({ root, editor }: { root: HTMLElement; editor: LexicalEditor }) {
  const { t } = useTranslation('comments');
  const { threads } = useCommentsState();
  const me = useActingUser();
  const knownNames = useKnownNames(threads);
  const [anchor, setAnchor] = useState<Anchor | null>(null);

  useEffect(() => {
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    const place = (mark: HTMLElement, ids: string[], caret: boolean) => {
      const rect = mark.getBoundingClientRect();
      setAnchor({ ids, left: rect.left, top: rect.bottom + 6, caret });
    };
    const over = (event: MouseEvent) => {
      const mark = markOf(root, event.target);
      if (!mark) return;
      clearTimeout(hideTimer);
      place(mark, (mark.dataset.threadIds ?? '').split(' ').filter(Boolean), false);
    };
    const out = (event: MouseEvent) => {
      const from = markOf(root, event.target);
      const to = markOf(root, event.relatedTarget);
      if (from && from !== to) hideTimer = setTimeout(() => setAnchor((a) => (a?.caret ? a : null)), 150);
    };
    const blur = () => setAnchor((a) => (a?.caret ? null : a));
    root.addEventListener('mouseover', over);
    root.addEventListener('mouseout', out);
    root.addEventListener('blur', blur);
    const unregister = editor.registerUpdateListener(({ editorState }) => {
      const ids = editorState.read($threadsAtSelection);
      if (ids.length === 0 || document.activeElement !== root) {
        setAnchor((a) => (a?.caret ? null : a));
        return;
      }
      const dom = window.getSelection();
      const node = dom && dom.rangeCount > 0 ? dom.getRangeAt(0).startContainer : null;
      const mark = (node instanceof HTMLElement ? node : node?.parentElement)?.closest(
        'mark[data-thread-ids]',
      ) as HTMLElement | null;
      if (mark) place(mark, ids, true);
    });
    return () => {
      clearTimeout(hideTimer);
      unregister();
      root.removeEventListener('mouseover', over);
      root.removeEventListener('mouseout', out);
      root.removeEventListener('blur', blur);
    };
  }, [root, editor]);

  const shown = anchor
    ? anchor.ids.map((id) => threads?.find((th) => th.id === id)).filter((th) => th !== undefined)
    : [];
  const describe = anchor?.caret === true && shown.length > 0;
  useEffect(() => {
    if (!describe) return;
    root.setAttribute('aria-describedby', CARD_ID);
    return () => root.removeAttribute('aria-describedby');
  }, [root, describe]);

  if (!anchor || shown.length === 0) return null;
  return (
    <div
      id={CARD_ID}
      role="tooltip"
      className="comment-hover-card"
      style={{ left: anchor.left, top: anchor.top }}
    >
      {shown.map((thread) => {
        const first = thread.comments[0];
        return (
          <div key={thread.id} className="comment-hover-entry">
            <p className="comment-meta">
              <span className="comment-author">{first?.author}</span>{' '}
              {thread.status === 'resolved' && (
                <span className="comment-thread-badge">{t('thread.resolvedBadge')}</span>
              )}
            </p>
            {first && (
              <p>
                <MentionText body={shorten(first.body)} knownNames={knownNames} me={me} />
              </p>
            )}
            {thread.comments.length > 1 && (
              <p className="muted">{t('hover.replies', { count: thread.comments.length - 1 })}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}
