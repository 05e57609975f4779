import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge';
import { Dialog } from '../components/Dialog';
import { flushActiveSession } from '../editor/activeSession';
import {
  canCarryComments,
  suggestExportFileName,
  type ExportResult,
} from '../../../shared/contract/transfer';
import type { ArticleMeta } from '../../../shared/domain/articles';
import { announceArticleChange } from '../library/articleEvents';
import { ExportFields, fieldErrors, rememberChoice, useExportSetup } from './exportSetup';
import { pendingSuggestions, type PendingSuggestion } from '../../../shared/article/suggestedChanges';
import { PendingSuggestionsWarning } from '../suggest/PendingSuggestionsWarning';
import { errorSentence } from '../errors/errorSentence';

interface Props {
  articleId: string;
  onClose(): void;
  onExported(result: ExportResult): void;
  onSeveral(): void;
}

/**
 * Export of the open article: format, the annotated version where there is one, folder and a
 * file name suggested from date and headline. An existing file is only replaced after the user
 * says so here.
 */
export function ExportDialog({ articleId, onClose, onExported, onSeveral }: Props) {
  const { t } = useTranslation('transfer');
  const { formats, choice, setChoice, loadError } = useExportSetup();
  const [meta, setMeta] = useState<ArticleMeta | null>(null);
  const [pending, setPending] = useState<PendingSuggestion[]>([]);
  const [trackedChanges, setTrackedChanges] = useState(false);
  const [fileName, setFileName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [confirmOverwrite, setConfirmOverwrite] = useState(false);
  const nameId = useId();
  const nameErrorId = useId();

  useEffect(() => {
    let live = true;
    // The stored article is what gets exported, so pending keystrokes are saved first.
    void flushActiveSession()
      .then(() => api.articles.get({ id: articleId }))
      .then((r) => {
        if (!live) return;
        if (r.ok) {
          setMeta(r.value.meta);
          setPending(pendingSuggestions(r.value.body));
        } else setGeneral(errorSentence(r.error));
      });
    return () => {
      live = false;
    };
  }, [articleId]);

  useEffect(() => {
    if (meta && !nameEdited) setFileName(suggestExportFileName(meta, choice.format, choice.annotated));
  }, [meta, choice.format, choice.annotated, nameEdited]);

  const run = async (overwrite: boolean) => {
    setBusy(true);
    setErrors({});
    setGeneral(null);
    setConfirmOverwrite(false);
    await flushActiveSession();
    const r = await api.export.article({
      articleId,
      format: choice.format,
      annotated: choice.annotated || undefined,
      comments: (choice.comments && canCarryComments(choice.format, choice.annotated)) || undefined,
      directory: choice.directory.trim(),
      fileName: fileName.trim(),
      overwrite: overwrite || undefined,
      trackedChanges: (choice.format === 'docx' && trackedChanges) || undefined,
    });
    setBusy(false);
    if (r.ok) {
      rememberChoice(choice);
      // An export freezes the article's corrections; the panel under the article shows it.
      announceArticleChange({ id: articleId });
      onExported(r.value);
      return;
    }
    if (r.error.code === 'conflict') {
      setConfirmOverwrite(true);
      return;
    }
    const split = fieldErrors(r.error, ['directory', 'fileName', 'format']);
    setErrors(split.fields);
    setGeneral(split.general);
  };

  const browse = async () => {
    const r = await api.export.choosePath({
      directory: choice.directory.trim() || '/',
      fileName: fileName.trim() || 'export',
    });
    if (r.ok && r.value) {
      setChoice({ ...choice, directory: r.value.directory });
      setFileName(r.value.fileName);
      setNameEdited(true);
    } else if (!r.ok) setGeneral(errorSentence(r.error));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(false);
  };

  return (
    <Dialog title={t('exportTitle')} open onClose={onClose} className="transfer-dialog">
      <form className="form" onSubmit={submit} aria-busy={busy}>
        {formats && (
          <ExportFields
            formats={formats}
            choice={choice}
            onChange={(c) => {
              setChoice(c);
              setConfirmOverwrite(false);
            }}
            errors={errors}
            disabled={busy}
            folderAction={
              <button type="button" onClick={() => void browse()} disabled={busy}>
                {t('browse')}
              </button>
            }
          />
        )}
        {choice.format !== 'json' && (
          <PendingSuggestionsWarning
            pending={pending}
            tracked={choice.format === 'docx' ? { on: trackedChanges, set: setTrackedChanges } : null}
            disabled={busy}
          />
        )}
        <label htmlFor={nameId}>{t('fileName')}</label>
        <input
          id={nameId}
          value={fileName}
          disabled={busy}
          spellCheck={false}
          aria-invalid={errors.fileName ? true : undefined}
          aria-describedby={errors.fileName ? nameErrorId : undefined}
          onChange={(e) => {
            setFileName(e.target.value);
            setNameEdited(true);
            setConfirmOverwrite(false);
          }}
        />
        {errors.fileName && (
          <p id={nameErrorId} role="alert" className="field-error">
            {errors.fileName}
          </p>
        )}
        {(general ?? loadError) && (
          <p role="alert" className="error">
            {general ?? loadError}
          </p>
        )}
        {confirmOverwrite && (
          <div role="alertdialog" aria-label={t('overwrite')} className="transfer-confirm">
            <p>{t('exists', { fileName: fileName.trim() })}</p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setConfirmOverwrite(false)} autoFocus>
                {t('keep')}
              </button>
              <button type="button" className="danger" onClick={() => void run(true)}>
                {t('overwrite')}
              </button>
            </div>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="transfer-several" onClick={onSeveral} disabled={busy}>
            {t('several')}
          </button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={
              busy || !meta || !formats || confirmOverwrite || !fileName.trim() || !choice.directory.trim()
            }
          >
            {busy ? t('exporting') : t('export')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
