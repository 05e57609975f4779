import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskJoinPreview } from '../../../shared/contract/facts-desk';
import { api } from '../bridge';
import { Dialog } from '../components/Dialog';
import { notifyFactsChanged } from './events';
import { errorSentence } from '../errors/errorSentence';

type Decision = 'use-desk' | 'keep-both';

/**
 * Sharing the local fact store with the desk after joining: the facts not on the desk yet, and
 * per group of likely duplicates (same name or alias, same quote and speaker, same deal) the
 * member's choice — use the desk's record, or keep both.
 */
export function ShareWithDeskDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('facts');
  const [preview, setPreview] = useState<DeskJoinPreview | null>(null);
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.facts.deskJoinPreview({}).then((r) => {
      if (!r.ok) return setError(errorSentence(r.error));
      setPreview(r.value);
      setDecisions(r.value.groups.map(() => 'use-desk'));
    });
  }, []);

  const share = async () => {
    const r = await api.facts.deskShare({ decisions });
    if (!r.ok) return setError(errorSentence(r.error));
    setError(null);
    setStatus(t('desk.shared', { merged: r.value.merged }));
    notifyFactsChanged();
  };

  return (
    <Dialog title={t('desk.shareTitle')} open onClose={onClose}>
      {!preview && !error && <p className="muted">{t('loading')}</p>}
      {preview && (
        <>
          <p>{t('desk.unshared', { count: preview.unshared })}</p>
          {preview.groups.length > 0 && (
            <ul className="duplicate-groups" aria-label={t('desk.groups')}>
              {preview.groups.map((g, i) => (
                <li key={`${g.kind}:${g.localIds.join(',')}`}>
                  <fieldset>
                    <legend>
                      {t('desk.group', {
                        kind: t(`type.${g.kind}`),
                        label: g.label,
                        local: g.localIds.length,
                        desk: g.deskIds.length,
                      })}
                    </legend>
                    {(['use-desk', 'keep-both'] as const).map((d) => (
                      <label key={d}>
                        <input
                          type="radio"
                          name={`group-${i}`}
                          checked={decisions[i] === d}
                          onChange={() => setDecisions((all) => all.map((x, j) => (j === i ? d : x)))}
                        />
                        {t(`desk.decision.${d}`)}
                      </label>
                    ))}
                  </fieldset>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {status && <p role="status">{status}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('desk.close')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!preview || status !== null}
          onClick={() => void share()}
        >
          {t('desk.share')}
        </button>
      </div>
    </Dialog>
  );
}
