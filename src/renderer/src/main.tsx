// First, so the start-up calls are on their way while everything else is evaluated.
import { bootCalls } from './app/bootPrefetch';
import i18n, { loadFallbackLanguage, rememberedLanguage, setLanguage } from './i18n';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import './styles/app.css';
import { AppProvider } from './app/AppContext';
import { Shell } from './app/Shell';
import { StatusProvider } from './app/status';
import { RecoveryGate } from './recovery/RecoveryGate';
import type { AppInfo, Settings } from '../../shared/contract/app';
import { initDesk } from './desk/deskClient';
import { errorSentence } from './errors/errorSentence';

/** Long enough to stay out of the way of opening the last article. */
const FALLBACK_LANGUAGE_DELAY_MS = 3000;

function Boot() {
  const { t } = useTranslation();
  const [state, setState] = useState<{ info: AppInfo; settings: Settings } | { error: string } | null>(null);
  useEffect(() => {
    void (async () => {
      const [info, settings] = await Promise.all([bootCalls.info, bootCalls.settings]);
      // Not awaited: the app opens at once; a shared article waits for the desk's local copy itself
      // (so the desk's calls go out now, not after the strings are in).
      if (info.ok && settings.ok) void initDesk(settings.value.userName);
      await setLanguage(settings.ok ? settings.value.language : rememberedLanguage);
      if (!info.ok) return setState({ error: errorSentence(info.error) });
      if (!settings.ok) return setState({ error: errorSentence(settings.error) });
      setState({ info: info.value, settings: settings.value });
      // Strings a translation lacks fall back to English; not needed for the first screen.
      window.setTimeout(
        () => window.requestIdleCallback(() => void loadFallbackLanguage(), { timeout: 5000 }),
        FALLBACK_LANGUAGE_DELAY_MS,
      );
    })();
  }, []);
  // Until the language's strings are in there is nothing to say (a moment, alongside the start-up calls).
  if (state === null) return <p className="boot">{i18n.exists('loading') ? t('loading') : ''}</p>;
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
