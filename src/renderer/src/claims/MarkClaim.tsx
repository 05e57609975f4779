import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import { CLAIM_SHORTCUTS, MARK_CLAIM_COMMAND } from './commands';

/** The toolbar's "Mark as claim" button; a mouse press keeps the editor's selection. */
export function MarkClaimButton({ editor }: { editor: LexicalEditor }) {
  const { t } = useTranslation('claims');
  return (
    <button
      type="button"
      title={CLAIM_SHORTCUTS.mark}
      aria-keyshortcuts="Control+Shift+M"
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor.dispatchCommand(MARK_CLAIM_COMMAND, undefined)}
    >
      {t('mark.action')}
    </button>
  );
}

/** The context menu's "Mark as claim" entry, in the shape of that menu's items. */
export function useMarkClaimMenuItem(editor: LexicalEditor) {
  const { t } = useTranslation('claims');
  return {
    id: 'mark-claim',
    label: t('mark.action'),
    run: () => void editor.dispatchCommand(MARK_CLAIM_COMMAND, undefined),
    separatorBefore: true,
  };
}
