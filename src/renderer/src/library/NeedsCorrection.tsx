import { useTranslation } from 'react-i18next';
import type { ArticleListItem } from '../../../shared/contract/articles';
import { requestCorrection } from '../corrections/correctionsStore';

/**
 * Ready or published articles with a claim whose linked fact changed since it was checked, and
 * published ones with an open offer to correct them: the desk decides whether the published text
 * needs a correction, and "Add a correction" opens the article with the form filled in.
 */
export function NeedsCorrection({
  items,
  openId,
  onOpen,
}: {
  items: ArticleListItem[];
  openId: string | null;
  onOpen(id: string): void;
}) {
  const { t } = useTranslation('library');
  const { t: tc } = useTranslation('corrections');
  const due = items.filter(
    (a) =>
      (a.staleClaims > 0 && (a.status === 'ready' || a.status === 'published')) ||
      (a.correctionOffers > 0 && a.status === 'published'),
  );
  if (due.length === 0) return null;
  return (
    <section className="needs-correction" aria-labelledby="needs-correction-title">
      <h3 id="needs-correction-title">{t('stale.correctionTitle')}</h3>
      <p className="muted">{t('stale.correctionHint')}</p>
      <ul>
        {due.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={`link-button ${a.id === openId ? 'is-open' : ''}`}
              aria-label={t('stale.open', {
                headline: a.headline || t('untitled'),
                status: t(`status.${a.status}`),
                count: a.staleClaims,
              })}
              onClick={() => onOpen(a.id)}
            >
              {a.headline || t('untitled')}
            </button>{' '}
            <span className={`status-badge status-${a.status}`}>{t(`status.${a.status}`)}</span>{' '}
            {a.staleClaims > 0 && (
              <span className="stale-badge">{t('stale.count', { count: a.staleClaims })}</span>
            )}{' '}
            {a.correctionOffers > 0 && (
              <span className="stale-badge">{tc('library.offers', { count: a.correctionOffers })}</span>
            )}{' '}
            {a.status === 'published' && (
              <button
                type="button"
                aria-label={tc('library.addTo', { headline: a.headline || t('untitled') })}
                onClick={() => {
                  onOpen(a.id);
                  requestCorrection(a.id, 'from-stale');
                }}
              >
                {tc('library.add')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
