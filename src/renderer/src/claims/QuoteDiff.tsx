import { useTranslation } from 'react-i18next';
import type { ClaimCheck } from '../../../shared/claims/warnings';

type QuoteCheck = Extract<ClaimCheck, { type: 'quote' }>;

/** The article's wording against the verified quote, word by word: struck out = only in the record, underlined = only in the article. */
export function QuoteDiff({ check }: { check: QuoteCheck }) {
  const { t } = useTranslation('claims');
  return (
    <figure className="quote-diff" aria-label={t('diff.title')}>
      <figcaption>{t('diff.verdict', { verdict: t(`diff.${check.verdict}`) })}</figcaption>
      <p className="quote-diff-text">
        {check.diff.map((part, i) =>
          part.kind === 'same' ? (
            <span key={i}>{part.text}</span>
          ) : part.kind === 'removed' ? (
            <del key={i}>
              <span className="sr-only">{t('diff.removed')} </span>
              {part.text}
            </del>
          ) : (
            <ins key={i}>
              <span className="sr-only">{t('diff.added')} </span>
              {part.text}
            </ins>
          ),
        )}
      </p>
    </figure>
  );
}
