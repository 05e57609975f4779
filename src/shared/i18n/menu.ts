import type { UiLanguage } from '../contract/app';

/** Menu commands are the same in both shells: the native menu (Electron) and the in-app menu bar (browser shell). */
export const MENU_COMMANDS = [
  'article.new',
  'file.import',
  'file.export',
  'article.share-desk',
  'article.open-recent',
  'view.toggle-library',
  'view.toggle-panel',
  'view.focus-mode',
  'view.theme-system',
  'view.theme-light',
  'view.theme-dark',
  'view.language-de',
  'view.language-en',
  'help.about',
  'help.shortcuts',
] as const;
export type MenuCommandId = (typeof MENU_COMMANDS)[number];

export function menuLabels(lang: UiLanguage) {
  return lang === 'de' ? de : en;
}

const de = {
  file: 'Datei',
  newArticle: 'Neuer Artikel',
  import: 'Importieren …',
  export: 'Exportieren …',
  shareWithDesk: 'Mit dem Desk teilen',
  recent: 'Zuletzt geöffnet',
  noRecent: 'Keine Artikel',
  quit: 'Beenden',
  edit: 'Bearbeiten',
  view: 'Ansicht',
  toggleLibrary: 'Artikelliste ein/aus',
  togglePanel: 'Faktenleiste ein/aus',
  focusMode: 'Fokusmodus',
  theme: 'Erscheinungsbild',
  themeSystem: 'Wie System',
  themeLight: 'Hell',
  themeDark: 'Dunkel',
  language: 'Sprache',
  help: 'Hilfe',
  about: 'Über Factdesk',
  shortcuts: 'Tastenkürzel',
};

const en: typeof de = {
  file: 'File',
  newArticle: 'New Article',
  import: 'Import…',
  export: 'Export…',
  shareWithDesk: 'Share with Desk',
  recent: 'Open Recent',
  noRecent: 'No articles',
  quit: 'Quit',
  edit: 'Edit',
  view: 'View',
  toggleLibrary: 'Toggle Article List',
  togglePanel: 'Toggle Facts Panel',
  focusMode: 'Focus Mode',
  theme: 'Appearance',
  themeSystem: 'Match System',
  themeLight: 'Light',
  themeDark: 'Dark',
  language: 'Language',
  help: 'Help',
  about: 'About Factdesk',
  shortcuts: 'Keyboard Shortcuts',
};
