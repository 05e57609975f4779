import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge';
import { flushActiveSession } from '../editor/activeSession';
import type { BackupSummary } from '../../../shared/contract/backups';
import { errorSentence } from '../errors/errorSentence';

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Settings → Data: the backups in the data folder, "Back up now", and restore. A restore
 * saves the open article first, backs up the current data, and reloads the app on the
 * restored data.
 */
export function DataSettings() {
  const { t, i18n } = useTranslation('data');
  const [folder, setFolder] = useState('');
  const [backups, setBackups] = useState<BackupSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<BackupSummary | null>(null);
  const [missingFiles, setMissingFiles] = useState<number | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // A keyboard user who pressed "Restore" lands on the question, not at the top of the list again.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const continueButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (missingFiles !== null) continueButton.current?.focus();
  }, [missingFiles]);

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  const load = useCallback(async () => {
    const r = await api.backups.list({});
    if (!r.ok) return setMessage({ kind: 'error', text: errorSentence(r.error) });
    setFolder(r.value.folder);
    setBackups(r.value.backups);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const backUpNow = async () => {
    setBusy(true);
    const r = await api.backups.create({});
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: t('failed', { message: errorSentence(r.error) }) });
    setMessage({ kind: 'info', text: t('created', { when: when(r.value.createdAt) }) });
    await load();
  };

  const restore = async (backup: BackupSummary) => {
    setBusy(true);
    await flushActiveSession();
    const r = await api.backups.restore({ name: backup.name });
    setBusy(false);
    setConfirming(null);
    if (!r.ok)
      return setMessage({ kind: 'error', text: t('restoreFailed', { message: errorSentence(r.error) }) });
    // Said before the reload, which would wipe it: the files are gone whatever the writer does next.
    if (r.value.missingFiles > 0) return setMissingFiles(r.value.missingFiles);
    // Every view now shows data that is gone; start again on the restored store.
    window.location.reload();
  };

  if (missingFiles !== null)
    return (
      <section className="data-settings" aria-labelledby="data-settings-title">
        <h3 id="data-settings-title">{t('title')}</h3>
        <p role="alert">{t('restoredMissing', { count: missingFiles })}</p>
        <button
          ref={continueButton}
          type="button"
          className="primary"
          onClick={() => window.location.reload()}
        >
          {t('continue')}
        </button>
      </section>
    );

  return (
    <section className="data-settings" aria-labelledby="data-settings-title">
      <h3 id="data-settings-title">{t('title')}</h3>
      <p className="muted">{t('explain', { folder })}</p>
      <button type="button" onClick={() => void backUpNow()} disabled={busy}>
        {t('backUpNow')}
      </button>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'error' : 'muted'}
        >
          {message.text}
        </p>
      )}
      {backups !== null && backups.length === 0 && <p className="muted">{t('none')}</p>}
      {backups !== null && backups.length > 0 && (
        <ul className="backup-list" aria-label={t('list')}>
          {backups.map((b) => (
            <li key={b.name}>
              <span>
                {when(b.createdAt)} · {t(`reason.${b.reason}`)} · {sizeOf(b.size)}
              </span>
              <button
                type="button"
                className="link-button"
                disabled={busy}
                aria-label={t('restoreFrom', { when: when(b.createdAt) })}
                onClick={() => setConfirming(b)}
              >
                {t('restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <div role="group" aria-label={t('confirmTitle')} className="backup-confirm">
          <p>{t('confirm', { when: when(confirming.createdAt) })}</p>
          <button type="button" onClick={() => setConfirming(null)} disabled={busy}>
            {t('cancel')}
          </button>
          <button
            ref={confirmButton}
            type="button"
            className="primary"
            onClick={() => void restore(confirming)}
            disabled={busy}
          >
            {t('confirmRestore')}
          </button>
        </div>
      )}
    </section>
  );
}
