import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { $selectAll, FORMAT_TEXT_COMMAND } from 'lexical';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_PLAIN_TEXT_COMMAND, OPEN_LINK_DIALOG_COMMAND, SET_BLOCK_TYPE_COMMAND } from '../commands';
import { BLOCK_TYPES } from './ToolbarPlugin';
import { useMarkClaimMenuItem } from '../../claims/MarkClaim';
import { useCommentMenuItem } from '../../comments/CommentButton';
import { useSuggestionMenuItems } from '../../suggest/SuggestModeButton';
import { useSpellMenuItems } from '../../spell/SpellMenuItems';

export interface Item {
  id: string;
  label: string;
  run(): void;
  separatorBefore?: boolean;
  disabled?: boolean;
}

/**
 * The editor's own context menu (right click, the context-menu key or Shift+F10): clipboard,
 * inline formats, links and block types — the same commands as the toolbar. On a misspelt word it
 * starts with the spelling suggestions and "Add to dictionary".
 */
export function ContextMenuPlugin() {
  const { t } = useTranslation('editor');
  const [editor] = useLexicalComposerContext();
  const [position, setPosition] = useState<{ x: number; y: number } | null>(null);
  const [active, setActive] = useState(0);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const markClaim = useMarkClaimMenuItem(editor);
  const comment = useCommentMenuItem(editor);
  const suggestionItems = useSuggestionMenuItems(editor);
  const spell = useSpellMenuItems(editor);
  const { locate } = spell;

  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (!root) return;
        const open = (event: MouseEvent) => {
          event.preventDefault();
          locate(event.clientX, event.clientY);
          // Keyboard-opened menus report 0,0; place them at the caret instead.
          let { clientX: x, clientY: y } = event;
          if (x === 0 && y === 0) {
            const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
            x = rect?.left ?? root.getBoundingClientRect().left;
            y = rect?.bottom ?? root.getBoundingClientRect().top;
          }
          setPosition({ x, y });
          setActive(0);
        };
        root.addEventListener('contextmenu', open);
        return () => root.removeEventListener('contextmenu', open);
      }),
    [editor, locate],
  );

  // Spelling suggestions arrive after the menu opened and replace its first entries: focus follows.
  const spellEntries = spell.items.map((i) => i.id).join('|');
  useEffect(() => {
    if (position === null) return;
    itemRefs.current[active]?.focus();
  }, [position, active, spellEntries]);

  useEffect(() => {
    if (position === null) return;
    const close = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setPosition(null);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [position]);

  const refocus = () => editor.getRootElement()?.focus({ preventScroll: true });

  const clipboard = (command: 'cut' | 'copy') => {
    refocus();
    document.execCommand(command);
  };

  const items: Item[] = [
    ...spell.items,
    {
      id: 'cut',
      label: t('contextMenu.cut'),
      run: () => clipboard('cut'),
      separatorBefore: spell.items.length > 0,
    },
    { id: 'copy', label: t('contextMenu.copy'), run: () => clipboard('copy') },
    ...(typeof navigator !== 'undefined' && navigator.clipboard?.readText
      ? [
          {
            id: 'paste',
            label: t('contextMenu.paste'),
            run: () => {
              void navigator.clipboard.readText().then(
                (text) => editor.dispatchCommand(INSERT_PLAIN_TEXT_COMMAND, text),
                () => undefined,
              );
            },
          },
        ]
      : []),
    {
      id: 'select-all',
      label: t('contextMenu.selectAll'),
      run: () => editor.update(() => void $selectAll()),
    },
    {
      id: 'bold',
      label: t('toolbar.bold'),
      run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'),
      separatorBefore: true,
    },
    {
      id: 'italic',
      label: t('toolbar.italic'),
      run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'),
    },
    {
      id: 'link',
      label: t('toolbar.link'),
      run: () => editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined),
    },
    {
      id: 'unlink',
      label: t('toolbar.unlink'),
      run: () => editor.dispatchCommand(TOGGLE_LINK_COMMAND, null),
    },
    markClaim,
    comment,
    ...suggestionItems,
    ...BLOCK_TYPES.map((type, i) => ({
      id: type,
      label: t(`toolbar.${type}`),
      run: () => editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, type),
      separatorBefore: i === 0,
    })),
  ];

  const choose = (item: Item) => {
    setPosition(null);
    refocus();
    item.run();
  };

  const onKey = (e: KeyboardEvent) => {
    const n = items.length;
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % n);
    else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + n) % n);
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(n - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setPosition(null);
      refocus();
    } else return;
    e.preventDefault();
  };

  if (position === null) return null;
  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={t('contextMenu.label')}
      className="menu editor-context-menu"
      style={{ position: 'fixed', left: position.x, top: position.y }}
      onKeyDown={onKey}
    >
      {items.map((item, i) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          aria-disabled={item.disabled || undefined}
          className={item.separatorBefore ? 'menu-separated' : undefined}
          ref={(el) => {
            itemRefs.current[i] = el;
          }}
          onMouseDown={(e) => e.preventDefault()}
          onMouseEnter={() => setActive(i)}
          onClick={() => !item.disabled && choose(item)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
