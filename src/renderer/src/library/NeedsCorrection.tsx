import { useTranslation } from 'react-i18next';
import type { ArticleListItem } from '../../../shared/contract/articles';

/**
 * Ready or published articles with a claim whose linked fact changed since it was checked:
 * the desk decides whether the published text needs a correction.
 */
export function NeedsCorrection({ items, openId, onOpen }: { items: ArticleListItem[]; openId: string | null; onOpen(id: string): void }) {
  const { t } = useTranslation('library');
  const due = items.filter((a) => a.staleClaims > 0 && (a.status === 'ready' || a.status === 'published'));
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
              aria-label={t('stale.open', { headline: a.headline || t('untitled'), status: t(`status.${a.status}`), count: a.staleClaims })}
              onClick={() => onOpen(a.id)}
            >
              {a.headline || t('untitled')}
            </button>{' '}
            <span className={`status-badge status-${a.status}`}>{t(`status.${a.status}`)}</span>{' '}
            <span className="stale-badge">{t('stale.count', { count: a.staleClaims })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
