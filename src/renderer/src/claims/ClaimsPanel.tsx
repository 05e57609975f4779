import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  type ClaimKind,
  type ClaimStatus,
} from '../../../shared/domain/articles';
import type { ClaimView } from '../../../shared/contract/claims';
import { claimMarking, formatInstant, lastCheck, resolveClaimFacts } from '../../../shared/export/factText';
import { useApp } from '../app/AppContext';
import { EmptyState } from '../components/EmptyState';
import { useArticleEditor } from '../editor/EditorContext';
import { useFactsChanged } from '../facts/events';
import { claimsInOrder, refreshClaims, useClaimsState } from './claimsStore';
import { ClaimDetails } from './ClaimDetails';
import { GO_TO_CLAIM_COMMAND, SELECT_CLAIM_COMMAND } from './commands';
import { RecheckNotices } from './RecheckNotices';
import { ClaimCorrectionOffers } from '../corrections/ClaimCorrectionOffers';
import { ReportDialog } from './ReportDialog';
import { WarningList } from './WarningList';
import '../styles/claims.css';

const shorten = (text: string, max = 80) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/**
 * The claims of the open article in reading order, with status colour, kind, linked facts and
 * warnings; filters by status and kind; the selected claim opens its details. Choosing a claim
 * selects its text in the editor, and the caret in a mark selects the claim here.
 */
export function ClaimsPanel() {
  const { t } = useTranslation('claims');
  const { currentArticleId, settings } = useApp();
  const active = useArticleEditor();
  const state = useClaimsState();
  const [status, setStatus] = useState<ClaimStatus | ''>('');
  const [kind, setKind] = useState<ClaimKind | ''>('');
  const [report, setReport] = useState(false);

  useEffect(() => refreshClaims(), []);
  // An edited or deleted fact changes the warnings of the claims linked to it.
  useFactsChanged(() => refreshClaims(100));

  const ordered = useMemo(() => claimsInOrder(state), [state]);
  const shown = ordered.filter((c) => (!status || c.status === status) && (!kind || c.kind === kind));
  const inText = shown.filter((c) => c.inText);
  const removed = shown.filter((c) => !c.inText);

  if (
    !currentArticleId ||
    !active ||
    active.articleId !== currentArticleId ||
    state.articleId !== currentArticleId
  ) {
    return <EmptyState title={t('panel.title')} body={t('panel.noArticle')} />;
  }
  const { data } = state;
  const editor = active.editor;
  const select = (claim: ClaimView) => {
    if (claim.inText) editor.dispatchCommand(SELECT_CLAIM_COMMAND, claim.id);
  };

  const gate = data?.gate;
  const gateText = !gate
    ? ''
    : gate.open.length === 0
      ? t('panel.gatePasses')
      : gate.passes
        ? t('panel.gateOverridden')
        : t('panel.gateBlocked', { count: gate.open.length });

  const item = (claim: ClaimView) => {
    const selected = state.selectedId === claim.id;
    const facts = data ? resolveClaimFacts(claim, data.facts, settings.language) : [];
    const check = lastCheck(claim);
    const marking = claimMarking(claim);
    return (
      <li
        key={claim.id}
        className={`claim-item claim-item-${claim.status} ${claim.recheck.length > 0 ? 'claim-item-stale' : ''}`}
        aria-current={selected ? 'true' : undefined}
      >
        <div className="claim-item-head">
          <button
            type="button"
            className="claim-text-button"
            aria-disabled={!claim.inText}
            onClick={() => select(claim)}
          >
            {/* The name is the visible text itself (status, kind, wording) after "Show in text:". */}
            <span className="sr-only">{t('claim.showPrefix')} </span>
            <span className="claim-text">{shorten(claim.text, 140)}</span>{' '}
            <span className={`claim-status claim-status-${claim.status}`}>{t(`status.${claim.status}`)}</span>{' '}
            {claim.recheck.length > 0 && (
              <>
                <span className="claim-stale-badge">{t('recheck.badge')}</span>{' '}
              </>
            )}
            <span className="claim-kind">{t(`kind.${claim.kind}`)}</span>
          </button>
        </div>
        {facts.length > 0 && (
          <ul className="claim-fact-chips" aria-label={t('claim.facts')}>
            {facts.map((f) => (
              <li key={`${f.ref.type}:${f.ref.id}`}>
                {shorten(f.text ?? t('claim.missingFact', { id: f.ref.id }), 90)}
              </li>
            ))}
          </ul>
        )}
        <RecheckNotices claim={claim} />
        <ClaimCorrectionOffers claim={claim} />
        <WarningList claim={claim} editable={selected} />
        {check ? (
          <p className="claim-checked muted">
            {t('claim.checked', {
              status: t(`status.${claim.status}`),
              checker: check.checker,
              at: formatInstant(check.at),
            })}
          </p>
        ) : (
          marking && (
            <p className="claim-checked muted">
              {t('claim.markedNotChecked', { name: marking.by, at: formatInstant(marking.at) })}
            </p>
          )
        )}
        {selected && data && <ClaimDetails claim={claim} data={data} />}
      </li>
    );
  };

  return (
    <section className="claims-panel" aria-label={t('panel.title')}>
      <div className="claims-toolbar">
        <label>
          {t('panel.filterStatus')}
          <select value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus | '')}>
            <option value="">{t('panel.all')}</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('panel.filterKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ClaimKind | '')}>
            <option value="">{t('panel.all')}</option>
            {CLAIM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="claims-nav">
          <button
            type="button"
            title="Shift+F8"
            onClick={() => editor.dispatchCommand(GO_TO_CLAIM_COMMAND, -1)}
          >
            {t('panel.previous')}
          </button>
          <button type="button" title="F8" onClick={() => editor.dispatchCommand(GO_TO_CLAIM_COMMAND, 1)}>
            {t('panel.next')}
          </button>
          <button type="button" onClick={() => setReport(true)}>
            {t('panel.report')}
          </button>
        </div>
      </div>
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {gate && (
        <p
          role="status"
          className={`claims-gate ${gate.passes ? 'claims-gate-pass' : 'claims-gate-blocked'}`}
        >
          {gateText}
        </p>
      )}
      {!data ? (
        <p className="muted">{t('panel.loading')}</p>
      ) : ordered.length === 0 ? (
        <EmptyState title={t('panel.empty')} body={t('panel.emptyBody')} />
      ) : (
        <>
          <p className="muted claims-count">
            {t('panel.count', { shown: shown.length, total: ordered.length })}
          </p>
          <ul className="claims-list" aria-label={t('panel.list')}>
            {inText.map(item)}
          </ul>
          {removed.length > 0 && (
            <>
              <h3 className="claims-removed-title">{t('panel.removed')}</h3>
              <ul className="claims-list claims-removed" aria-label={t('panel.removed')}>
                {removed.map(item)}
              </ul>
            </>
          )}
        </>
      )}
      {report && (
        <ReportDialog articleId={currentArticleId} data={data ?? null} onClose={() => setReport(false)} />
      )}
    </section>
  );
}
