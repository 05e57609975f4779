import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

interface Props {
  title: string;
  onClose(): void;
  onSubmit(): void | Promise<void>;
  busy?: boolean;
  formError?: string | null;
  submitLabel?: string;
  children: ReactNode;
}

/** A form in a modal dialog: Escape or Cancel closes it, Enter in a field submits. */
export function FormDialog({ title, onClose, onSubmit, busy, formError, submitLabel, children }: Props) {
  const { t } = useTranslation('facts');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit();
  };
  return (
    <Dialog title={title} open onClose={onClose} className="fact-dialog">
      <form className="fact-form" onSubmit={submit} noValidate>
        {formError && (
          <p role="alert" className="error form-error">
            {formError}
          </p>
        )}
        <div className="fact-form-fields">{children}</div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {submitLabel ?? t('form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
