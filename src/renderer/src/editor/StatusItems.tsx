import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatusItem } from '../app/status';
import { countText, readingMinutes, type TextCounts } from '../../../shared/typography/counts';
import type { ArticleSession } from '../../../shared/autosave/articleSession';

/** "Saved", "Saving…" or "Not saved — <reason>" with a retry button, in the status bar. */
export function SaveIndicator({ session }: { session: ArticleSession }) {
  const { t } = useTranslation('editor');
  const state = useSyncExternalStore(session.subscribe, () => session.state);
  const node = useMemo(() => {
    if (state.kind === 'saved') return <span className="save-state saved">{t('save.saved')}</span>;
    if (state.kind === 'pending' || state.kind === 'saving') return <span className="save-state saving">{t('save.saving')}</span>;
    const retry =
      state.retryAt !== null ? ` (${t('save.retrying', { seconds: Math.max(1, Math.round((state.retryAt - Date.now()) / 1000)) })})` : '';
    return (
      <span className="save-state failed">
        {t('save.notSaved', { reason: state.reason })}
        {retry}{' '}
        <button type="button" className="link-button" onClick={() => session.retryNow()}>
          {t('save.retryNow')}
        </button>
      </span>
    );
  }, [state, t, session]);
  useStatusItem('editor.save', node, 10);
  return null;
}

const ZERO: TextCounts = { words: 0, characters: 0, charactersWithoutSpaces: 0 };

/** Words, characters with and without spaces, and reading time for headline, lead and body. */
export function CountsIndicator({ session, body }: { session: ArticleSession; body: TextCounts | null }) {
  const { t } = useTranslation('editor');
  const meta = useSyncExternalStore(session.subscribe, () => session.meta);
  const head = useMemo(() => countText(`${meta.headline}\n${meta.lead}`), [meta.headline, meta.lead]);
  const total = useMemo(() => {
    const b = body ?? ZERO;
    return {
      words: b.words + head.words,
      characters: b.characters + head.characters,
      charactersWithoutSpaces: b.charactersWithoutSpaces + head.charactersWithoutSpaces,
    };
  }, [body, head]);
  const node = useMemo(
    () => (
      <span className="counts">
        {t('counts.words', { count: total.words })} · {t('counts.characters', { count: total.characters })} (
        {t('counts.withoutSpaces', { count: total.charactersWithoutSpaces })}) · {t('counts.reading', { count: readingMinutes(total.words) })}
      </span>
    ),
    [total, t],
  );
  useStatusItem('editor.counts', node, 20);
  return null;
}
