import { useTranslation } from 'react-i18next';
import type { ClaimView } from '../../../shared/contract/claims';
import { useApp } from '../app/AppContext';
import { draftFromOffer, requestCorrection, useCorrectionsState } from './correctionsStore';

const shorten = (raw: string, max = 60) => {
  const text = raw.trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
};

/** On a claim in the claims panel: the open offer to correct the published article, one button away. */
export function ClaimCorrectionOffers({ claim }: { claim: ClaimView }) {
  const { t } = useTranslation('corrections');
  const { settings } = useApp();
  const { articleId, data } = useCorrectionsState();
  if (articleId !== claim.articleId || !data) return null;
  const offers = data.prompts.filter((p) => p.claimId === claim.id);
  if (offers.length === 0) return null;
  const latest = offers[offers.length - 1];
  return (
    <div className="claim-recheck" role="group" aria-label={t('offers')}>
      <p>
        {latest.reason === 'text'
          ? t('offer.text', { before: latest.before.trim(), after: latest.after.trim() })
          : t('offer.recheck', {
              claim: shorten(claim.text),
              changes: latest.changes.map((c) => c[settings.language]).join(' '),
            })}
      </p>
      <button
        type="button"
        aria-label={t('offer.addFor', { claim: shorten(claim.text) })}
        onClick={() => requestCorrection(claim.articleId, draftFromOffer(latest, settings.language))}
      >
        {t('addShort')}
      </button>
    </div>
  );
}
