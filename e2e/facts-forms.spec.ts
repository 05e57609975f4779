import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';

test.describe('facts: forms', () => {
  test.beforeEach(async ({ page, app }) => {
    expect((await app.cli(['sample'])).code).toBe(0);
    await page.reload();
  });

  test('refuses a deal with a bad amount with a clear message, and saves nothing', async ({ page, app }) => {
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    await panel.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('menuitem', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByLabel('Subject').fill('Bandenwerbung im Kellerberg-Stadion');
    await dialog.getByRole('combobox', { name: 'Payer' }).fill('Voltra');
    await dialog.getByRole('option', { name: /Voltra Energie/ }).click();
    await dialog.getByRole('combobox', { name: 'Payee' }).fill('Almental');
    await dialog.getByRole('option', { name: /FC Almental/ }).click();
    await dialog.getByLabel('Amount', { exact: true }).fill('fünf Millionen');
    await dialog.getByRole('button', { name: 'Save' }).click();

    await expect(dialog.getByText('Amount must be a number')).toBeVisible();
    await expect(dialog.getByLabel('Amount', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('alert')).toContainText('Not saved');

    // A currency that is not an ISO code, and payer equal to payee, are named too.
    await dialog.getByLabel('Currency').fill('EU');
    await dialog.getByRole('combobox', { name: 'Payee' }).fill('Voltra');
    await dialog.getByRole('option', { name: /Voltra Energie/ }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Currency must be an ISO currency code such as EUR')).toBeVisible();
    await expect(dialog.getByText('Payee must differ from the payer')).toBeVisible();

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    const search = await app.cli(['facts', 'search', 'Bandenwerbung', '--json']);
    expect(JSON.parse(search.stdout)).toEqual({ hits: [], truncated: false });
    await panel.getByRole('searchbox', { name: 'Search facts' }).fill('Bandenwerbung');
    await expect(panel.getByRole('status').filter({ hasText: 'Nothing found' })).toBeVisible();
  });

  test('a picker left and entered again at once keeps its suggestions open', async ({ page }) => {
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    await panel.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('menuitem', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    const payee = dialog.getByRole('combobox', { name: 'Payee' });
    // Quicker than any person: out to the subject and straight back, then type.
    await payee.focus();
    await dialog.getByLabel('Subject').focus();
    await payee.focus();
    await page.keyboard.type('Voltra');
    const option = dialog.getByRole('option', { name: /Voltra Energie/ });
    await expect(option).toBeVisible();
    // The list closes a moment after the field is left; that moment is long over now.
    await page.waitForTimeout(400);
    await expect(option).toBeVisible();
  });

  test('saves a deal once the amount is a number, shown in the UI language', async ({ page }) => {
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    await panel.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('menuitem', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByLabel('Subject').fill('Bandenwerbung im Kellerberg-Stadion');
    await dialog.getByLabel('Kind').selectOption({ label: 'Sponsorship' });
    await dialog.getByLabel('Amount', { exact: true }).fill('1.5m');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    const detail = panel.getByRole('article', { name: 'Deal: Bandenwerbung im Kellerberg-Stadion' });
    await expect(detail).toContainText('€1,500,000');
    await expect(detail).toContainText('Unsourced');
  });

  test('creates a quote by a speaker created on the way', async ({ page, app }) => {
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    await panel.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('menuitem', { name: 'New quote' }).click();
    const dialog = page.getByRole('dialog', { name: 'New quote' });
    await dialog.getByRole('combobox', { name: 'Speaker' }).fill('Ida Sørensen');
    await dialog.getByRole('option', { name: 'Create new “Ida Sørensen”…' }).click();
    const create = dialog.getByRole('group', { name: 'Create Ida Sørensen' });
    await expect(create.getByRole('combobox', { name: 'Kind of the new entry' })).toHaveValue('person');
    await create.getByRole('button', { name: 'Create' }).click();
    // The field showed the typed name all along; the new entry exists once its row has gone.
    await expect(create).toHaveCount(0);
    await expect(dialog.getByRole('combobox', { name: 'Speaker' })).toHaveValue('Ida Sørensen');
    await dialog.getByLabel('Wording').fill('Wir greifen in der Rückrunde an.');
    await dialog.getByLabel('Language').fill('de');
    await dialog.getByLabel('Date').fill('2026-02-14');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);

    const detail = panel.getByRole('article', { name: 'Quote by Ida Sørensen' });
    await expect(detail).toContainText('Wir greifen in der Rückrunde an.');
    await detail.getByRole('button', { name: 'Ida Sørensen' }).click();
    await expect(panel.getByRole('article', { name: 'Ida Sørensen' })).toContainText('1 quote');

    const found = JSON.parse((await app.cli(['facts', 'search', 'Sorensen', '--json'])).stdout) as {
      hits: { type: string }[];
    };
    expect(found.hits.map((h) => h.type)).toEqual(['entity']);
    const quotes = JSON.parse((await app.cli(['facts', 'search', 'Rueckrunde', '--json'])).stdout) as {
      hits: { meta: { speaker: string } }[];
    };
    expect(quotes.hits.map((h) => h.meta.speaker)).toEqual(['Ida Sørensen']);
  });

  test('Save waits while the new speaker is still being created, then saves the quote with it', async ({
    page,
  }) => {
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    await panel.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('menuitem', { name: 'New quote' }).click();
    const dialog = page.getByRole('dialog', { name: 'New quote' });
    await dialog.getByLabel('Wording').fill('Wir greifen in der Rückrunde an.');
    await dialog.getByRole('combobox', { name: 'Speaker' }).fill('Ida Sørensen');
    await dialog.getByRole('option', { name: 'Create new “Ida Sørensen”…' }).click();
    // The server is slow to create the entry (as under load): hold its answer back.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = () => {};
    const requested = new Promise<void>((resolve) => (asked = resolve));
    await page.route('**/api/facts%3Aentity-create', async (route) => {
      asked();
      await held;
      await route.continue();
    });
    const create = dialog.getByRole('group', { name: 'Create Ida Sørensen' });
    await create.getByRole('button', { name: 'Create' }).click();
    await requested;
    // Saved now, the quote would have no speaker: Save (and a second Create) wait.
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
    await expect(create.getByRole('button', { name: 'Create' })).toBeDisabled();
    release();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await page.unroute('**/api/facts%3Aentity-create');
    await expect(panel.getByRole('article', { name: 'Quote by Ida Sørensen' })).toContainText(
      'Wir greifen in der Rückrunde an.',
    );
  });

  test('attaches a source file by dialog and by drag and drop, storing it once by its SHA-256', async ({
    page,
    app,
  }) => {
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    await panel.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('menuitem', { name: 'New source' }).click();
    const dialog = page.getByRole('dialog', { name: 'New source' });
    await dialog.getByLabel('Title').fill('Vertragsauszug Nordlicht');
    await dialog.getByLabel('Kind').selectOption({ label: 'Document' });
    const content = Buffer.from('Erfundener Vertragsauszug: Nordlicht Versicherung, Seite 3.');
    await dialog
      .getByLabel('Choose file…')
      .setInputFiles({ name: 'auszug.txt', mimeType: 'text/plain', buffer: content });
    await expect(dialog.getByText('Chosen: auszug.txt')).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);

    const detail = panel.getByRole('article', { name: 'Source: Vertragsauszug Nordlicht' });
    const file = detail.getByRole('region', { name: 'Attached file' });
    await expect(file).toContainText('auszug.txt');
    await expect(file).toContainText(`${content.length} B`);
    await expect(file.getByRole('button', { name: 'Save a copy' })).toBeVisible();
    const hash = createHash('sha256').update(content).digest('hex');
    expect(fs.readFileSync(path.join(app.dataDir, 'files', hash.slice(0, 2), hash))).toEqual(content);

    // Drop the same bytes onto another source: still one stored file.
    await panel.getByRole('button', { name: 'Back to results' }).click();
    await panel.getByRole('searchbox', { name: 'Search facts' }).fill('Pressemappe Kellerberg');
    await panel
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /Pressemappe/ })
      .click();
    const other = panel.getByRole('article', { name: 'Source: Pressemappe: Kellerberg-Arena Almental' });
    const drop = other.getByRole('group', { name: 'Drop a file here' });
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'kopie.txt', { type: 'text/plain' }));
      return dt;
    }, content.toString());
    await drop.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(other.getByRole('region', { name: 'Attached file' })).toContainText('kopie.txt');
    expect(fs.readdirSync(path.join(app.dataDir, 'files', hash.slice(0, 2)))).toEqual([hash]);
  });
});
