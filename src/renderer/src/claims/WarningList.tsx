import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimView } from '../../../shared/contract/claims';
import { formatInstant } from '../../../shared/export/factText';
import { useApp } from '../app/AppContext';
import { dismissWarning } from './claimsStore';
import { errorSentence } from '../errors/errorSentence';

/** Open warnings, each with its one-sentence explanation; dismissing asks for a reason that stays on the record. */
export function WarningList({ claim, editable }: { claim: ClaimView; editable: boolean }) {
  const { t } = useTranslation('claims');
  const { settings } = useApp();
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (claim.warnings.length === 0 && (!editable || claim.dismissedWarnings.length === 0)) return null;

  const submit = async (e: FormEvent, key: string) => {
    e.preventDefault();
    const result = await dismissWarning(claim.id, key, reason);
    if (result.ok) {
      setDismissing(null);
      setReason('');
      setError(null);
    } else
      setError(result.error.fields?.find((f) => f.path === 'reason')?.message ?? errorSentence(result.error));
  };

  return (
    <div className="claim-warnings">
      {claim.warnings.length > 0 && (
        <ul aria-label={t('claim.warnings')}>
          {claim.warnings.map((w) => {
            const message = w.message[settings.language];
            return (
              <li key={w.key} className={`claim-warning claim-warning-${w.severity}`}>
                <span className="claim-warning-severity">{t(`severity.${w.severity}`)}:</span> {message}
                {editable && dismissing !== w.key && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('claim.dismissWarning', { message })}
                    onClick={() => setDismissing(w.key)}
                  >
                    {t('claim.dismiss')}
                  </button>
                )}
                {editable && dismissing === w.key && (
                  <form className="dismiss-form" onSubmit={(e) => void submit(e, w.key)}>
                    <label>
                      {t('claim.dismissReason')}
                      <input
                        value={reason}
                        autoFocus
                        maxLength={1000}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `dismiss-error-${claim.id}` : undefined}
                        onChange={(e) => setReason(e.target.value)}
                      />
                    </label>
                    {error && (
                      <span id={`dismiss-error-${claim.id}`} className="error">
                        {error}
                      </span>
                    )}
                    <button type="submit">{t('claim.confirmDismiss')}</button>
                    <button type="button" onClick={() => (setDismissing(null), setError(null))}>
                      {t('claim.cancel')}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editable && claim.dismissedWarnings.length > 0 && (
        <ul className="claim-dismissed muted">
          {claim.dismissedWarnings.map((d) => (
            <li key={d.code}>
              <code>{d.code}</code> –{' '}
              {t('claim.dismissed', { reason: d.reason, checker: d.checker, at: formatInstant(d.at) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
