import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
        <div
          key={a.id}
          id={`article-option-${a.id}`}
          role="option"
          aria-selected={a.id === activeId}
          className={`article-option ${a.id === openId ? 'is-open' : ''} ${a.id === activeId ? 'is-active' : ''}`}
          onClick={() => {
            onActivate(a.id);
            onOpen(a.id);
            listRef.current?.focus();
          }}
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
            {(mentions?.get(a.id) ?? 0) > 0 && (
              <span className="library-mentions">
                {tc('library.mentions', { count: mentions?.get(a.id) })}
              </span>
            )}
            <span>{a.language.toUpperCase()}</span>
            {a.desk && <span>{a.desk}</span>}
            {a.author && <span>{a.author}</span>}
            <span>{t('words', { count: a.wordCount })}</span>
            <span>{t('updated', { date: date.format(new Date(a.updatedAt)) })}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
