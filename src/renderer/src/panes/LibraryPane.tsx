import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useLatestRef } from '../app/latestRef';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { runCommand } from '../app/commands';
import { api } from '../bridge';
import { Dialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import { getActiveSession } from '../editor/activeSession';
import { ArticleList } from '../library/ArticleList';
import { NeedsCorrection } from '../library/NeedsCorrection';
import { useFactsChanged } from '../facts/events';
import { announceArticleChange, onArticleChange } from '../library/articleEvents';
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  type ArticleLanguage,
  type ArticleStatus,
} from '../../../shared/domain/articles';
import type { ArticleListItem, ArticleSort } from '../../../shared/contract/articles';
import { DeskArticles } from '../desk/DeskArticles';
import '../styles/library.css';
import { errorSentence } from '../errors/errorSentence';

interface Filters {
  text: string;
  status: ArticleStatus | '';
  language: ArticleLanguage | '';
  sort: ArticleSort;
}

/** Flushes the open article first when an action concerns it, so no typed word is lost or overwritten. */
async function flushIfOpen(id: string): Promise<boolean> {
  const session = getActiveSession();
  if (session?.id !== id) return false;
  await session.flush();
  return true;
}

export function LibraryPane() {
  const { t } = useTranslation('library');
  const { t: tc } = useTranslation('comments');
  const { currentArticleId, openArticle } = useApp();
  const [filters, setFilters] = useState<Filters>({ text: '', status: '', language: '', sort: 'updated' });
  const [searchText, setSearchText] = useState('');
  const [trash, setTrash] = useState(false);
  const [items, setItems] = useState<ArticleListItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [allItems, setAllItems] = useState<ArticleListItem[]>([]);
  const [trashCount, setTrashCount] = useState(0);
  // Articles whose open comment threads mention the user, with how many threads.
  const [mentions, setMentions] = useState<ReadonlyMap<string, number>>(new Map());
  const [onlyMentions, setOnlyMentions] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(currentArticleId);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<ArticleListItem | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const reloadTimer = useRef<number | undefined>(undefined);
  const latestLoad = useRef(0);

  const load = useCallback(async () => {
    // Only the newest request may fill the list; an older, slower answer (say, for the other view) is dropped.
    const ticket = ++latestLoad.current;
    const query = {
      ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.language ? { language: filters.language } : {}),
      sort: filters.sort,
      trash,
    };
    const [list, all, trashed, mentioning] = await Promise.all([
      api.articles.list(query),
      api.articles.list({}),
      api.articles.list({ trash: true }),
      api.comments.mentions({}),
    ]);
    if (ticket !== latestLoad.current) return;
    if (!list.ok) {
      setError(t('loadFailed', { message: errorSentence(list.error) }));
      return;
    }
    setError(null);
    setItems(list.value);
    if (all.ok) {
      setTotal(all.value.length);
      setAllItems(all.value);
    }
    if (trashed.ok) setTrashCount(trashed.value.length);
    if (mentioning.ok) setMentions(new Map(mentioning.value.map((m) => [m.articleId, m.threads])));
  }, [filters, trash, t]);

  useEffect(() => {
    void load();
  }, [load]);

  // A delayed refresh must use the filters and view of when it fires, not of when it was scheduled.
  const loadRef = useLatestRef(load);

  // Saves in the editor and changes from other panes refresh the list; while someone types, about once every
  // second and a half, so the list never re-renders on the typing path.
  useEffect(
    () =>
      onArticleChange((change) => {
        window.clearTimeout(reloadTimer.current);
        reloadTimer.current = window.setTimeout(() => void loadRef.current(), change.autosave ? 1500 : 100);
      }),
    [loadRef],
  );

  // A fact edit can make claims need a re-check, which the list marks.
  useFactsChanged(() => {
    window.clearTimeout(reloadTimer.current);
    reloadTimer.current = window.setTimeout(() => void loadRef.current(), 150);
  });

  // Search as you type, without a query per keystroke.
  useEffect(() => {
    const timer = window.setTimeout(
      () => setFilters((f) => (f.text === searchText ? f : { ...f, text: searchText })),
      200,
    );
    return () => window.clearTimeout(timer);
  }, [searchText]);

  useEffect(() => {
    if (currentArticleId) setActiveId(currentArticleId);
  }, [currentArticleId]);

  const act = async (work: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    const r = await work();
    if (!r.ok) setError(t('actionFailed', { message: r.error?.message ?? '' }));
    await load();
    return r.ok;
  };

  const active = items?.find((a) => a.id === activeId) ?? null;

  const duplicate = async (a: ArticleListItem) => {
    await flushIfOpen(a.id);
    const r = await api.articles.duplicate({
      id: a.id,
      headline: a.headline ? t('copyOf', { headline: a.headline }) : '',
    });
    if (r.ok) {
      setActiveId(r.value.meta.id);
      openArticle(r.value.meta.id);
    }
    await act(async () => r);
  };

  const moveToTrash = async (id: string) => {
    const wasOpen = await flushIfOpen(id);
    const ok = await act(() => api.articles.trash({ id }));
    if (ok) {
      // Selection and open article agree afterwards: with the open article gone nothing is open, so
      // nothing is selected either, and Duplicate, Rename and Move to trash wait for a choice.
      const rest = items?.filter((a) => a.id !== id) ?? [];
      if (wasOpen || currentArticleId === id) {
        openArticle(null);
        setActiveId(null);
      } else {
        setActiveId(rest.some((a) => a.id === currentArticleId) ? currentArticleId : null);
      }
      announceArticleChange({ id });
    }
  };

  const restore = async (id: string) => {
    if (await act(() => api.articles.restore({ id }))) announceArticleChange({ id });
  };

  const rename = async (a: ArticleListItem, headline: string) => {
    const session = getActiveSession();
    if (session?.id === a.id) {
      // The open editor owns the headline field; renaming through it keeps field and store in step.
      session.setMeta({ headline });
      await session.flush();
      await load();
    } else {
      await act(() => api.articles.rename({ id: a.id, headline }));
    }
    setRenaming(null);
  };

  const emptyTrash = async () => {
    setConfirmEmpty(false);
    await act(() => api.articles.emptyTrash({}));
  };

  const hasFilters =
    filters.text !== '' || filters.status !== '' || filters.language !== '' || (onlyMentions && !trash);
  const shownItems = items && onlyMentions && !trash ? items.filter((a) => mentions.has(a.id)) : items;

  return (
    <div className="library">
      {!trash && <DeskArticles />}
      <div className="library-tools">
        {!trash && (
          <button type="button" className="primary" onClick={() => runCommand('article.new')}>
            {t('newArticle')}
          </button>
        )}
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
        />
        <div className="library-filters">
          <select
            aria-label={t('filterStatus')}
            value={filters.status}
            onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value as ArticleStatus | '' }))}
          >
            <option value="">{t('allStatuses')}</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('filterLanguage')}
            value={filters.language}
            onChange={(e) => setFilters((f) => ({ ...f, language: e.target.value as ArticleLanguage | '' }))}
          >
            <option value="">{t('allLanguages')}</option>
            {ARTICLE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
          {!trash && (
            <button type="button" aria-pressed={onlyMentions} onClick={() => setOnlyMentions((v) => !v)}>
              {tc('library.filter')}
            </button>
          )}
          <select
            aria-label={t('sort')}
            value={filters.sort}
            onChange={(e) => setFilters((f) => ({ ...f, sort: e.target.value as ArticleSort }))}
          >
            <option value="updated">{t('sortUpdated')}</option>
            <option value="title">{t('sortTitle')}</option>
          </select>
        </div>
      </div>

      {error && (
        <p role="alert" className="error library-error">
          {error}
        </p>
      )}

      {!trash && (
        <NeedsCorrection items={allItems} openId={currentArticleId} onOpen={(id) => openArticle(id)} />
      )}

      {shownItems !== null && shownItems.length === 0 && (
        <p className="muted library-empty">{trash ? t('trashEmpty') : hasFilters ? t('noMatches') : null}</p>
      )}
      {shownItems !== null && shownItems.length === 0 && !trash && !hasFilters && total === 0 && (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      )}
      {shownItems !== null && shownItems.length > 0 && (
        <ArticleList
          items={shownItems}
          mentions={trash ? undefined : mentions}
          label={trash ? t('trashList') : t('list')}
          activeId={activeId}
          openId={currentArticleId}
          onActivate={setActiveId}
          onOpen={(id) => openArticle(id)}
          onDelete={trash ? undefined : (id) => void moveToTrash(id)}
        />
      )}

      <div role="toolbar" aria-label={t('actions')} className="library-actions">
        {!trash && (
          <>
            <button type="button" disabled={!active} onClick={() => active && void duplicate(active)}>
              {t('duplicate')}
            </button>
            <button type="button" disabled={!active} onClick={() => active && setRenaming(active)}>
              {t('rename')}
            </button>
            <button type="button" disabled={!active} onClick={() => active && void moveToTrash(active.id)}>
              {t('moveToTrash')}
            </button>
          </>
        )}
        {trash && (
          <>
            <button type="button" disabled={!active} onClick={() => active && void restore(active.id)}>
              {t('restoreFromTrash')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={trashCount === 0}
              onClick={() => setConfirmEmpty(true)}
            >
              {t('emptyTrash')}
            </button>
          </>
        )}
      </div>
      <div className="library-footer">
        <button
          type="button"
          aria-pressed={trash}
          onClick={() => {
            setTrash((v) => !v);
            setActiveId(null);
          }}
        >
          {trash
            ? t('backToArticles')
            : trashCount > 0
              ? t('showTrashCount', { count: trashCount })
              : t('showTrash')}
        </button>
      </div>

      {renaming && (
        <RenameDialog
          article={renaming}
          onCancel={() => setRenaming(null)}
          onSave={(h) => void rename(renaming, h)}
        />
      )}
      <Dialog title={t('emptyTrashTitle')} open={confirmEmpty} onClose={() => setConfirmEmpty(false)}>
        <p>{t('emptyTrashBody', { count: trashCount })}</p>
        <div className="dialog-actions">
          <button type="button" onClick={() => setConfirmEmpty(false)} autoFocus>
            {t('cancel')}
          </button>
          <button type="button" className="danger" onClick={() => void emptyTrash()}>
            {t('emptyTrashConfirm')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

function RenameDialog({
  article,
  onCancel,
  onSave,
}: {
  article: ArticleListItem;
  onCancel(): void;
  onSave(headline: string): void;
}) {
  const { t } = useTranslation('library');
  const [headline, setHeadline] = useState(article.headline);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(headline.trim());
  };
  return (
    <Dialog title={t('renameTitle')} open onClose={onCancel}>
      <form className="form" onSubmit={submit}>
        <label>
          {t('newHeadline')}
          <input value={headline} onChange={(e) => setHeadline(e.target.value)} maxLength={300} autoFocus />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary">
            {t('save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
