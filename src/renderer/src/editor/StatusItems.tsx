import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatusItem } from '../app/status';
import { api } from '../bridge';
import { keepRecoveryCopy } from '../recovery/recoveryCopies';
import { countText, readingMinutes, type TextCounts } from '../../../shared/typography/counts';
import type { ArticleSession } from '../../../shared/autosave/articleSession';

/**
 * The editor's pieces of the status bar. Each registers one node, once, and that node
 * subscribes to its own data: a save-state change or a recount re-renders a label, not the
 * whole shell (which would put React work on the typing path).
 */

/**
 * Another window saved this article meanwhile. Its text is kept as a named revision, then this
 * window's text is saved on top, so neither version is lost.
 */
async function keepMine(session: ArticleSession, otherVersionName: string): Promise<void> {
  const stored = await api.articles.get({ id: session.id });
  if (!stored.ok) return;
  const kept = await api.revisions.create({ articleId: session.id, name: otherVersionName });
  if (!kept.ok) return;
  await session.rebase(stored.value.rev);
}

/**
 * The article is gone from the store (deleted elsewhere, or a backup from before it was
 * restored), so no retry can save it. The text goes into a recovery copy and the app starts
 * again, where the recovery offer stores it as a new article (RecoveryGate) — the one path that
 * already brings back text whose article is gone.
 */
function saveAsNew(session: ArticleSession): void {
  keepRecoveryCopy(session);
  window.location.reload();
}

function SaveStateLabel({ session }: { session: ArticleSession }) {
  const { t } = useTranslation('editor');
  const state = useSyncExternalStore(session.subscribe, () => session.state);
  if (state.kind === 'saved') return <span className="save-state saved">{t('save.saved')}</span>;
  // "Saving…" means a save is on its way; changes still waiting for one only say they exist.
  if (state.kind === 'pending') return <span className="save-state pending">{t('save.pending')}</span>;
  if (state.kind === 'saving') return <span className="save-state saving">{t('save.saving')}</span>;
  // The failures a writer will meet get words in their language; anything else shows the store's message.
  const reason =
    state.code === 'conflict'
      ? t('save.conflict')
      : state.code === 'not_found'
        ? t('save.gone')
        : state.code === 'unavailable'
          ? t('save.unavailable')
          : state.storage
            ? t(state.storage.problem === 'full' ? 'save.diskFull' : 'save.readOnly', {
                folder: state.storage.folder,
              })
            : state.reason;
  // The seconds until the retry are read when the failure is shown; the next state change re-renders the label.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  const retry =
    state.retryAt !== null
      ? ` (${t('save.retrying', { seconds: Math.max(1, Math.round((state.retryAt - now) / 1000)) })})`
      : '';
  return (
    <span className="save-state failed">
      {t('save.notSaved', { reason })}
      {retry}{' '}
      {state.code === 'conflict' ? (
        <button
          type="button"
          className="link-button"
          onClick={() => void keepMine(session, t('save.otherVersion'))}
        >
          {t('save.keepMine')}
        </button>
      ) : state.code === 'not_found' ? (
        <button type="button" className="link-button" onClick={() => saveAsNew(session)}>
          {t('save.saveAsNew')}
        </button>
      ) : (
        <button type="button" className="link-button" onClick={() => session.retryNow()}>
          {t('save.retryNow')}
        </button>
      )}
    </span>
  );
}

/** "Saved", "Edited", "Saving…" or "Not saved — <reason>" with a retry button. */
export function SaveIndicator({ session }: { session: ArticleSession }) {
  const node = useMemo(() => <SaveStateLabel session={session} />, [session]);
  useStatusItem('editor.save', node, 10);
  return null;
}

interface ValueStore<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

function valueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (next === value) return;
      value = next;
      listeners.forEach((l) => l());
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

const ZERO: TextCounts = { words: 0, characters: 0, charactersWithoutSpaces: 0 };

function CountsLabel({ session, body }: { session: ArticleSession; body: ValueStore<TextCounts | null> }) {
  const { t } = useTranslation('editor');
  const meta = useSyncExternalStore(session.subscribe, () => session.meta);
  const bodyCounts = useSyncExternalStore(body.subscribe, body.get) ?? ZERO;
  const head = useMemo(() => countText(`${meta.headline}\n${meta.lead}`), [meta.headline, meta.lead]);
  const words = bodyCounts.words + head.words;
  return (
    <span className="counts">
      {t('counts.words', { count: words })} ·{' '}
      {t('counts.characters', { count: bodyCounts.characters + head.characters })} (
      {t('counts.withoutSpaces', {
        count: bodyCounts.charactersWithoutSpaces + head.charactersWithoutSpaces,
      })}
      ) · {t('counts.reading', { count: readingMinutes(words) })}
    </span>
  );
}

/** Words, characters with and without spaces, and reading time for headline, lead and body. */
export function CountsIndicator({ session, body }: { session: ArticleSession; body: TextCounts | null }) {
  const [store] = useState(() => valueStore<TextCounts | null>(body));
  useEffect(() => store.set(body), [store, body]);
  const node = useMemo(() => <CountsLabel session={session} body={store} />, [session, store]);
  useStatusItem('editor.counts', node, 20);
  return null;
}
