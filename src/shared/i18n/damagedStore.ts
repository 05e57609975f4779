import type { UiLanguage } from '../contract/app';

/**
 * The words of Electron's start-up dialog for a damaged store. Like the native menu's, they
 * live outside i18next: the dialog appears before the renderer, and before the settings (with
 * the chosen language) can be read, so the system language picks them.
 */
export function damagedStoreWords(lang: UiLanguage, finding: string, when: string) {
  return lang === 'de'
    ? {
        message: 'Die Factdesk-Datenbank ist beschädigt.',
        detail: `${finding}\n\nDie neueste intakte Sicherung (${when}) wiederherstellen? Die beschädigte Datei bleibt erhalten.`,
        restore: 'Sicherung wiederherstellen',
        quit: 'Beenden',
      }
    : {
        message: 'The Factdesk database is damaged.',
        detail: `${finding}\n\nRestore the newest good backup (${when})? The damaged file is kept.`,
        restore: 'Restore backup',
        quit: 'Quit',
      };
}
