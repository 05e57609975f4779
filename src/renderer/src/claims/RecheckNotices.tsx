import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimView } from '../../../shared/contract/claims';
import { formatInstant } from '../../../shared/export/factText';
import { useApp } from '../app/AppContext';
import { draftFromStale, requestCorrection, useCorrectionsState } from '../corrections/correctionsStore';
import { resolveRecheck } from './claimsStore';
import { errorSentence } from '../errors/errorSentence';

const shorten = (text: string, max = 60) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/**
 * "Needs re-check": what changed in the claim's linked facts since it was checked, old → new,
 * each with who changed it and when, and the button that records the re-check.
 */
export function RecheckNotices({ claim }: { claim: ClaimView }) {
  const { t } = useTranslation('claims');
  const { t: tc } = useTranslation('corrections');
  const { settings } = useApp();
  const corrections = useCorrectionsState();
  const [error, setError] = useState<string | null>(null);
  if (claim.recheck.length === 0) return null;
  return (
    <div
      className="claim-recheck"
      role="group"
      aria-label={t('recheck.title', { text: shorten(claim.text) })}
    >
      <p className="claim-recheck-badge">{t('recheck.badge')}</p>
      <ul>
        {claim.recheck.map((n, i) => (
          <li key={`${n.factType}:${n.factId}:${n.reason}:${n.at}:${i}`}>
            {n.message[settings.language]}{' '}
            <span className="muted">{t('recheck.by', { by: n.by, at: formatInstant(n.at) })}</span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        aria-label={t('recheck.resolveFor', { text: shorten(claim.text) })}
        onClick={async () => {
          const r = await resolveRecheck(claim.id);
          setError(r.ok ? null : errorSentence(r.error));
        }}
      >
        {t('recheck.resolve')}
      </button>
      {corrections.data?.published && corrections.articleId === claim.articleId && (
        <button
          type="button"
          aria-label={tc('recheckAddFor', { text: shorten(claim.text) })}
          onClick={() => requestCorrection(claim.articleId, draftFromStale([claim], settings.language))}
        >
          {tc('recheckAdd')}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
