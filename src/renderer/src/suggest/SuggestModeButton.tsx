import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { SUGGEST_SHORTCUTS } from './commands';

/** The toolbar's "Suggest" toggle; remembered per user in the settings. */
export function SuggestModeButton() {
  const { t } = useTranslation('suggest');
  const { settings, updateSettings } = useApp();
  return (
    <button
      type="button"
      className="suggest-toggle"
      aria-pressed={settings.suggestMode}
      aria-keyshortcuts="Control+Shift+E"
      title={SUGGEST_SHORTCUTS.toggle}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => void updateSettings({ suggestMode: !settings.suggestMode })}
    >
      {t('mode.toggle')}
    </button>
  );
}
