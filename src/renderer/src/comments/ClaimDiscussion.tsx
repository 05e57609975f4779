import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimView } from '../../../shared/contract/claims';
import { createThread, threadsOfClaim, useCommentsState } from './commentsStore';
import { newThreadId } from './editorThreads';
import { useActingUser, useKnownNames } from './people';
import '../styles/comments.css';
import { CommentForm, ThreadView } from './ThreadView';
import { errorSentence } from '../errors/errorSentence';

/**
 * Comments on a claim — a discussion of a link or a warning — in the claim's details. They hang
 * on the claim, not on words, so they never detach; deleting the claim keeps them on the article.
 */
export function ClaimDiscussion({ claim }: { claim: ClaimView }) {
  const { t } = useTranslation('comments');
  const state = useCommentsState();
  const me = useActingUser();
  const knownNames = useKnownNames(state.threads);
  const [showResolved, setShowResolved] = useState(false);
  if (state.articleId !== claim.articleId) return null;
  const threads = threadsOfClaim(state, claim.id);
  const resolved = threads.filter((th) => th.status === 'resolved').length;
  const shown = threads.filter((th) => showResolved || th.status === 'open');
  return (
    <section className="claim-discussion" aria-label={t('claim.title')}>
      <h4>{t('claim.title')}</h4>
      {shown.length === 0 && <p className="muted">{t('claim.none')}</p>}
      {shown.length > 0 && (
        <ul className="comment-threads" aria-label={t('claim.title')}>
          {shown.map((th) => (
            <li key={th.id}>
              <ThreadView thread={th} me={me} knownNames={knownNames} />
            </li>
          ))}
        </ul>
      )}
      {resolved > 0 && (
        <label>
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          {t('panel.showResolved', { count: resolved })}
        </label>
      )}
      <CommentForm
        label={t('claim.newLabel')}
        submitLabel={t('claim.submit')}
        onSubmit={async (body) => {
          const r = await createThread({
            articleId: claim.articleId,
            id: newThreadId(),
            claimId: claim.id,
            quote: claim.text.slice(0, 2000),
            body,
          });
          return r.ok ? null : errorSentence(r.error);
        }}
      />
    </section>
  );
}
