import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import { COMMENT_COMMAND, COMMENT_SHORTCUT } from './commands';

/** The toolbar's "Comment" button; a mouse press keeps the editor's selection. */
export function CommentButton({ editor }: { editor: LexicalEditor }) {
  const { t } = useTranslation('comments');
  return (
    <button
      type="button"
      title={COMMENT_SHORTCUT.label}
      aria-keyshortcuts={COMMENT_SHORTCUT.aria}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor.dispatchCommand(COMMENT_COMMAND, undefined)}
    >
      {t('mark.action')}
    </button>
  );
}

/** The context menu's "Comment" entry, in the shape of that menu's items. */
export function useCommentMenuItem(editor: LexicalEditor) {
  const { t } = useTranslation('comments');
  return {
    id: 'comment',
    label: t('mark.action'),
    run: () => void editor.dispatchCommand(COMMENT_COMMAND, undefined),
  };
}
