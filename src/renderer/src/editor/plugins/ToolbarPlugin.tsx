import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { OPEN_LINK_DIALOG_COMMAND, SET_BLOCK_TYPE_COMMAND, type BlockType } from '../commands';
import { $currentBlockType } from './FormattingPlugin';
import { CommentButton } from '../../comments/CommentButton';
import { MarkClaimButton } from '../../claims/MarkClaim';
import { SuggestModeButton } from '../../suggest/SuggestModeButton';

interface SelectionFormat {
  blockType: BlockType;
  bold: boolean;
  italic: boolean;
  link: boolean;
}

const INITIAL: SelectionFormat = { blockType: 'paragraph', bold: false, italic: false, link: false };
export const BLOCK_TYPES: BlockType[] = ['paragraph', 'h2', 'h3', 'quote', 'bullet', 'number'];

/** Reads only the selection's own nodes, so it costs the same in a short note and a long feature. */
function $readFormat(): SelectionFormat {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return INITIAL;
  const anchor = selection.anchor.getNode();
  return {
    blockType: $currentBlockType() ?? 'paragraph',
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    link: $findMatchingParent(anchor, $isLinkNode) !== null,
  };
}

const sameFormat = (a: SelectionFormat, b: SelectionFormat) =>
  a.blockType === b.blockType && a.bold === b.bold && a.italic === b.italic && a.link === b.link;

/** Toolbar buttons keep the editor's selection: a mouse press on them must not move focus. */
const keepSelection = (e: React.MouseEvent) => e.preventDefault();

/** Left/Right move between the toolbar's buttons (WAI-ARIA toolbar pattern). */
function moveFocus(e: KeyboardEvent<HTMLDivElement>): void {
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
  if ((e.target as HTMLElement).tagName === 'SELECT') return;
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled), select'));
  const index = items.indexOf(e.target as HTMLElement);
  if (index < 0) return;
  e.preventDefault();
  const next = items[(index + (e.key === 'ArrowRight' ? 1 : items.length - 1)) % items.length];
  next.focus();
}

export function ToolbarPlugin() {
  const { t } = useTranslation('editor');
  const [editor] = useLexicalComposerContext();
  const [format, setFormat] = useState<SelectionFormat>(INITIAL);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readFormat);
          setFormat((prev) => (sameFormat(prev, next) ? prev : next));
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  const toggle = (name: 'bold' | 'italic', label: string, pressed: boolean) => (
    <button
      type="button"
      aria-pressed={pressed}
      className={`tb-${name}`}
      onMouseDown={keepSelection}
      onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, name)}
    >
      {label}
    </button>
  );

  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="editor-toolbar" onKeyDown={moveFocus}>
      <button
        type="button"
        disabled={!canUndo}
        onMouseDown={keepSelection}
        onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
      >
        {t('toolbar.undo')}
      </button>
      <button
        type="button"
        disabled={!canRedo}
        onMouseDown={keepSelection}
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      >
        {t('toolbar.redo')}
      </button>
      <span className="tb-sep" aria-hidden="true" />
      <select
        aria-label={t('toolbar.blockType')}
        value={format.blockType}
        onChange={(e) => {
          editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, e.target.value as BlockType);
          editor.focus();
        }}
      >
        {BLOCK_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`toolbar.${type}`)}
          </option>
        ))}
      </select>
      <span className="tb-sep" aria-hidden="true" />
      {toggle('bold', t('toolbar.bold'), format.bold)}
      {toggle('italic', t('toolbar.italic'), format.italic)}
      <button
        type="button"
        onMouseDown={keepSelection}
        onClick={() => editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined)}
      >
        {t('toolbar.link')}
      </button>
      <button
        type="button"
        disabled={!format.link}
        onMouseDown={keepSelection}
        onClick={() => editor.dispatchCommand(TOGGLE_LINK_COMMAND, null)}
      >
        {t('toolbar.unlink')}
      </button>
      <MarkClaimButton editor={editor} />
      <CommentButton editor={editor} />
      <span className="tb-sep" aria-hidden="true" />
      <SuggestModeButton />
    </div>
  );
}
