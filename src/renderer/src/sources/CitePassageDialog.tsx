import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge';
import { notifyFactsChanged } from '../facts/events';
import { Field, fieldProps } from '../facts/forms/Field';
import { FormDialog } from '../facts/forms/FormDialog';
import { RecordPicker, type PickerOption } from '../facts/forms/RecordPicker';
import { useFormErrors } from '../facts/forms/useFormErrors';

/**
 * A passage selected in the source viewer becomes a citation: the deal or quote it backs,
 * the locator ("p. 3", "§ Transfers, ¶ 7") and the words. The same record as the citation
 * form in a fact's detail, started from the source's side.
 */
export function CitePassageDialog({
  sourceId,
  locator: initialLocator,
  excerpt: initialExcerpt,
  onClose,
  onSaved,
}: {
  sourceId: string;
  locator: string;
  excerpt: string;
  onClose(): void;
  onSaved(message: string): void;
}) {
  const { t } = useTranslation('sources');
  const [fact, setFact] = useState<PickerOption | null>(null);
  const [locator, setLocator] = useState(initialLocator);
  const [excerpt, setExcerpt] = useState(initialExcerpt);
  const [busy, setBusy] = useState(false);
  const labels = useMemo(
    () => ({ factId: t('cite.fact'), locator: t('cite.locator'), excerpt: t('cite.excerpt') }),
    [t],
  );
  const { errors, formError, showProblems, showError } = useFormErrors(labels, { factType: 'factId' });

  const searchFacts = useCallback(async (query: string): Promise<PickerOption[]> => {
    const r = await api.facts.search({ query, typing: true, kinds: ['deal', 'quote'], limit: 8 });
    if (!r.ok) return [];
    return r.value.hits.map((h) => ({
      id: `${h.type}:${h.id}`,
      label: h.title.map((s) => s.text).join(''),
      detail:
        h.meta.type === 'quote'
          ? h.meta.speaker
          : h.meta.type === 'deal'
            ? [h.meta.payer, h.meta.payee].filter(Boolean).join(' → ')
            : undefined,
    }));
  }, []);

  const submit = async () => {
    if (!fact) return showProblems([{ path: 'factId', message: 'must be chosen' }]);
    const [factType, factId] = fact.id.split(/:(.*)/s, 2) as ['deal' | 'quote', string];
    setBusy(true);
    const r = await api.facts.citationCreate({
      factType,
      factId,
      sourceId,
      locator: locator.trim() || null,
      excerpt: excerpt.trim() || null,
    });
    setBusy(false);
    if (!r.ok) return showError(r.error);
    notifyFactsChanged();
    onSaved(t('cite.saved', { label: fact.label, locator: locator.trim() }));
  };

  return (
    <FormDialog
      title={t('cite.title')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      formError={formError}
      submitLabel={t('cite.save')}
    >
      <Field id="cite-fact" label={labels.factId} error={errors.factId} wide>
        <RecordPicker
          id="cite-fact"
          value={fact}
          onChange={setFact}
          search={searchFacts}
          placeholder={t('cite.factPlaceholder')}
          invalid={Boolean(errors.factId)}
          describedBy={errors.factId ? 'cite-fact-error' : undefined}
        />
      </Field>
      <Field id="cite-locator" label={labels.locator} error={errors.locator}>
        <input
          {...fieldProps('cite-locator', errors.locator)}
          value={locator}
          onChange={(e) => setLocator(e.target.value)}
        />
      </Field>
      <Field id="cite-excerpt" label={labels.excerpt} error={errors.excerpt} wide>
        <textarea
          {...fieldProps('cite-excerpt', errors.excerpt)}
          rows={4}
          value={excerpt}
          onChange={(e) => setExcerpt(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
