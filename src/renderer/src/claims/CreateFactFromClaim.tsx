import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dealFromClaim, quoteFromClaim } from '../../../shared/claims/factDraft';
import type { ClaimView } from '../../../shared/contract/claims';
import type { ArticleLanguage } from '../../../shared/domain/articles';
import { api } from '../bridge';
import { DealForm, type DealDraft } from '../facts/forms/DealForm';
import { QuoteForm, type QuoteDraft } from '../facts/forms/QuoteForm';
import { linkFacts } from './claimsStore';

type Open = { type: 'quote'; draft: QuoteDraft } | { type: 'deal'; draft: DealDraft } | null;

/**
 * "Create quote/deal from claim": the fact store's own forms, pre-filled from the claim's text
 * (the quote's words and speaker, or the amount); the new fact is linked to the claim on save.
 */
export function CreateFactFromClaim({ claim, language }: { claim: ClaimView; language: ArticleLanguage }) {
  const { t } = useTranslation('claims');
  const [open, setOpen] = useState<Open>(null);

  const startQuote = async () => {
    const from = quoteFromClaim(claim.context, language);
    let speaker: QuoteDraft['speaker'] = null;
    if (from.speakerName) {
      const found = await api.facts.entitySuggest({ query: from.speakerName, kinds: ['person'], limit: 1 });
      if (found.ok && found.value[0]) speaker = { id: found.value[0].id, label: found.value[0].name };
    }
    setOpen({ type: 'quote', draft: { wording: from.wording, language: from.language, speaker } });
  };

  const startDeal = () => {
    const from = dealFromClaim(claim.context, language);
    setOpen({
      type: 'deal',
      draft: {
        subject: from.subject,
        amount: from.amount,
        currency: from.currency ?? undefined,
        precision: from.precision,
      },
    });
  };

  const saved = (type: 'quote' | 'deal') => (id: string) => {
    setOpen(null);
    void linkFacts(claim.id, [{ type, id }]);
  };

  return (
    <>
      {claim.kind !== 'amount' && (
        <button type="button" onClick={() => void startQuote()}>
          {t('claim.createQuote')}
        </button>
      )}
      {claim.kind !== 'quote' && (
        <button type="button" onClick={startDeal}>
          {t('claim.createDeal')}
        </button>
      )}
      {open?.type === 'quote' && (
        <QuoteForm draft={open.draft} onClose={() => setOpen(null)} onSaved={saved('quote')} />
      )}
      {open?.type === 'deal' && (
        <DealForm draft={open.draft} onClose={() => setOpen(null)} onSaved={saved('deal')} />
      )}
    </>
  );
}
