import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../../shared/domain/articles';
import type { Correction, CorrectionPrompt } from '../../../shared/domain/corrections';
import { correctionDay } from '../../../shared/export/corrections';
import { formatInstant } from '../../../shared/export/factText';
import { useApp } from '../app/AppContext';
import { useClaimsState } from '../claims/claimsStore';
import { CorrectionDialog, factName } from './CorrectionDialog';
import {
  closeCorrections,
  dismissOffer,
  draftFromOffer,
  draftFromStale,
  openCorrections,
  refreshCorrections,
  takeRequest,
  useCorrectionsState,
  withdrawCorrection,
  type CorrectionDraft,
} from './correctionsStore';
import '../styles/corrections.css';

const shorten = (raw: string, max = 60) => {
  const text = raw.trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
};

type Form = { draft: CorrectionDraft; editId?: string };

/**
 * Under the article: its corrections (dated, what was wrong and what is right), the offers to
 * write one, and the form. Shown once the article is published or has corrections.
 */
export function CorrectionsPanel({ articleId, status }: { articleId: string; status: ArticleStatus }) {
  const { t } = useTranslation('corrections');
  const { settings } = useApp();
  const lang = settings.language;
  const corrections = useCorrectionsState();
  const claimsState = useClaimsState();
  const claims = claimsState.articleId === articleId ? (claimsState.data?.claims ?? []) : [];
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    openCorrections(articleId);
    return () => closeCorrections(articleId);
  }, [articleId]);
  // Offers appear when claims are synced or re-checked, and when the status changes.
  useEffect(() => {
    void refreshCorrections();
  }, [claimsState.data, status]);

  // A request from the claims panel or the library opens the form here.
  const request = corrections.request;
  useEffect(() => {
    if (!request || request.articleId !== articleId) return;
    if (request.draft === 'from-stale') {
      if (claimsState.articleId !== articleId || !claimsState.data) return;
      const stale = draftFromStale(claimsState.data.claims, lang);
      const offer = corrections.data?.prompts[0];
      setForm({ draft: stale.claimIds.length > 0 || !offer ? stale : draftFromOffer(offer, lang) });
    } else setForm({ draft: request.draft });
    takeRequest();
  }, [request, articleId, claimsState, corrections.data, lang]);

  const data = corrections.articleId === articleId ? corrections.data : null;
  const list = data?.corrections ?? [];
  const published = status === 'published';
  if (!published && list.length === 0 && !form) return null;

  const claimText = (id: string) => claims.find((c) => c.id === id)?.text ?? id;
  const report = (r: { ok: boolean; error?: { message: string } }) =>
    setError(r.ok ? null : (r.error?.message ?? null));
  const stale = published ? claims.filter((c) => c.recheck.length > 0) : [];

  return (
    <section className="corrections-panel" aria-labelledby="corrections-title">
      <div className="corrections-head">
        <h2 id="corrections-title">{t('title', { count: list.length })}</h2>
        {published && (
          <button
            type="button"
            onClick={() => setForm({ draft: { wrong: '', right: '', claimIds: [], facts: [] } })}
          >
            {t('add')}
          </button>
        )}
      </div>
      {(data?.prompts.length ?? 0) > 0 && (
        <ul className="correction-offers" aria-label={t('offers')}>
          {data!.prompts.map((p) => (
            <Offer
              key={p.seq}
              offer={p}
              claim={claimText(p.claimId)}
              onAdd={() => setForm({ draft: draftFromOffer(p, lang) })}
              onDismiss={async () => report(await dismissOffer(articleId, p.seq))}
            />
          ))}
        </ul>
      )}
      {stale.length > 0 && (
        <div className="correction-offers" role="group" aria-label={t('staleGroup')}>
          <p>{t('stale', { count: stale.length })}</p>
          <button
            type="button"
            aria-label={t('addForStale', { count: stale.length })}
            onClick={() => setForm({ draft: draftFromStale(claims, lang) })}
          >
            {t('addShort')}
          </button>
        </div>
      )}
      {list.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ol className="corrections-list">
          {list.map((c) => (
            <CorrectionItem
              key={c.id}
              correction={c}
              claimText={claimText}
              facts={claimsState.data?.facts}
              onEdit={() =>
                setForm({
                  draft: { wrong: c.wrong, right: c.right, claimIds: c.claimIds, facts: c.facts },
                  editId: c.id,
                })
              }
              onWithdraw={async () => report(await withdrawCorrection(articleId, c.id))}
            />
          ))}
        </ol>
      )}
      {(error || corrections.error) && (
        <p role="alert" className="error">
          {error ?? corrections.error}
        </p>
      )}
      {form && (
        <CorrectionDialog
          articleId={articleId}
          initial={form.draft}
          editId={form.editId}
          claims={claims}
          facts={claimsState.data?.facts}
          onClose={() => setForm(null)}
        />
      )}
    </section>
  );
}

function Offer({
  offer,
  claim,
  onAdd,
  onDismiss,
}: {
  offer: CorrectionPrompt;
  claim: string;
  onAdd(): void;
  onDismiss(): void;
}) {
  const { t } = useTranslation('corrections');
  const { settings } = useApp();
  const what =
    offer.reason === 'text'
      ? t('offer.text', { before: offer.before.trim(), after: offer.after.trim() })
      : t('offer.recheck', {
          claim: shorten(claim),
          changes: offer.changes.map((c) => c[settings.language]).join(' '),
        });
  return (
    <li>
      <p>{what}</p>
      <button type="button" aria-label={t('offer.addFor', { claim: shorten(claim) })} onClick={onAdd}>
        {t('addShort')}
      </button>{' '}
      <button type="button" aria-label={t('offer.dismissFor', { claim: shorten(claim) })} onClick={onDismiss}>
        {t('offer.dismiss')}
      </button>
    </li>
  );
}

function CorrectionItem({
  correction: c,
  claimText,
  facts,
  onEdit,
  onWithdraw,
}: {
  correction: Correction;
  claimText(id: string): string;
  facts: Parameters<typeof factName>[1];
  onEdit(): void;
  onWithdraw(): void;
}) {
  const { t } = useTranslation('corrections');
  const { settings } = useApp();
  const [confirming, setConfirming] = useState(false);
  const date = correctionDay(c, settings.language);
  const concerns = [
    ...c.claimIds.map((id) => `„${shorten(claimText(id), 40)}“`),
    ...c.facts.map((f) => factName(f, facts)),
  ];
  return (
    <li className="correction-item" aria-label={t('item', { date })}>
      <p>
        <strong>{t('dated', { date })}</strong> {t('wrongLabel')} {c.wrong} {t('rightLabel')} {c.right}
      </p>
      <p className="muted">
        {concerns.length > 0 && <>{t('concerns', { list: concerns.join(', ') })} · </>}
        {t('writtenBy', { by: c.createdBy, at: formatInstant(c.createdAt) })} ·{' '}
        {c.exportedAt ? t('exported', { at: formatInstant(c.exportedAt) }) : t('notExported')}
      </p>
      {!c.exportedAt && !confirming && (
        <div className="correction-actions">
          <button type="button" aria-label={t('editFor', { date })} onClick={onEdit}>
            {t('edit')}
          </button>
          <button type="button" aria-label={t('withdrawFor', { date })} onClick={() => setConfirming(true)}>
            {t('withdraw')}
          </button>
        </div>
      )}
      {confirming && (
        <div className="correction-actions" role="group" aria-label={t('withdrawConfirm')}>
          <span>{t('withdrawConfirm')}</span>
          <button type="button" onClick={onWithdraw}>
            {t('withdraw')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('keep')}
          </button>
        </div>
      )}
      <details>
        <summary>{t('history')}</summary>
        <ul>
          {c.history.map((h, i) => (
            <li key={i}>
              {t('historyLine', { action: t(`action.${h.action}`), by: h.by, at: formatInstant(h.at) })}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
