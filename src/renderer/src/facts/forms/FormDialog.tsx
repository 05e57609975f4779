import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormPendingContext, type TrackPending } from './formPending';

interface Props {
  title: string;
  onClose(): void;
  onSubmit(): void | Promise<void>;
  busy?: boolean;
  formError?: string | null;
  submitLabel?: string;
  children: ReactNode;
}

/**
 * A form in a modal dialog: Escape or Cancel closes it, Enter in a field submits. Save waits
 * while a field has work under way that the form depends on (see formPending.ts).
 */
export function FormDialog({ title, onClose, onSubmit, busy, formError, submitLabel, children }: Props) {
  const { t } = useTranslation('facts');
  const [pending, setPending] = useState(0);
  const track = useCallback<TrackPending>((work) => {
    setPending((n) => n + 1);
    return work.finally(() => setPending((n) => n - 1));
  }, []);
  const waiting = Boolean(busy) || pending > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!waiting) void onSubmit();
  };
  return (
    <Dialog title={title} open onClose={onClose} className="fact-dialog">
      <form className="fact-form" onSubmit={submit} noValidate>
        {formError && (
          <p role="alert" className="error form-error">
            {formError}
          </p>
        )}
        <div className="fact-form-fields">
          <FormPendingContext.Provider value={track}>{children}</FormPendingContext.Provider>
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="primary" disabled={waiting} aria-busy={pending > 0 || undefined}>
            {submitLabel ?? t('form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
