import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Refusals from the main process reach a German writer in German: the error crosses the shell
 * as a key of the errors catalogue with its values, and the page says it in the UI language.
 */
test.use({ uiLanguage: 'de' });

async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Datei' }).click();
  await page.getByRole('menu', { name: 'Datei' }).getByRole('menuitem', { name: 'Importieren …' }).click();
  await page
    .getByRole('dialog', { name: 'Dateien importieren' })
    .getByLabel('Dateien auswählen …')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
}

test('an importer’s refusal from the transfer worker is shown in German', async ({ page }) => {
  await importFile(page, 'notiz.rtf', '{\\rtf1 Der Vertrag gilt ab Juli.}');
  const dialog = page.getByRole('dialog', { name: 'Dateien importieren' });
  await expect(dialog.getByRole('alert')).toHaveText(
    '„notiz.rtf“ kann nicht importiert werden: RTF wird nicht unterstützt; speichern Sie die Datei als .docx und importieren Sie diese',
    { timeout: 30_000 },
  );
});

test('a refusal naming the folder the writer typed is shown in German', async ({ page }) => {
  await importFile(page, 'bericht.md', '# Strivo zeigt alle Heimspiele\n\nDer Vertrag gilt ab Juli.\n');
  await expect(page.getByRole('dialog', { name: 'Dateien importieren' })).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('textbox', { name: 'Artikeltext' })).toContainText('Der Vertrag gilt ab Juli.');

  await page.getByRole('menubar').getByRole('menuitem', { name: 'Datei' }).click();
  await page.getByRole('menu', { name: 'Datei' }).getByRole('menuitem', { name: 'Exportieren …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Artikel exportieren' });
  await dialog.getByRole('textbox', { name: 'Ordner' }).fill('exporte/heute');
  await dialog.getByRole('button', { name: 'Exportieren', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Der Ordner muss ein vollständiger Pfad sein, etwa /home/me/Documents.',
  );
  await expect(dialog.getByRole('textbox', { name: 'Ordner' })).toHaveAttribute('aria-invalid', 'true');
});
