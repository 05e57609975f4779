import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge';
import { Dialog } from '../components/Dialog';
import { plainText } from '../../../shared/article/blocks';
import type { ArticleDocument } from '../../../shared/contract/articles';
import { dropRecoveryCopy, hasRecoveryCopies, listRecoveryCopies, type RecoveryCopy } from './recoveryCopies';
import { errorSentence } from '../errors/errorSentence';

/** True when the store already holds everything the copy has (its last save went through after all). */
function alreadyStored(copy: RecoveryCopy, stored: ArticleDocument): boolean {
  const textSame =
    copy.editorState === null ||
    plainText({ schemaVersion: 1, editorState: copy.editorState }) === plainText(stored.body);
  const metaSame = Object.entries(copy.meta).every(
    ([key, value]) => stored.meta[key as keyof typeof stored.meta] === value,
  );
  return textSame && metaSame;
}

/**
 * Stores a copy on top of the current version, which is kept as a named revision first, so
 * nothing is lost whichever text the writer wanted. An article deleted meanwhile comes back as
 * a new one.
 */
async function restoreCopy(copy: RecoveryCopy, revisionName: string): Promise<string | null> {
  let stored = await api.articles.get({ id: copy.articleId });
  if (!stored.ok) {
    stored = await api.articles.create({ headline: copy.headline });
    if (!stored.ok) return errorSentence(stored.error);
  } else {
    const kept = await api.revisions.create({ articleId: copy.articleId, name: revisionName });
    if (!kept.ok) return errorSentence(kept.error);
    stored = await api.articles.get({ id: copy.articleId });
    if (!stored.ok) return errorSentence(stored.error);
  }
  const saved = await api.articles.save({
    id: stored.value.meta.id,
    baseRev: stored.value.rev,
    meta: copy.meta,
    ...(copy.editorState ? { body: { schemaVersion: 1 as const, editorState: copy.editorState } } : {}),
  });
  return saved.ok ? null : errorSentence(saved.error);
}

/**
 * Before the app opens an article: offers back any text a previous run could not save (the
 * local server had stopped answering). Copies the store already holds are dropped quietly.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('recovery');
  // Nothing kept (the usual start): the app renders at once instead of after an effect's round.
  const [pending, setPending] = useState<RecoveryCopy[] | null>(() => (hasRecoveryCopies() ? null : []));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!hasRecoveryCopies()) return;
    void (async () => {
      const offers: RecoveryCopy[] = [];
      for (const copy of listRecoveryCopies()) {
        const stored = await api.articles.get({ id: copy.articleId });
        if (stored.ok && alreadyStored(copy, stored.value)) dropRecoveryCopy(copy.articleId);
        else offers.push(copy);
      }
      setPending(offers);
    })();
  }, []);

  if (pending === null) return null;
  const copy = pending[0];
  if (!copy) return <>{children}</>;

  const next = () => {
    dropRecoveryCopy(copy.articleId);
    setError(null);
    setPending(pending.slice(1));
  };
  const restore = async () => {
    setBusy(true);
    const failed = await restoreCopy(copy, t('revisionName'));
    setBusy(false);
    if (failed !== null) return setError(t('restoreFailed', { message: failed }));
    next();
  };
  const excerpt = copy.editorState
    ? plainText({ schemaVersion: 1, editorState: copy.editorState }).slice(0, 400)
    : '';

  return (
    <Dialog title={t('title')} open onClose={() => undefined}>
      <p>
        {t('explain', {
          headline: copy.headline || t('untitled'),
          when: new Date(copy.keptAt).toLocaleString(),
        })}
      </p>
      {excerpt && (
        <blockquote className="recovery-excerpt" aria-label={t('excerpt')}>
          {excerpt}
        </blockquote>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={next} disabled={busy}>
          {t('discard')}
        </button>
        <button type="button" className="primary" onClick={() => void restore()} disabled={busy}>
          {t('restore')}
        </button>
      </div>
    </Dialog>
  );
}
