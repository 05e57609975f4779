import type { UiLanguage } from '../contract/app';

/** What the start-up check found, as the question needs it (DatabaseDamagedError's fields). */
export interface DamageFound {
  file: string;
  finding: string;
  newestGood: { createdAt: string } | null;
}

const when = (lang: UiLanguage, iso: string) =>
  new Date(iso).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });

/**
 * The words of the start-up question for a damaged store: Electron's dialog and the browser
 * shell's terminal. Like the native menu's, they live outside i18next: the question comes
 * before the renderer, and before the settings (with the chosen language) can be read, so the
 * system language picks them. They name the file, SQLite's finding and the backup, and leave
 * out the CLI's instructions, which are no use to someone at a dialog.
 */
export function damagedStoreWords(lang: UiLanguage, damage: DamageFound) {
  const backup = damage.newestGood ? when(lang, damage.newestGood.createdAt) : null;
  return lang === 'de'
    ? {
        message: 'Die Factdesk-Datenbank ist beschädigt. Factdesk startet nicht mit beschädigten Daten.',
        detail:
          `${damage.file}\nBefund: ${damage.finding}\n\n` +
          (backup
            ? `Die neueste intakte Sicherung (${backup}) wiederherstellen? Die beschädigte Datei bleibt im Ordner „backups“ erhalten.`
            : 'Es gibt keine intakte Sicherung. Bitte die Datei behalten und Hilfe holen, bevor etwas geändert wird.'),
        restore: 'Sicherung wiederherstellen',
        quit: 'Beenden',
        /** Answers the terminal takes for yes. */
        yes: /^(j|ja|y|yes)$/i,
        prompt: '[j/N]',
      }
    : {
        message: 'The Factdesk database is damaged. Factdesk does not start on damaged data.',
        detail:
          `${damage.file}\nFinding: ${damage.finding}\n\n` +
          (backup
            ? `Restore the newest good backup (${backup})? The damaged file is kept in the “backups” folder.`
            : 'There is no good backup. Keep the file and ask for help before changing anything.'),
        restore: 'Restore backup',
        quit: 'Quit',
        yes: /^(y|yes)$/i,
        prompt: '[y/N]',
      };
}

/** The system language for the start-up question: German when the locale says so, else English. */
export const systemLanguage = (locale: string | undefined): UiLanguage =>
  locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
