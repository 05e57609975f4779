import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingSuggestion } from '../../../shared/article/suggestedChanges';
import '../styles/suggest.css';

/** At most this many are listed; the count says how many there are in all. */
const LISTED = 12;

const short = (text: string) => (text.length > 50 ? `${text.slice(0, 47)}…` : text);

/**
 * In the export dialog: the suggestions a clean export will not apply (insertions left out,
 * deletions kept), and for DOCX the choice to write them as Word tracked changes instead.
 */
export function PendingSuggestionsWarning({
  pending,
  tracked,
  disabled,
}: {
  pending: PendingSuggestion[];
  tracked: { on: boolean; set(on: boolean): void } | null;
  disabled: boolean;
}) {
  const { t } = useTranslation('suggest');
  const headingId = useId();
  if (pending.length === 0) return null;
  return (
    <div className="export-pending" role="group" aria-labelledby={headingId}>
      {tracked && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={tracked.on}
            disabled={disabled}
            onChange={(e) => tracked.set(e.target.checked)}
          />
          {t('export.trackedChanges')}
        </label>
      )}
      {!tracked?.on && (
        <>
          <p id={headingId} className="warning">
            {t('export.pending', { count: pending.length })}
          </p>
          <ul>
            {pending.slice(0, LISTED).map((s) => (
              <li key={s.id}>
                {t('export.item', { kind: t(`kind.${s.kind}`), author: s.author, text: short(s.text) })}
              </li>
            ))}
            {pending.length > LISTED && <li>…</li>}
          </ul>
        </>
      )}
      {tracked?.on && (
        <p id={headingId} className="muted">
          {t('export.asTracked', { count: pending.length })}
        </p>
      )}
    </div>
  );
}
