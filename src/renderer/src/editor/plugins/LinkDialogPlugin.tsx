import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  type BaseSelection,
} from 'lexical';
import { $isLinkNode, $toggleLink } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { Dialog } from '../../components/Dialog';
import { allowedLinkUrl } from '../../../../shared/article/links';
import { OPEN_LINK_DIALOG_COMMAND } from '../commands';

interface Target {
  selection: BaseSelection;
  url: string;
  collapsed: boolean;
  inLink: boolean;
}

/** Asks for a link address for the selected text; only http, https and mailto are accepted. */
export function LinkDialogPlugin() {
  const { t } = useTranslation('editor');
  const [editor] = useLexicalComposerContext();
  const [target, setTarget] = useState<Target | null>(null);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_DIALOG_COMMAND,
        () => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
          const current = $isLinkNode(link) ? link.getURL() : '';
          setTarget({
            selection: selection.clone(),
            url: current,
            collapsed: selection.isCollapsed(),
            inLink: link !== null,
          });
          setUrl(current || 'https://');
          setError(null);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  useEffect(() => {
    if (target) inputRef.current?.select();
  }, [target]);

  const close = () => {
    setTarget(null);
    editor.focus();
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    const clean = allowedLinkUrl(url);
    if (clean === null) {
      setError(t('linkDialog.invalid'));
      return;
    }
    if (target.collapsed && !target.inLink) {
      setError(t('linkDialog.needsSelection'));
      return;
    }
    editor.update(() => {
      $setSelection(target.selection.clone());
      const selection = $getSelection();
      if (target.collapsed && $isRangeSelection(selection)) {
        const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
        if ($isLinkNode(link)) link.setURL(clean);
      } else {
        $toggleLink(clean);
      }
    });
    close();
  };

  const remove = () => {
    if (!target) return;
    editor.update(() => {
      $setSelection(target.selection.clone());
      $toggleLink(null);
    });
    close();
  };

  return (
    <Dialog title={t('linkDialog.title')} open={target !== null} onClose={close}>
      <form className="form" onSubmit={apply} noValidate>
        <label>
          {t('linkDialog.url')}
          <input
            ref={inputRef}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={error !== null}
            aria-describedby="link-dialog-hint"
            type="url"
            inputMode="url"
          />
        </label>
        <p
          id="link-dialog-hint"
          className={error ? 'field-error' : 'muted'}
          role={error ? 'alert' : undefined}
        >
          {error ?? t('linkDialog.hint')}
        </p>
        <div className="dialog-actions">
          {target?.inLink && (
            <button type="button" onClick={remove}>
              {t('linkDialog.remove')}
            </button>
          )}
          <button type="button" onClick={close}>
            {t('linkDialog.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('linkDialog.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
