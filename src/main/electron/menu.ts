import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../../shared/contract/app';
import { menuLabels, type MenuCommandId } from '../../shared/i18n/menu';

export interface RecentArticle {
  id: string;
  headline: string;
}

/** Rebuilt whenever the UI language or the recent articles change. */
export function buildMenu(win: BrowserWindow, lang: UiLanguage, recent: RecentArticle[]): Menu {
  const t = menuLabels(lang);
  const send = (id: MenuCommandId, payload?: string) => () =>
    win.webContents.send('menu:command', { id, payload });
  const isMac = process.platform === 'darwin';

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        { label: t.newArticle, accelerator: 'CmdOrCtrl+N', click: send('article.new') },
        { label: t.import, accelerator: 'CmdOrCtrl+O', click: send('file.import') },
        { label: t.export, accelerator: 'CmdOrCtrl+E', click: send('file.export') },
        { label: t.shareWithDesk, click: send('article.share-desk') },
        {
          label: t.recent,
          submenu:
            recent.length === 0
              ? [{ label: t.noRecent, enabled: false }]
              : recent
                  .slice(0, 10)
                  .map((a) => ({ label: a.headline || '—', click: send('article.open-recent', a.id) })),
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: t.quit },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.toggleLibrary, accelerator: 'CmdOrCtrl+Shift+L', click: send('view.toggle-library') },
        { label: t.togglePanel, accelerator: 'CmdOrCtrl+Shift+F', click: send('view.toggle-panel') },
        { label: t.focusMode, accelerator: 'CmdOrCtrl+Shift+Enter', click: send('view.focus-mode') },
        { type: 'separator' },
        {
          label: t.theme,
          submenu: [
            { label: t.themeSystem, click: send('view.theme-system') },
            { label: t.themeLight, click: send('view.theme-light') },
            { label: t.themeDark, click: send('view.theme-dark') },
          ],
        },
        {
          label: t.language,
          submenu: [
            { label: 'Deutsch', type: 'radio', checked: lang === 'de', click: send('view.language-de') },
            { label: 'English', type: 'radio', checked: lang === 'en', click: send('view.language-en') },
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: t.help,
      submenu: [
        { label: t.shortcuts, accelerator: 'F1', click: send('help.shortcuts') },
        { label: t.about, click: send('help.about') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
