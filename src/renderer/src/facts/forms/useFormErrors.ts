import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { errorSentence } from '../../errors/errorSentence';
import { localizeMessage } from '../messages';

/**
 * Field errors for a form: each message starts with the field's label ("Amount must be a
 * number"). Errors from the main process arrive with contract paths ("amountMinor"),
 * which `pathToField` maps onto the form's fields.
 */
export function useFormErrors(labels: Record<string, string>, pathToField: Record<string, string> = {}) {
  const { t } = useTranslation('facts');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const sentence = useCallback(
    (field: string, message: string) => `${labels[field] ?? field} ${localizeMessage(t, message)}`,
    [labels, t],
  );

  const showProblems = useCallback(
    (problems: { path: string; message: string }[]) => {
      const next: Record<string, string> = {};
      for (const p of problems) {
        const field = pathToField[p.path] ?? p.path;
        next[field] ??= sentence(field, p.message);
      }
      setErrors(next);
      setFormError(problems.length ? t('form.notSaved') : null);
    },
    [pathToField, sentence, t],
  );

  const showError = useCallback(
    (error: AppError) => {
      if (error.fields?.length) {
        showProblems(error.fields);
        const known = error.fields.every((f) => (pathToField[f.path] ?? f.path) in labels);
        if (!known) setFormError(errorSentence(error));
      } else {
        setErrors({});
        setFormError(errorSentence(error));
      }
    },
    [labels, pathToField, showProblems],
  );

  const clear = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  return { errors, formError, showProblems, showError, clear };
}
