import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  type ClaimKind,
  type ClaimStatus,
} from '../../../shared/domain/articles';
import type { ArticleClaims, ClaimView } from '../../../shared/contract/claims';
import { resolveClaimFacts } from '../../../shared/export/factText';
import { useApp } from '../app/AppContext';
import { setClaimStatus, unlinkFact, updateClaim } from './claimsStore';
import { CreateFactFromClaim } from './CreateFactFromClaim';
import { QuoteDiff } from './QuoteDiff';
import { ClaimDiscussion } from '../comments/ClaimDiscussion';
import { openSourceAt } from '../sources/openSource';
import { errorSentence } from '../errors/errorSentence';

// Loaded when first opened, not with the app's first screen.
const LinkFactsDialog = lazy(() => import('./LinkFactsDialog').then((m) => ({ default: m.LinkFactsDialog })));

/** Everything a checker does with one claim: status, kind, linked facts, check results and a note. */
export function ClaimDetails({ claim, data }: { claim: ClaimView; data: ArticleClaims }) {
  const { t } = useTranslation('claims');
  const { t: ts } = useTranslation('sources');
  const { settings } = useApp();
  const [linking, setLinking] = useState(false);
  const [note, setNote] = useState(claim.note);
  const [noteState, setNoteState] = useState<'idle' | 'saved' | string>('idle');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setNote(claim.note), [claim.id, claim.note]);

  const facts = resolveClaimFacts(claim, data.facts, settings.language);
  const report = (r: { ok: boolean; error?: { message: string } }) =>
    setError(r.ok ? null : (r.error?.message ?? null));

  return (
    <div className="claim-details" role="group" aria-label={t('claim.details')}>
      <div className="claim-detail-row">
        <label>
          {t('claim.status')}
          <select
            value={claim.status}
            onChange={async (e) => report(await setClaimStatus(claim.id, e.target.value as ClaimStatus))}
          >
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('claim.kind')}
          <select
            value={claim.kind}
            onChange={async (e) => report(await updateClaim(claim.id, { kind: e.target.value as ClaimKind }))}
          >
            {CLAIM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      <div className="claim-facts">
        <h4>{t('claim.facts')}</h4>
        {facts.length === 0 ? (
          <p className="muted">{t('claim.noFacts')}</p>
        ) : (
          <ul>
            {facts.map((f) => {
              const label = f.text ?? t('claim.missingFact', { id: f.ref.id });
              return (
                <li key={`${f.ref.type}:${f.ref.id}`}>
                  <span>{label}</span>
                  {f.sources.length > 0 && (
                    <ul className="claim-sources muted">
                      {f.sources.map((s) => (
                        <li key={`${s.source.id}:${s.locator ?? ''}`}>
                          {s.source.fileHash ? (
                            <button
                              type="button"
                              className="link-button claim-source-open"
                              aria-label={
                                s.locator
                                  ? ts('open.at', { title: s.source.title, locator: s.locator })
                                  : ts('open.source', { title: s.source.title })
                              }
                              onClick={() =>
                                openSourceAt({
                                  sourceId: s.source.id,
                                  locator: s.locator,
                                  excerpt: s.excerpt,
                                })
                              }
                            >
                              {s.source.title}
                              {s.locator ? ` – ${s.locator}` : ''}
                            </button>
                          ) : (
                            <>
                              {s.source.title}
                              {s.locator ? ` – ${s.locator}` : ''}
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('claim.unlink', { label })}
                    onClick={async () => report(await unlinkFact(claim.id, f.ref))}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="claim-actions">
          <button type="button" onClick={() => setLinking(true)}>
            {t('claim.link')}
          </button>
          <CreateFactFromClaim claim={claim} language={data.language} />
        </div>
      </div>

      {claim.checks.map((check) =>
        check.type === 'quote' ? (
          <QuoteDiff key={`q:${check.factId}`} check={check} />
        ) : check.type === 'amount' ? (
          <p key={`a:${check.factId}`} className={`amount-check amount-check-${check.verdict}`}>
            {t('claim.amountCheck', {
              fact:
                facts.find((f) => f.ref.type === 'deal' && f.ref.id === check.factId)?.text ?? check.factId,
              verdict: t(`amount.${check.verdict}`),
            })}
          </p>
        ) : null,
      )}

      <form
        className="claim-note"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await updateClaim(claim.id, { note });
          setNoteState(r.ok ? 'saved' : errorSentence(r.error));
        }}
      >
        <label>
          {t('claim.note')}
          <textarea
            value={note}
            rows={2}
            maxLength={4000}
            onChange={(e) => (setNote(e.target.value), setNoteState('idle'))}
          />
        </label>
        <button type="submit" disabled={note === claim.note}>
          {t('claim.saveNote')}
        </button>
        <span role="status" className={noteState !== 'idle' && noteState !== 'saved' ? 'error' : 'muted'}>
          {noteState === 'saved' ? t('claim.noteSaved') : noteState === 'idle' ? '' : noteState}
        </span>
      </form>

      <ClaimDiscussion claim={claim} />

      {linking && (
        <Suspense fallback={null}>
          <LinkFactsDialog claim={claim} language={data.language} onClose={() => setLinking(false)} />
        </Suspense>
      )}
    </div>
  );
}
