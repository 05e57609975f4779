import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge';
import { useApp } from '../app/AppContext';
import {
  ANNOTATABLE_FORMATS,
  EXPORT_FORMATS,
  canCarryComments,
  type ExportFormat,
  type ExportFormatInfo,
} from '../../../shared/contract/transfer';
import { errorSentence } from '../errors/errorSentence';
import type { AppError } from '../../../shared/result';

const FOLDER_KEY = 'factdesk.export.folder';
const FORMAT_KEY = 'factdesk.export.format';

export interface ExportChoice {
  format: ExportFormat;
  annotated: boolean;
  /** Comment threads go along where the format carries them (annotated HTML/PDF, DOCX). */
  comments: boolean;
  directory: string;
}

function storedFormat(): ExportFormat {
  const value = localStorage.getItem(FORMAT_KEY);
  return (EXPORT_FORMATS as readonly string[]).includes(value ?? '') ? (value as ExportFormat) : 'docx';
}

/** Remembers the last folder and format, so the next export starts where the last one went. */
export function rememberChoice(choice: ExportChoice): void {
  localStorage.setItem(FOLDER_KEY, choice.directory);
  localStorage.setItem(FORMAT_KEY, choice.format);
}

export const canAnnotate = (format: ExportFormat) => ANNOTATABLE_FORMATS.includes(format);

/** The formats this shell offers and the starting choice: the remembered folder, else the app's default export folder. */
export function useExportSetup() {
  const [formats, setFormats] = useState<ExportFormatInfo[] | null>(null);
  const [choice, setChoice] = useState<ExportChoice>(() => ({
    format: storedFormat(),
    annotated: false,
    comments: false,
    directory: localStorage.getItem(FOLDER_KEY) ?? '',
  }));
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.export.formats({}).then((r) => {
      if (!live) return;
      if (r.ok) setFormats(r.value);
      else setLoadError(errorSentence(r.error));
    });
    if (!localStorage.getItem(FOLDER_KEY)) {
      void api.export.defaultDirectory({}).then((r) => {
        if (live && r.ok) setChoice((c) => (c.directory ? c : { ...c, directory: r.value.path }));
      });
    }
    return () => {
      live = false;
    };
  }, []);

  // A remembered PDF choice in a shell that cannot print falls back to Word.
  useEffect(() => {
    if (formats?.some((f) => f.id === choice.format && !f.available))
      setChoice((c) => ({ ...c, format: 'docx' }));
  }, [formats, choice.format]);

  return { formats, choice, setChoice, loadError };
}

interface FieldsProps {
  formats: ExportFormatInfo[];
  choice: ExportChoice;
  onChange(choice: ExportChoice): void;
  errors: Record<string, string>;
  disabled?: boolean;
  /** Extra control next to the folder field (the native "Browse…"). */
  folderAction?: React.ReactNode;
}

/** Format, "annotated" where the format has such a version, and the folder. */
export function ExportFields({ formats, choice, onChange, errors, disabled, folderAction }: FieldsProps) {
  const { t } = useTranslation('transfer');
  const { t: tc } = useTranslation('comments');
  const { info } = useApp();
  const folderId = useId();
  const folderErrorId = useId();
  return (
    <>
      <label>
        {t('format')}
        <select
          value={choice.format}
          disabled={disabled}
          onChange={(e) => {
            const format = e.target.value as ExportFormat;
            onChange({ ...choice, format, annotated: canAnnotate(format) && choice.annotated });
          }}
        >
          {formats.map((f) => (
            <option key={f.id} value={f.id} disabled={!f.available}>
              {f.id === 'pdf' && !f.available ? t('pdfUnavailable') : t(`formats.${f.id}`)}
            </option>
          ))}
        </select>
      </label>
      {errors.format && (
        <p role="alert" className="field-error">
          {errors.format}
        </p>
      )}
      {canAnnotate(choice.format) && (
        <label className="transfer-check">
          <input
            type="checkbox"
            checked={choice.annotated}
            disabled={disabled}
            onChange={(e) => onChange({ ...choice, annotated: e.target.checked })}
          />
          {t('annotated')}
        </label>
      )}
      {canCarryComments(choice.format, choice.annotated) && (
        <label className="transfer-check">
          <input
            type="checkbox"
            checked={choice.comments}
            disabled={disabled}
            onChange={(e) => onChange({ ...choice, comments: e.target.checked })}
          />
          {tc('export.withComments')}
        </label>
      )}
      <div className="transfer-folder">
        <label htmlFor={folderId}>{t('folder')}</label>
        <div className="transfer-folder-row">
          <input
            id={folderId}
            value={choice.directory}
            disabled={disabled}
            spellCheck={false}
            aria-invalid={errors.directory ? true : undefined}
            aria-describedby={errors.directory ? folderErrorId : undefined}
            onChange={(e) => onChange({ ...choice, directory: e.target.value })}
          />
          {info.canChooseFiles && folderAction}
        </div>
        {errors.directory && (
          <p id={folderErrorId} role="alert" className="field-error">
            {errors.directory}
          </p>
        )}
      </div>
    </>
  );
}

/** Splits an error into messages for the fields it names and one for the rest. */
export function fieldErrors(
  error: Pick<AppError, 'message' | 'fields' | 'key' | 'params'>,
  known: readonly string[],
): { fields: Record<string, string>; general: string | null } {
  const fields: Record<string, string> = {};
  const sentence = errorSentence(error);
  for (const f of error.fields ?? [])
    if (known.includes(f.path) && !fields[f.path]) fields[f.path] = sentence;
  return { fields, general: Object.keys(fields).length ? null : sentence };
}
