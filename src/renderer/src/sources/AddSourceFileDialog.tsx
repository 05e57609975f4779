import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { notifyFactsChanged } from '../facts/events';
import { addSourceFromFile, MAX_ATTACHMENT_MB } from '../facts/files';
import { FileDrop } from '../facts/forms/FileDrop';
import { errorSentence } from '../errors/errorSentence';

/** "New ▾ → Source from file…": one file, picked or dropped, becomes a source with its text. */
export function AddSourceFileDialog({ onClose, onAdded }: { onClose(): void; onAdded(id: string): void }) {
  const { t } = useTranslation('sources');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = async (file: File) => {
    setBusy(true);
    setError(null);
    const r = await addSourceFromFile(file);
    setBusy(false);
    if (!r.ok)
      return setError(
        'tooLarge' in r ? t('add.tooLarge', { mb: MAX_ATTACHMENT_MB }) : errorSentence(r.error),
      );
    notifyFactsChanged();
    onAdded(r.value.source.id);
  };
  return (
    <Dialog title={t('add.title')} open onClose={onClose}>
      <p className="muted">{t('add.intro')}</p>
      <FileDrop
        label={t('add.choose')}
        onFile={(file) => void add(file)}
        current={busy ? t('add.uploading') : null}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('add.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
