import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { configureDesk, setDeskEnabled, useDesk } from './deskClient';

/** Settings → Desk: the desk's address and this user's token, Connect and Disconnect. */
export function DeskSettings() {
  const { t } = useTranslation('desk');
  const { config, connection } = useDesk();
  const [url, setUrl] = useState(config?.url ?? '');
  const [token, setToken] = useState(config?.token ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const connect = async (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setBusy(true);
    const problem = await configureDesk(url.trim(), token.trim());
    // The shell names the field by its key; the person knows it by its label, in their language.
    setError(
      problem
        ?.split('; ')
        .map((part) =>
          part.startsWith('url:')
            ? t('settings.badUrl')
            : part.startsWith('token:')
              ? t('settings.badToken')
              : part,
        )
        .join(' ') ?? null,
    );
    setBusy(false);
  };
  const disconnect = async () => {
    setBusy(true);
    setError(await setDeskEnabled(false));
    setBusy(false);
  };

  return (
    <form className="form desk-settings" onSubmit={connect} aria-label={t('settings.title')}>
      <fieldset>
        <legend>{t('settings.title')}</legend>
        <p className="muted">{t('settings.help')}</p>
        <label>
          {t('settings.url')}
          <input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="ws://127.0.0.1:1234"
            required
            maxLength={500}
            spellCheck={false}
          />
        </label>
        <label>
          {t('settings.token')}
          <input
            type="password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
            maxLength={500}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {config?.enabled && connection.kind !== 'none' && (
            <button type="button" onClick={() => void disconnect()} disabled={busy}>
              {t('settings.disconnect')}
            </button>
          )}
          <button type="submit" disabled={busy || url.trim() === '' || token.trim() === ''}>
            {t('settings.connect')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
