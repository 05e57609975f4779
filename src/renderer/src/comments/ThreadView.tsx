import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread, ThreadComment } from '../../../shared/domain/comments';
import { formatInstant } from '../../../shared/export/factText';
import { editComment, replyToThread, setThreadStatus } from './commentsStore';
import { MentionText } from './MentionText';
import { errorSentence } from '../errors/errorSentence';

/** Ctrl+Enter sends a comment from its text box, as in mail and chat programs. */
export function submitOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

/** A text box with its label, its buttons and the error of the last attempt; used for new, reply and edit. */
export function CommentForm({
  label,
  submitLabel,
  initial = '',
  onSubmit,
  onCancel,
  autoFocus = false,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit(body: string): Promise<string | null>;
  onCancel?(): void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('comments');
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (body.trim() === '') {
      setError(t('form.empty'));
      return;
    }
    setBusy(true);
    const failure = await onSubmit(body);
    setBusy(false);
    setError(failure);
    if (failure === null) setBody('');
  };
  return (
    <form
      className="comment-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label>
        {label}
        <textarea
          value={body}
          rows={3}
          maxLength={5000}
          autoFocus={autoFocus}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={submitOnCtrlEnter}
        />
      </label>
      <div className="comment-form-actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

function CommentItem({
  comment,
  me,
  knownNames,
}: {
  comment: ThreadComment;
  me: string;
  knownNames: readonly string[];
}) {
  const { t } = useTranslation('comments');
  const [editing, setEditing] = useState(false);
  return (
    <li className="comment">
      <p className="comment-meta">
        <span className="comment-author">{comment.author}</span>{' '}
        <span className="muted">
          {formatInstant(comment.createdAt)}
          {comment.editedAt ? ` · ${t('comment.edited')}` : ''}
        </span>
      </p>
      {editing ? (
        <CommentForm
          label={t('comment.editLabel')}
          submitLabel={t('comment.save')}
          initial={comment.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            const r = await editComment(comment.id, body);
            if (r.ok) setEditing(false);
            return r.ok ? null : errorSentence(r.error);
          }}
        />
      ) : (
        <>
          <p className="comment-body">
            <MentionText body={comment.body} knownNames={knownNames} me={me} />
          </p>
          {comment.author === me && (
            <button
              type="button"
              className="link-button"
              aria-label={t('comment.edit', {
                author: comment.author,
                time: formatInstant(comment.createdAt),
              })}
              onClick={() => setEditing(true)}
            >
              {t('comment.editShort')}
            </button>
          )}
        </>
      )}
    </li>
  );
}

/**
 * One thread: its words (or, for a detached one, the quote kept from them), the comments in the
 * order written with mentions highlighted, reply, edit of one's own comments, resolve and reopen.
 */
export function ThreadView({
  thread,
  me,
  knownNames,
  heading,
  selected = false,
}: {
  thread: CommentThread;
  me: string;
  knownNames: readonly string[];
  /** The thread's words as a control (show in text) or plain text. */
  heading?: ReactNode;
  selected?: boolean;
}) {
  const { t } = useTranslation('comments');
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = thread.comments[0];
  const label = t('thread.label', { author: first?.author ?? '', quote: thread.quote.slice(0, 60) });
  return (
    <article
      className={`comment-thread comment-thread-${thread.status}${thread.detached ? ' comment-thread-detached' : ''}`}
      aria-label={label}
      aria-current={selected ? 'true' : undefined}
    >
      {heading}
      {thread.status === 'resolved' && <p className="comment-thread-badge">{t('thread.resolvedBadge')}</p>}
      <ol className="comment-list" aria-label={t('thread.comments')}>
        {thread.comments.map((c) => (
          <CommentItem key={c.id} comment={c} me={me} knownNames={knownNames} />
        ))}
      </ol>
      {replying ? (
        <CommentForm
          label={t('thread.replyLabel')}
          submitLabel={t('thread.sendReply')}
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            const r = await replyToThread(thread.id, body);
            if (r.ok) setReplying(false);
            return r.ok ? null : errorSentence(r.error);
          }}
        />
      ) : (
        <div className="comment-thread-actions">
          <button type="button" onClick={() => setReplying(true)}>
            {t('thread.reply')}
          </button>
          <button
            type="button"
            onClick={async () => {
              const r = await setThreadStatus(thread.id, thread.status === 'open' ? 'resolved' : 'open');
              setError(r.ok ? null : errorSentence(r.error));
            }}
          >
            {thread.status === 'open' ? t('thread.resolve') : t('thread.reopen')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  );
}
