import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationView } from '../../../../shared/contract/facts';
import type { CitedFactType } from '../../../../shared/domain/fact-inputs';
import { api } from '../../bridge';
import { notifyFactsChanged } from '../events';
import { Field, fieldProps } from './Field';
import { FormDialog } from './FormDialog';
import { RecordPicker, type PickerOption } from './RecordPicker';
import { SourceForm } from './SourceForm';
import { useFormErrors } from './useFormErrors';
import { orNull } from './values';

/** Backs a fact with a source: which source, where in it (page, paragraph, timestamp), and the words. */
export function CitationForm({
  factType,
  factId,
  citation,
  onClose,
}: {
  factType: CitedFactType;
  factId: string;
  citation?: CitationView | null;
  onClose(): void;
}) {
  const { t } = useTranslation('facts');
  const [source, setSource] = useState<PickerOption | null>(
    citation ? { id: citation.source.id, label: citation.source.title } : null,
  );
  const [locator, setLocator] = useState(citation?.locator ?? '');
  const [excerpt, setExcerpt] = useState(citation?.excerpt ?? '');
  const [newSource, setNewSource] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = useMemo(
    () => ({
      sourceId: t('citation.source'),
      locator: t('citation.locator'),
      excerpt: t('citation.excerpt'),
    }),
    [t],
  );
  const { errors, formError, showProblems, showError } = useFormErrors(labels);

  const searchSources = useCallback(async (query: string): Promise<PickerOption[]> => {
    const r = await api.facts.search({ query, typing: true, kinds: ['source'], limit: 8 });
    if (!r.ok) return [];
    return r.value.hits.map((h) => ({
      id: h.id,
      label: h.title.map((s) => s.text).join(''),
      detail: h.meta.type === 'source' ? (h.meta.publisher ?? undefined) : undefined,
    }));
  }, []);

  const submit = async () => {
    if (!source) return showProblems([{ path: 'sourceId', message: 'must be chosen' }]);
    setBusy(true);
    const r = citation
      ? await api.facts.citationUpdate({
          id: citation.id,
          sourceId: source.id,
          locator: orNull(locator),
          excerpt: orNull(excerpt),
        })
      : await api.facts.citationCreate({
          factType,
          factId,
          sourceId: source.id,
          locator: orNull(locator),
          excerpt: orNull(excerpt),
        });
    setBusy(false);
    if (!r.ok) return showError(r.error);
    notifyFactsChanged();
    onClose();
  };

  return (
    <>
      <FormDialog
        title={citation ? t('citation.editTitle') : t('citation.newTitle')}
        onClose={onClose}
        onSubmit={submit}
        busy={busy}
        formError={formError}
      >
        <Field id="citation-source" label={labels.sourceId} error={errors.sourceId} wide>
          <RecordPicker
            id="citation-source"
            value={source}
            onChange={setSource}
            search={searchSources}
            onCreate={(text) => setNewSource(text)}
            createLabel={(text) => t('citation.newSource', { title: text })}
            invalid={Boolean(errors.sourceId)}
            describedBy={errors.sourceId ? 'citation-source-error' : undefined}
          />
        </Field>
        <Field id="citation-locator" label={labels.locator} error={errors.locator}>
          <input
            {...fieldProps('citation-locator', errors.locator)}
            placeholder={t('citation.locatorHint')}
            value={locator}
            onChange={(e) => setLocator(e.target.value)}
          />
        </Field>
        <Field id="citation-excerpt" label={labels.excerpt} error={errors.excerpt} wide>
          <textarea
            {...fieldProps('citation-excerpt', errors.excerpt)}
            rows={3}
            value={excerpt}
            onChange={(e) => setExcerpt(e.target.value)}
          />
        </Field>
      </FormDialog>
      {newSource !== null && (
        <SourceForm
          initialTitle={newSource}
          onClose={() => setNewSource(null)}
          onSaved={(id) => {
            void api.facts.sourceGet({ id }).then((r) => {
              if (r.ok) setSource({ id, label: r.value.source.title });
            });
            setNewSource(null);
          }}
        />
      )}
    </>
  );
}
