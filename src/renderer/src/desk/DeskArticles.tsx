import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { api } from '../bridge';
import { flushActiveSession } from '../editor/activeSession';
import { announceArticleChange } from '../library/articleEvents';
import { noteLinked, useDesk } from './deskClient';
import { markDeskOpen } from './openTiming';
import { errorSentence } from '../errors/errorSentence';

/** The desk's shared articles in the library, with who is in each; opening one makes a local copy first. */
export function DeskArticles() {
  const { t } = useTranslation('desk');
  const { settings, openArticle, currentArticleId } = useApp();
  const { config, articles, presence } = useDesk();
  const [error, setError] = useState<string | null>(null);
  if (!config?.url) return null;

  const open = async (articleId: string) => {
    const entry = articles.get(articleId);
    if (!entry) return;
    await flushActiveSession();
    const r = await api.desk.adoptArticle({
      articleId,
      headline: entry.headline.slice(0, 500),
      language: settings.language,
      sharedBy: entry.sharedBy.slice(0, 120),
      sharedAt: entry.sharedAt.slice(0, 40),
    });
    if (!r.ok) return setError(t('library.openFailed', { message: errorSentence(r.error) }));
    markDeskOpen('adopted');
    setError(null);
    noteLinked(articleId);
    announceArticleChange({ id: articleId, meta: r.value });
    openArticle(articleId);
  };

  const list = [...articles.entries()].sort((a, b) => b[1].sharedAt.localeCompare(a[1].sharedAt));
  return (
    <section className="desk-articles" aria-label={t('library.title')}>
      <h2 className="desk-articles-title">{t('library.title')}</h2>
      {list.length === 0 && <p className="muted">{t('library.empty')}</p>}
      <ul>
        {list.map(([id, entry]) => {
          const headline = entry.headline || t('library.untitled');
          const people = presence.get(id) ?? [];
          return (
            <li key={id} className={id === currentArticleId ? 'active' : undefined}>
              <button
                type="button"
                aria-label={t('library.open', { headline })}
                onClick={() => void open(id)}
              >
                <span className="desk-article-headline">{headline}</span>
                <span className="muted">
                  {t('library.sharedBy', { name: entry.sharedBy })}
                  {people.length > 0 &&
                    ` · ${t('library.inIt', { names: people.map((p) => p.name).join(', ') })}`}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
