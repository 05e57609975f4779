import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import { useApp } from '../app/AppContext';
import { RESOLVE_SUGGESTIONS_COMMAND, SUGGEST_SHORTCUTS } from './commands';

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

/** The context menu's accept/reject entries, for the suggestions at the caret or in the selection. */
export function useSuggestionMenuItems(editor: LexicalEditor) {
  const { t } = useTranslation('suggest');
  return [
    {
      id: 'accept-suggestion',
      label: t('menu.accept'),
      run: () =>
        void editor.dispatchCommand(RESOLVE_SUGGESTIONS_COMMAND, { target: 'selection', accept: true }),
      separatorBefore: true,
    },
    {
      id: 'reject-suggestion',
      label: t('menu.reject'),
      run: () =>
        void editor.dispatchCommand(RESOLVE_SUGGESTIONS_COMMAND, { target: 'selection', accept: false }),
    },
  ];
}
