import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread } from '../../../shared/domain/comments';
import { useApp } from '../app/AppContext';
import { EmptyState } from '../components/EmptyState';
import { useArticleEditor } from '../editor/EditorContext';
import { DROP_THREAD_MARK_COMMAND, SELECT_THREAD_COMMAND } from './commands';
import { createThread, selectThread, setDraft, threadsInOrder, useCommentsState } from './commentsStore';
import { useActingUser, useKnownNames } from './people';
import '../styles/comments.css';
import { CommentForm, ThreadView } from './ThreadView';
import { errorSentence } from '../errors/errorSentence';

const shorten = (text: string, max = 120) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/**
 * The Comments tab: threads on the open article's text in reading order, open ones only unless
 * "Show resolved" is on, then the detached ones (their words were deleted) with the quote kept.
 * A new thread's first comment is written here after "Comment" set its mark in the text.
 */
export function CommentsPanel() {
  const { t } = useTranslation('comments');
  const { currentArticleId } = useApp();
  const active = useArticleEditor();
  const state = useCommentsState();
  const me = useActingUser();
  const knownNames = useKnownNames(state.threads);
  const [showResolved, setShowResolved] = useState(false);

  if (
    !currentArticleId ||
    !active ||
    active.articleId !== currentArticleId ||
    state.articleId !== currentArticleId
  ) {
    return <EmptyState title={t('panel.title')} body={t('panel.noArticle')} />;
  }
  const editor = active.editor;
  const { inText, detached } = threadsInOrder(state);
  const visible = (th: CommentThread) => showResolved || th.status === 'open';
  const resolvedCount = [...inText, ...detached].filter((th) => th.status === 'resolved').length;
  const shownText = inText.filter(visible);
  const shownDetached = detached.filter(visible);
  const draft = state.draft;

  const cancelDraft = () => {
    if (!draft) return;
    editor.dispatchCommand(DROP_THREAD_MARK_COMMAND, draft.id);
    setDraft(null);
    editor.focus();
  };

  const item = (thread: CommentThread, inBody: boolean) => (
    <li key={thread.id}>
      <ThreadView
        thread={thread}
        me={me}
        knownNames={knownNames}
        selected={state.selectedId === thread.id}
        heading={
          inBody ? (
            <button
              type="button"
              className="comment-quote-button"
              onClick={() => editor.dispatchCommand(SELECT_THREAD_COMMAND, thread.id)}
            >
              <span className="sr-only">{t('thread.showPrefix')} </span>
              <q>{shorten(thread.quote)}</q>
            </button>
          ) : (
            <p className="comment-quote comment-quote-detached">
              <span className="comment-detached-badge">{t('thread.detachedBadge')}</span>{' '}
              <q>{shorten(thread.quote)}</q>
            </p>
          )
        }
      />
    </li>
  );

  return (
    <section className="comments-panel" aria-label={t('panel.title')}>
      {draft && (
        <div className="comment-draft" role="group" aria-label={t('draft.label')}>
          <p className="comment-quote">
            <q>{shorten(draft.quote)}</q>
          </p>
          <CommentForm
            label={t('draft.body')}
            submitLabel={t('draft.submit')}
            autoFocus
            onCancel={cancelDraft}
            onSubmit={async (body) => {
              const r = await createThread({
                articleId: currentArticleId,
                id: draft.id,
                quote: draft.quote,
                body,
              });
              if (!r.ok) return errorSentence(r.error);
              setDraft(null);
              selectThread(draft.id);
              return null;
            }}
          />
        </div>
      )}
      <div className="comments-toolbar">
        <label>
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          {t('panel.showResolved', { count: resolvedCount })}
        </label>
      </div>
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {state.threads === null ? (
        <p className="muted">{t('panel.loading')}</p>
      ) : shownText.length === 0 && shownDetached.length === 0 && !draft ? (
        <EmptyState title={t('panel.empty')} body={t('panel.emptyBody')} />
      ) : (
        <>
          {shownText.length > 0 && (
            <ul className="comment-threads" aria-label={t('panel.list')}>
              {shownText.map((th) => item(th, true))}
            </ul>
          )}
          {shownDetached.length > 0 && (
            <>
              <h3 className="comments-detached-title">{t('panel.detached')}</h3>
              <p className="muted">{t('panel.detachedHint')}</p>
              <ul className="comment-threads" aria-label={t('panel.detached')}>
                {shownDetached.map((th) => item(th, false))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
