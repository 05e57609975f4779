import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCE_KINDS, type Source, type SourceKind } from '../../../../shared/domain/facts';
import { api } from '../../bridge';
import { notifyFactsChanged } from '../events';
import { MAX_ATTACHMENT_MB, uploadSourceFile } from '../files';
import { Field, fieldProps } from './Field';
import { FileDrop } from './FileDrop';
import { FormDialog } from './FormDialog';
import { useFormErrors } from './useFormErrors';
import { dateProblem, orNull } from './values';

export function SourceForm({
  source,
  initialTitle,
  onClose,
  onSaved,
}: {
  source?: Source | null;
  initialTitle?: string;
  onClose(): void;
  onSaved(id: string): void;
}) {
  const { t } = useTranslation('facts');
  const [kind, setKind] = useState<SourceKind>(source?.kind ?? 'web_page');
  const [title, setTitle] = useState(source?.title ?? initialTitle ?? '');
  const [publisher, setPublisher] = useState(source?.publisher ?? '');
  const [url, setUrl] = useState(source?.url ?? '');
  const [publishedAt, setPublishedAt] = useState(source?.publishedAt ?? '');
  const [accessedAt, setAccessedAt] = useState(source?.accessedAt ?? new Date().toISOString().slice(0, 10));
  const [notes, setNotes] = useState(source?.notes ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = useMemo(
    () => ({
      kind: t('source.kind'),
      title: t('source.title'),
      publisher: t('source.publisher'),
      url: t('source.url'),
      publishedAt: t('source.publishedAt'),
      accessedAt: t('source.accessedAt'),
      notes: t('source.notes'),
      file: t('source.file'),
    }),
    [t],
  );
  const { errors, formError, showProblems, showError } = useFormErrors(labels);

  const submit = async () => {
    const problems: { path: string; message: string }[] = [];
    if (!title.trim()) problems.push({ path: 'title', message: 'must not be empty' });
    for (const [path, v] of [
      ['publishedAt', publishedAt],
      ['accessedAt', accessedAt],
    ] as const) {
      const p = dateProblem(v);
      if (p) problems.push({ path, message: p });
    }
    if (problems.length) return showProblems(problems);
    const input = {
      kind,
      title,
      publisher: orNull(publisher),
      url: orNull(url),
      publishedAt: orNull(publishedAt),
      accessedAt: orNull(accessedAt),
      notes: orNull(notes),
    };
    setBusy(true);
    const r = source
      ? await api.facts.sourceUpdate({ id: source.id, ...input })
      : await api.facts.sourceCreate(input);
    if (!r.ok) {
      setBusy(false);
      return showError(r.error);
    }
    if (file) {
      const up = await uploadSourceFile(r.value.id, file);
      if (!up.ok) {
        setBusy(false);
        notifyFactsChanged();
        return showError(
          'tooLarge' in up
            ? { code: 'validation', message: t('file.tooLarge', { mb: MAX_ATTACHMENT_MB }) }
            : up.error,
        );
      }
    }
    setBusy(false);
    notifyFactsChanged();
    onSaved(r.value.id);
  };

  return (
    <FormDialog
      title={source ? t('source.editTitle') : t('source.newTitle')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      formError={formError}
    >
      <Field id="source-title" label={labels.title} error={errors.title} wide>
        <input
          {...fieldProps('source-title', errors.title)}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <Field id="source-kind" label={labels.kind}>
        <select
          {...fieldProps('source-kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as SourceKind)}
        >
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`sourceKind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="source-publisher" label={labels.publisher} error={errors.publisher}>
        <input
          {...fieldProps('source-publisher', errors.publisher)}
          value={publisher}
          onChange={(e) => setPublisher(e.target.value)}
        />
      </Field>
      <Field id="source-url" label={labels.url} error={errors.url} wide>
        <input
          {...fieldProps('source-url', errors.url)}
          type="url"
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </Field>
      <Field id="source-published" label={labels.publishedAt} error={errors.publishedAt}>
        <input
          {...fieldProps('source-published', errors.publishedAt)}
          placeholder={t('form.datePlaceholder')}
          value={publishedAt}
          onChange={(e) => setPublishedAt(e.target.value)}
        />
      </Field>
      <Field id="source-accessed" label={labels.accessedAt} error={errors.accessedAt}>
        <input
          {...fieldProps('source-accessed', errors.accessedAt)}
          placeholder={t('form.datePlaceholder')}
          value={accessedAt}
          onChange={(e) => setAccessedAt(e.target.value)}
        />
      </Field>
      <Field id="source-notes" label={labels.notes} error={errors.notes} wide>
        <textarea
          {...fieldProps('source-notes', errors.notes)}
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </Field>
      {!source && (
        <div className="fact-field wide">
          <span className="field-label">{labels.file}</span>
          <FileDrop
            label={t('file.choose')}
            onFile={setFile}
            current={file ? t('file.chosen', { name: file.name }) : null}
          />
        </div>
      )}
    </FormDialog>
  );
}
