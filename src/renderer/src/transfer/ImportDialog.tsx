import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import type { ImportEntry } from './useImporter';

const ACCEPT = '.md,.markdown,.txt,.text,.html,.htm,.xhtml,.docx,.json';

interface Props {
  entries: ImportEntry[];
  busy: boolean;
  onFiles(files: File[]): void;
  onRetryWithFacts(entry: ImportEntry): void;
  onClose(): void;
}

/** File → Import…: pick files (or drop them on the window); each file's outcome is listed, failures with the reason. */
export function ImportDialog({ entries, busy, onFiles, onRetryWithFacts, onClose }: Props) {
  const { t } = useTranslation('transfer');
  const inputId = useId();
  return (
    <Dialog title={t('importTitle')} open onClose={onClose} className="transfer-dialog">
      <div className="form">
        <p className="muted">{t('importHint')}</p>
        <div>
          <input
            id={inputId}
            type="file"
            multiple
            accept={ACCEPT}
            className="sr-only"
            disabled={busy}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) onFiles(files);
            }}
          />
          <label htmlFor={inputId} className="transfer-file-button">
            {t('chooseFiles')}
          </label>
        </div>
        {entries.length > 0 && (
          <ul className="transfer-results" aria-live="polite">
            {entries.map((entry) => (
              <li key={entry.key} className={`transfer-result is-${entry.state}`}>
                {entry.state === 'waiting' || entry.state === 'importing' ? (
                  <span>{t('importing', { name: entry.name })}</span>
                ) : entry.state === 'done' ? (
                  <>
                    <span>
                      {t('imported', { name: entry.name, headline: entry.headline || t('untitled') })}
                    </span>
                    {entry.warnings && entry.warnings.length > 0 && (
                      <div className="muted">
                        {t('importWarnings')}
                        <ul>
                          {entry.warnings.map((w) => (
                            <li key={w}>{w}</li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </>
                ) : (
                  <div role="alert">
                    <p className="error">{entry.message}</p>
                    {entry.factsDiffer && (
                      <button type="button" onClick={() => onRetryWithFacts(entry)} disabled={busy}>
                        {t('updateFacts')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
