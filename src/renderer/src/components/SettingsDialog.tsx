import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { Dialog } from './Dialog';
import { DataSettings } from '../backups/DataSettings';
import { DeskSettings } from '../desk/DeskSettings';
import type { Theme, UiLanguage } from '../../../shared/contract/app';

export function SettingsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { settings, updateSettings, info } = useApp();
  const [userName, setUserName] = useState(settings.userName);
  const [language, setLanguage] = useState<UiLanguage>(settings.language);
  const [theme, setTheme] = useState<Theme>(settings.theme);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await updateSettings({ userName, language, theme });
      setError(null);
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <Dialog title={t('settings.title')} open={open} onClose={onClose}>
      <form onSubmit={submit} className="form">
        <label>
          {t('settings.userName')}
          <input value={userName} onChange={(e) => setUserName(e.target.value)} required maxLength={120} />
        </label>
        <label>
          {t('settings.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as UiLanguage)}>
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('settings.theme')}
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            <option value="system">{t('settings.themeSystem')}</option>
            <option value="light">{t('settings.themeLight')}</option>
            <option value="dark">{t('settings.themeDark')}</option>
          </select>
        </label>
        <p className="muted">
          {t('settings.dataDir')}: <code>{info.dataDir}</code>
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('settings.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
        </div>
      </form>
      <DataSettings />
      <DeskSettings />
    </Dialog>
  );
}
