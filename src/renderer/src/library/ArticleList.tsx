import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLatestRef } from '../app/latestRef';
import type { ArticleListItem } from '../../../shared/contract/articles';

interface Props {
  items: ArticleListItem[];
  label: string;
  activeId: string | null;
  openId: string | null;
  onActivate(id: string): void;
  onOpen(id: string): void;
  onDelete?(id: string): void;
  /** Open comment threads mentioning the user, by article. */
  mentions?: ReadonlyMap<string, number>;
}

/**
 * The article list as a WAI-ARIA listbox: one tab stop, arrow keys move, Home/End jump,
 * Enter opens, Delete moves to the trash. A click selects and opens.
 *
 * A newsroom library holds thousands of articles, so opening one or moving the selection must
 * re-render only the rows whose state changed (the old and the new open or active row): rows are
 * memoised on their own data and flags, and everything they get from here is stable.
 */
export function ArticleList({
  items,
  label,
  activeId,
  openId,
  onActivate,
  onOpen,
  onDelete,
  mentions,
}: Props) {
  const { t, i18n } = useTranslation('library');
  const { t: tc } = useTranslation('comments');
  const listRef = useRef<HTMLDivElement>(null);
  const date = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }),
    [i18n.language],
  );
  const index = items.findIndex((a) => a.id === activeId);

  useEffect(() => {
    if (activeId) document.getElementById(`article-option-${activeId}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  // One callback for every row, stable across renders, calling whatever the pane passed last.
  const latest = useLatestRef({ onActivate, onOpen });
  const pick = useCallback(
    (id: string) => {
      latest.current.onActivate(id);
      latest.current.onOpen(id);
      listRef.current?.focus();
    },
    [latest],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    if (items.length === 0) return;
    const move = (i: number) => onActivate(items[Math.max(0, Math.min(items.length - 1, i))].id);
    if (e.key === 'ArrowDown') move(index < 0 ? 0 : index + 1);
    else if (e.key === 'ArrowUp') move(index < 0 ? 0 : index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Enter' && activeId) onOpen(activeId);
    else if (e.key === 'Delete' && activeId && onDelete) onDelete(activeId);
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={listRef}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      className="article-list"
      aria-activedescendant={index >= 0 ? `article-option-${activeId}` : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (index < 0 && items.length > 0) onActivate(items[0].id);
      }}
    >
      {items.map((a) => (
        <ArticleRow
          key={a.id}
          item={a}
          open={a.id === openId}
          active={a.id === activeId}
          mentions={mentions?.get(a.id) ?? 0}
          date={date}
          t={t}
          tc={tc}
          onPick={pick}
        />
      ))}
    </div>
  );
}

interface RowProps {
  item: ArticleListItem;
  open: boolean;
  active: boolean;
  /** Open comment threads mentioning the user. */
  mentions: number;
  date: Intl.DateTimeFormat;
  t: TFunction<'library'>;
  tc: TFunction<'comments'>;
  onPick(id: string): void;
}

/**
 * The list reloads after saves and claim changes with fresh objects of the same content, so a row
 * compares its article field by field rather than by identity.
 */
function sameRow(a: RowProps, b: RowProps): boolean {
  if (
    a.open !== b.open ||
    a.active !== b.active ||
    a.mentions !== b.mentions ||
    a.date !== b.date ||
    a.t !== b.t ||
    a.tc !== b.tc ||
    a.onPick !== b.onPick
  )
    return false;
  if (a.item === b.item) return true;
  const x = a.item as unknown as Record<string, unknown>;
  const y = b.item as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.is(x[k], y[k]));
}

const ArticleRow = memo(function ArticleRow({
  item: a,
  open,
  active,
  mentions,
  date,
  t,
  tc,
  onPick,
}: RowProps) {
  return (
    <div
      id={`article-option-${a.id}`}
      role="option"
      aria-selected={active}
      // The open article is told apart from the selection for a screen reader too, not by colour only.
      aria-current={open || undefined}
      className={`article-option ${open ? 'is-open' : ''} ${active ? 'is-active' : ''}`}
      onClick={() => onPick(a.id)}
    >
      <span className={`article-headline ${a.headline ? '' : 'untitled'}`}>
        {a.headline || t('untitled')}
      </span>
      <span className="article-facts">
        <span className={`status-badge status-${a.status}`}>{t(`status.${a.status}`)}</span>
        {a.staleClaims > 0 && (
          <span className="stale-badge">{t('stale.count', { count: a.staleClaims })}</span>
        )}
        {a.unverifiedSinceReady > 0 && (
          <span className="status-badge status-recheck">
            {t('recheck', { count: a.unverifiedSinceReady })}
          </span>
        )}
        {mentions > 0 && (
          <span className="library-mentions">{tc('library.mentions', { count: mentions })}</span>
        )}
        <span>{a.language.toUpperCase()}</span>
        {a.desk && <span>{a.desk}</span>}
        {a.author && <span>{a.author}</span>}
        <span>{t('words', { count: a.wordCount })}</span>
        <span>{t('updated', { date: date.format(new Date(a.updatedAt)) })}</span>
      </span>
    </div>
  );
}, sameRow);
