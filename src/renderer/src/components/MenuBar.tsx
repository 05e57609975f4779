import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge';
import { runCommand, type CommandId } from '../app/commands';
import type { RecentArticle } from '../../../shared/contract/articles';

interface Item {
  id: CommandId;
  label: string;
  shortcut?: string;
  payload?: string;
}
interface Menu {
  label: string;
  items: Item[];
}

/**
 * The in-app menu bar for shells without a native menu (the browser shell). It raises
 * the same commands as Electron's menu, so features listen in one place.
 */
export function MenuBar() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState<RecentArticle[]>([]);
  const barRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const topRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const menus: Menu[] = [
    {
      label: t('menu.file'),
      items: [
        { id: 'article.new', label: t('menu.newArticle'), shortcut: 'Ctrl+Alt+N' },
        { id: 'file.import', label: t('menu.import'), shortcut: 'Ctrl+O' },
        { id: 'file.export', label: t('menu.export'), shortcut: 'Ctrl+E' },
        { id: 'article.share-desk', label: t('menu.shareWithDesk') },
        { id: 'app.settings', label: t('menu.settings'), shortcut: 'Ctrl+,' },
        ...recent.map((a) => ({
          id: 'article.open-recent',
          label: t('menu.openRecent', { headline: a.headline || '—' }),
          payload: a.id,
        })),
      ],
    },
    {
      label: t('menu.edit'),
      items: [
        { id: 'edit.undo', label: t('menu.undo'), shortcut: 'Ctrl+Z' },
        { id: 'edit.redo', label: t('menu.redo'), shortcut: 'Ctrl+Shift+Z' },
      ],
    },
    {
      label: t('menu.view'),
      items: [
        { id: 'view.toggle-library', label: t('menu.toggleLibrary'), shortcut: 'Ctrl+Shift+L' },
        { id: 'view.toggle-panel', label: t('menu.togglePanel'), shortcut: 'Ctrl+Shift+F' },
        { id: 'view.focus-mode', label: t('menu.focusMode'), shortcut: 'Ctrl+Shift+Enter' },
        { id: 'view.theme-system', label: t('menu.themeSystem') },
        { id: 'view.theme-light', label: t('menu.themeLight') },
        { id: 'view.theme-dark', label: t('menu.themeDark') },
        { id: 'view.language-de', label: t('menu.languageDe') },
        { id: 'view.language-en', label: t('menu.languageEn') },
      ],
    },
    {
      label: t('menu.help'),
      items: [
        { id: 'help.shortcuts', label: t('menu.shortcuts'), shortcut: 'F1' },
        { id: 'help.about', label: t('menu.about') },
      ],
    },
  ];

  useEffect(() => {
    if (open !== null) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (open === null) return;
    const close = (e: MouseEvent) => {
      if (!barRef.current?.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);

  const openMenu = (index: number, item = 0) => {
    // File → recent articles is read fresh each time the menu opens, as the native menu is rebuilt.
    if (index === 0)
      void api.articles.recent({ limit: 5 }).then((r) => {
        if (r.ok) setRecent(r.value);
      });
    setOpen(index);
    setActive(item);
  };
  const choose = (item: Item) => {
    const from = open;
    setOpen(null);
    if (from !== null) topRefs.current[from]?.focus();
    runCommand(item.id, item.payload);
  };

  const onTopKey = (e: KeyboardEvent, index: number) => {
    const n = menus.length;
    if (e.key === 'ArrowRight') topRefs.current[(index + 1) % n]?.focus();
    else if (e.key === 'ArrowLeft') topRefs.current[(index - 1 + n) % n]?.focus();
    else if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') openMenu(index);
    else return;
    e.preventDefault();
  };

  const onItemKey = (e: KeyboardEvent, menuIndex: number) => {
    const count = menus[menuIndex].items.length;
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % count);
    else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + count) % count);
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(count - 1);
    else if (e.key === 'ArrowRight') openMenu((menuIndex + 1) % menus.length);
    else if (e.key === 'ArrowLeft') openMenu((menuIndex - 1 + menus.length) % menus.length);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(null);
      topRefs.current[menuIndex]?.focus();
    } else return;
    e.preventDefault();
  };

  return (
    <div className="menubar" role="menubar" aria-label={t('menu.bar')} ref={barRef}>
      {menus.map((menu, i) => (
        <div className="menubar-entry" key={menu.label}>
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === i}
            tabIndex={i === 0 ? 0 : -1}
            ref={(el) => {
              topRefs.current[i] = el;
            }}
            onClick={() => (open === i ? setOpen(null) : openMenu(i))}
            onKeyDown={(e) => onTopKey(e, i)}
          >
            {menu.label}
          </button>
          {open === i && (
            <div className="menu" role="menu" aria-label={menu.label}>
              {menu.items.map((item, j) => (
                <button
                  type="button"
                  role="menuitem"
                  key={`${item.id}:${item.payload ?? ''}`}
                  tabIndex={j === active ? 0 : -1}
                  ref={(el) => {
                    itemRefs.current[j] = el;
                  }}
                  onClick={() => choose(item)}
                  onKeyDown={(e) => onItemKey(e, i)}
                  onMouseEnter={() => setActive(j)}
                >
                  <span>{item.label}</span>
                  {item.shortcut && <kbd aria-hidden="true">{item.shortcut}</kbd>}
                </button>
              ))}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
