import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import i18n, { setLanguage } from '../i18n';
import { api } from '../bridge';
import { ARTICLE_STORAGE_KEY } from './storageKeys';
import type { AppInfo, Layout, Settings, SettingsPatch } from '../../../shared/contract/app';
import { errorSentence } from '../errors/errorSentence';

export interface AppState {
  info: AppInfo;
  settings: Settings;
  updateSettings(patch: SettingsPatch): Promise<void>;
  /** Pane layout changes apply at once and are saved shortly after, so dragging stays smooth. */
  setLayout(patch: Partial<Layout>): void;
  currentArticleId: string | null;
  openArticle(id: string | null): void;
}

const Ctx = createContext<AppState | null>(null);

export function useApp(): AppState {
  const value = useContext(Ctx);
  if (!value) throw new Error('useApp outside <AppProvider>');
  return value;
}

export function AppProvider({
  info,
  initialSettings,
  children,
}: {
  info: AppInfo;
  initialSettings: Settings;
  children: ReactNode;
}) {
  const [settings, setSettings] = useState(initialSettings);
  const [currentArticleId, setCurrentArticleId] = useState<string | null>(() =>
    sessionStorage.getItem(ARTICLE_STORAGE_KEY),
  );
  const pendingLayout = useRef<Partial<Layout>>({});
  const layoutTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    document.documentElement.lang = settings.language;
    if (i18n.language !== settings.language) void setLanguage(settings.language);
  }, [settings.language]);

  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = settings.theme === 'dark' || (settings.theme === 'system' && media.matches);
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [settings.theme]);

  const updateSettings = useCallback(async (patch: SettingsPatch) => {
    // Switches take effect at once: keys typed right after Ctrl+Shift+E must already be
    // suggestions, not wait for the save's round trip. The stored settings then replace the guess.
    setSettings((s) => withSwitches(s, patch));
    const result = await api.settings.update(patch);
    if (result.ok) {
      setSettings(result.value);
      return;
    }
    const stored = await api.settings.get({});
    if (stored.ok) setSettings(stored.value);
    throw new Error(errorSentence(result.error));
  }, []);

  const flushLayout = useCallback(async () => {
    window.clearTimeout(layoutTimer.current);
    const patch = pendingLayout.current;
    pendingLayout.current = {};
    if (Object.keys(patch).length > 0) await api.settings.update({ layout: patch });
  }, []);

  const setLayout = useCallback(
    (patch: Partial<Layout>) => {
      setSettings((s) => ({ ...s, layout: { ...s.layout, ...patch } }));
      pendingLayout.current = { ...pendingLayout.current, ...patch };
      window.clearTimeout(layoutTimer.current);
      layoutTimer.current = window.setTimeout(() => void flushLayout(), 250);
    },
    [flushLayout],
  );

  useEffect(() => api.onBeforeClose(flushLayout), [flushLayout]);

  const openArticle = useCallback((id: string | null) => {
    setCurrentArticleId(id);
    if (id) sessionStorage.setItem(ARTICLE_STORAGE_KEY, id);
    else sessionStorage.removeItem(ARTICLE_STORAGE_KEY);
  }, []);

  const value = useMemo<AppState>(
    () => ({ info, settings, updateSettings, setLayout, currentArticleId, openArticle }),
    [info, settings, updateSettings, setLayout, currentArticleId, openArticle],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The patch's plain values (on/off, choices) applied to the settings; nested parts wait for the store. */
function withSwitches(settings: Settings, patch: SettingsPatch): Settings {
  const plain = Object.entries(patch).filter(
    ([, value]) => typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number',
  );
  return { ...settings, ...(Object.fromEntries(plain) as Partial<Settings>) };
}
