import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { test, expect } from './fixtures';

/** Export and import through the menu, the dialogs and drag and drop; elements by role and name only. */

const library = (page: Page) => page.getByRole('navigation', { name: 'Articles' });
const articleList = (page: Page) => library(page).getByRole('listbox', { name: 'Article list' });
const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });
const statusBar = (page: Page) => page.getByRole('status', { name: 'Status' });

async function menu(page: Page, top: string, item: string): Promise<void> {
  await page.getByRole('menubar').getByRole('menuitem', { name: top }).click();
  await page.getByRole('menu', { name: top }).getByRole('menuitem', { name: item }).click();
}

async function newArticle(page: Page, headline: string, text: string): Promise<void> {
  await library(page).getByRole('button', { name: 'New article' }).click();
  const field = page.getByRole('textbox', { name: 'Headline' });
  // The new article replaces the open one a moment later; typing before that would rename the old one.
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  await field.fill(headline);
  await body(page).click();
  await page.keyboard.type(text);
  await expect(statusBar(page)).toContainText('Saved');
}

/** Drops files on the window the way a desktop drag does: a drop event carrying a DataTransfer with File objects. */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name));
      }
      return dt;
    },
    files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') })),
  );
  await page.getByRole('main').dispatchEvent('dragenter', { dataTransfer });
  await page.getByRole('main').dispatchEvent('drop', { dataTransfer });
}

async function docxFile(headline: string, paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: headline, heading: HeadingLevel.TITLE }),
          ...paragraphs.map((p) => new Paragraph({ text: p })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

test.describe('export and import', () => {
  test('exports the open article to DOCX via the menu and the file is in the chosen folder', async ({
    page,
    app,
  }) => {
    await newArticle(
      page,
      'Rotheide gewinnt das Derby – „verdient“',
      'Der SV Rotheide schlägt den FC Almental mit 2:1 nach großem Kampf.',
    );
    const folder = path.join(app.dataDir, 'exports-e2e');

    await menu(page, 'File', 'Export…');
    const dialog = page.getByRole('dialog', { name: 'Export article' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Word (DOCX)' });
    await expect(dialog.getByRole('checkbox', { name: /Annotated version/ })).toHaveCount(0);
    const fileName = dialog.getByRole('textbox', { name: 'File name' });
    await expect(fileName).toHaveValue(/^\d{4}-\d{2}-\d{2}-rotheide-gewinnt-das-derby-verdient\.docx$/);
    const name = await fileName.inputValue();
    await dialog.getByRole('textbox', { name: 'Folder' }).fill(folder);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(statusBar(page)).toContainText(`Exported to ${path.join(folder, name)}`);

    const raw = await mammoth.extractRawText({ path: path.join(folder, name) });
    expect(raw.value).toContain('Rotheide gewinnt das Derby – „verdient“');
    expect(raw.value).toContain('Der SV Rotheide schlägt den FC Almental mit 2:1 nach großem Kampf.');

    // A second export to the same name asks first, and keeping the file leaves it untouched.
    const before = fs.statSync(path.join(folder, name)).mtimeMs;
    await page
      .getByRole('group', { name: 'Article settings' })
      .getByRole('button', { name: 'Export…' })
      .click();
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Word (DOCX)' });
    await dialog.getByRole('textbox', { name: 'Folder' }).fill(folder);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const confirm = dialog.getByRole('alertdialog', { name: 'Overwrite' });
    await expect(confirm).toContainText(`“${name}” already exists in this folder. Overwrite it?`);
    await confirm.getByRole('button', { name: 'Keep the existing file' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(fs.statSync(path.join(folder, name)).mtimeMs).toBe(before);
    expect(fs.readdirSync(folder)).toEqual([name]);
  });

  test('a DOCX dropped onto the window becomes a new article', async ({ page }) => {
    const docx = await docxFile('Almental holt Torhüterin Feld', [
      'Die Ablöse liegt bei 300.000 Euro.',
      'Sie unterschreibt bis 2029.',
    ]);
    // The window listens for drops once the app has drawn itself.
    await expect(library(page).getByRole('button', { name: 'New article' })).toBeVisible();
    await dropFiles(page, [{ name: 'Feld-Wechsel.docx', bytes: docx }]);

    // The first import loads the DOCX reader; allow for a slow machine.
    await expect(
      articleList(page).getByRole('option', { name: /Almental holt Torhüterin Feld/ }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(
      'Almental holt Torhüterin Feld',
    );
    await expect(body(page)).toContainText('Die Ablöse liegt bei 300.000 Euro.');
    await expect(body(page)).toContainText('Sie unterschreibt bis 2029.');
    await expect(statusBar(page)).toContainText('Imported Feld-Wechsel.docx');
  });

  test('a corrupt DOCX is refused with a message naming the file, and nothing is added', async ({ page }) => {
    await newArticle(page, 'Schon da', 'Ein Artikel, der bleibt.');
    await expect(articleList(page).getByRole('option')).toHaveCount(1);

    const broken = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('Das ist kein Word-Dokument, nur kaputte Bytes.'),
    ]);
    await dropFiles(page, [{ name: 'Kaputt.docx', bytes: broken }]);

    const dialog = page.getByRole('dialog', { name: 'Import files' });
    await expect(dialog.getByRole('alert')).toContainText('Cannot import "Kaputt.docx":', {
      timeout: 30_000,
    });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await expect(articleList(page).getByRole('option')).toHaveCount(1);
    await expect(articleList(page).getByRole('option', { name: /Schon da/ })).toBeVisible();
  });

  test('imports files chosen with File → Import…', async ({ page }) => {
    await menu(page, 'File', 'Import…');
    const dialog = page.getByRole('dialog', { name: 'Import files' });
    await dialog.getByLabel('Choose files…').setInputFiles({
      name: 'bericht.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Strivo zeigt alle Heimspiele\n\nDer Vertrag gilt ab Juli.\n'),
    });
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(
      articleList(page).getByRole('option', { name: /Strivo zeigt alle Heimspiele/ }),
    ).toBeVisible();
    await expect(body(page)).toContainText('Der Vertrag gilt ab Juli.');
  });

  test('batch export shows progress and Cancel stops after the current file', async ({ page, app }) => {
    test.setTimeout(240_000);
    const sources = path.join(app.dataDir, 'sources');
    fs.mkdirSync(sources);
    const files = ['Erster Spieltag', 'Zweiter Spieltag', 'Dritter Spieltag', 'Vierter Spieltag'].map(
      (headline, i) => {
        const file = path.join(sources, `spieltag-${i + 1}.md`);
        fs.writeFileSync(file, `# ${headline}\n\nRotheide und Almental trennen sich ${i}:${i}.\n`);
        return file;
      },
    );
    const imported = await app.cli(['articles', 'import', ...files]);
    expect(imported.code, imported.stderr).toBe(0);
    await page.reload();
    await expect(articleList(page).getByRole('option')).toHaveCount(4);

    const folder = path.join(app.dataDir, 'batch');
    await menu(page, 'File', 'Export…');
    const dialog = page.getByRole('dialog', { name: 'Export several articles' });
    await dialog.getByRole('button', { name: 'Select all' }).click();
    await expect(dialog).toContainText('4 articles selected');
    // PDF takes long enough per file for Cancel to land mid-run.
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'PDF' });
    await dialog.getByRole('textbox', { name: 'Folder' }).fill(folder);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();

    const progress = dialog.getByRole('progressbar', { name: 'Export progress' });
    await expect(progress).toHaveAttribute('aria-valuemax', '4');
    await expect(progress).toHaveAttribute('aria-valuenow', '1', { timeout: 120_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.getByRole('status')).toContainText(/^Cancelled: [12] of 4 files were exported to /, {
      timeout: 120_000,
    });
    const done = Number(await progress.getAttribute('aria-valuenow'));
    const written = fs.readdirSync(folder).filter((f) => f.endsWith('.pdf'));
    expect(written).toHaveLength(done);
    expect(done).toBeLessThan(4);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
