import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import './i18n';
import './styles/app.css';
import { api } from './bridge';
import { AppProvider } from './app/AppContext';
import { Shell } from './app/Shell';
import { StatusProvider } from './app/status';
import { RecoveryGate } from './recovery/RecoveryGate';
import i18n from './i18n';
import type { AppInfo, Settings } from '../../shared/contract/app';

function Boot() {
  const { t } = useTranslation();
  const [state, setState] = useState<{ info: AppInfo; settings: Settings } | { error: string } | null>(null);
  useEffect(() => {
    void (async () => {
      const [info, settings] = await Promise.all([api.app.info({}), api.settings.get({})]);
      if (!info.ok) return setState({ error: info.error.message });
      if (!settings.ok) return setState({ error: settings.error.message });
      await i18n.changeLanguage(settings.value.language);
      setState({ info: info.value, settings: settings.value });
    })();
  }, []);
  if (state === null) return <p className="boot">{t('loading')}</p>;
  if ('error' in state)
    return (
      <p role="alert" className="boot error">
        {t('startFailed', { message: state.error })}
      </p>
    );
  return (
    <AppProvider info={state.info} initialSettings={state.settings}>
      <StatusProvider>
        <RecoveryGate>
          <Shell />
        </RecoveryGate>
      </StatusProvider>
    </AppProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Boot />
  </StrictMode>,
);
