import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveClaimFacts } from '../../../shared/export/factText';
import { useApp } from '../app/AppContext';
import { useClaimsState } from './claimsStore';

interface Anchor {
  ids: string[];
  left: number;
  top: number;
}

/**
 * A card under a claim mark while the pointer rests on it: status, kind, linked facts and how many
 * warnings are open. Keyboard users get the same details in the claims panel, which follows the caret.
 */
export function ClaimHoverCard({ root }: { root: HTMLElement }) {
  const { t } = useTranslation('claims');
  const { settings } = useApp();
  const { data } = useClaimsState();
  const [anchor, setAnchor] = useState<Anchor | null>(null);

  useEffect(() => {
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    const over = (event: MouseEvent) => {
      const mark = (event.target as HTMLElement).closest?.('mark[data-claim-ids]') as HTMLElement | null;
      if (!mark || !root.contains(mark)) return;
      clearTimeout(hideTimer);
      const rect = mark.getBoundingClientRect();
      setAnchor({
        ids: (mark.dataset.claimIds ?? '').split(' ').filter(Boolean),
        left: rect.left,
        top: rect.bottom + 6,
      });
    };
    const out = (event: MouseEvent) => {
      const from = (event.target as HTMLElement).closest?.('mark[data-claim-ids]');
      const to = (event.relatedTarget as HTMLElement | null)?.closest?.('mark[data-claim-ids]');
      if (from && from !== to) hideTimer = setTimeout(() => setAnchor(null), 150);
    };
    const hide = () => setAnchor(null);
    root.addEventListener('mouseover', over);
    root.addEventListener('mouseout', out);
    root.addEventListener('keydown', hide);
    return () => {
      clearTimeout(hideTimer);
      root.removeEventListener('mouseover', over);
      root.removeEventListener('mouseout', out);
      root.removeEventListener('keydown', hide);
    };
  }, [root]);

  if (!anchor || !data) return null;
  const claims = anchor.ids.map((id) => data.claims.find((c) => c.id === id)).filter((c) => c !== undefined);
  if (claims.length === 0) return null;
  return (
    <div role="tooltip" className="claim-hover-card" style={{ left: anchor.left, top: anchor.top }}>
      {claims.map((claim) => {
        const facts = resolveClaimFacts(claim, data.facts, settings.language);
        return (
          <div key={claim.id} className="claim-hover-entry">
            <p>
              <span className={`claim-status claim-status-${claim.status}`}>
                {t(`status.${claim.status}`)}
              </span>{' '}
              <span className="muted">{t(`kind.${claim.kind}`)}</span>
            </p>
            {facts.length === 0 ? (
              <p className="muted">{t('claim.noFacts')}</p>
            ) : (
              <ul>
                {facts.map((f) => (
                  <li key={`${f.ref.type}:${f.ref.id}`}>
                    {f.text ?? t('claim.missingFact', { id: f.ref.id })}
                  </li>
                ))}
              </ul>
            )}
            {claim.warnings.length > 0 && (
              <p className="claim-hover-warnings">
                {t('claim.warningCount', { count: claim.warnings.length })}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
