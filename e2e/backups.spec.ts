import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { newArticle, library, body, statusBar } from './articleSteps';

/** Settings → Data: back up now, then restore, through the contract like any other call. */

async function openSettings(page: Page) {
  await page.getByRole('menuitem', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Settings…' }).click();
  return page.getByRole('dialog', { name: 'Settings' });
}

test('backs up from Settings → Data and restores that backup', async ({ page, app }) => {
  await newArticle(page, 'SV Rotheide bleibt oben');
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Saved');

  let settings = await openSettings(page);
  const data = settings.getByRole('region', { name: 'Data' });
  await expect(data).toContainText('No backups yet.');
  await data.getByRole('button', { name: 'Back up now' }).click();
  await expect(data.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(1);
  await expect(data.getByRole('listitem').first()).toContainText('made here');
  await settings.getByRole('button', { name: 'Cancel' }).click();

  await newArticle(page, 'FC Nordhafen steigt ab');
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Saved');
  await expect(library(page).getByRole('option', { name: /SV Rotheide bleibt oben/ })).toBeVisible();

  settings = await openSettings(page);
  const list = settings.getByRole('region', { name: 'Data' }).getByRole('list', { name: 'Backups' });
  await list
    .getByRole('button', { name: /^Restore the backup from / })
    .first()
    .click();
  await settings
    .getByRole('group', { name: 'Confirm restore' })
    .getByRole('button', { name: 'Restore this backup' })
    .click();

  // The app reloads on the restored data: the second article is gone.
  await expect(library(page).getByRole('option', { name: /SV Rotheide bleibt oben/ })).toBeVisible();
  await expect(library(page).getByRole('option', { name: /FC Nordhafen steigt ab/ })).toHaveCount(0);
  const listed = JSON.parse((await app.cli(['articles', 'list', '--json'])).stdout) as { headline: string }[];
  expect(listed.map((a) => a.headline)).toEqual(['SV Rotheide bleibt oben']);
  expect((await app.cli(['backup', '--list'])).stdout).toMatch(/before-restore/);
});

test('an article a restore from the CLI took away is saved as a new one, with every word', async ({
  page,
  app,
}) => {
  // A backup from before the article existed, restored while the tab has it open.
  expect((await app.cli(['backup'])).code).toBe(0);
  await newArticle(page, 'Nordhafen nach Abpfiff');
  await body(page).click();
  await page.keyboard.type('Der erste Absatz ist gespeichert.');
  await expect(statusBar(page)).toContainText('Saved');
  expect((await app.cli(['restore', '--latest'])).code).toBe(0);

  await page.keyboard.type(' Nach der Wiederherstellung getippt.');
  await expect(statusBar(page)).toContainText(
    'Not saved — this article is no longer in the store (deleted elsewhere, or an earlier backup was restored)',
  );
  // A retry cannot bring the article back; the offer is to keep the text as a new one.
  await statusBar(page).getByRole('button', { name: 'Save as a new article' }).click();
  const offer = page.getByRole('dialog', { name: 'Unsaved text found' });
  await expect(offer).toContainText('Nordhafen nach Abpfiff');
  await offer.getByRole('button', { name: 'Restore text' }).click();
  await expect(offer).toBeHidden();

  const listed = JSON.parse((await app.cli(['articles', 'list', '--json'])).stdout) as {
    id: string;
    headline: string;
  }[];
  expect(listed.map((a) => a.headline)).toEqual(['Nordhafen nach Abpfiff']);
  expect((await app.cli(['articles', 'show', listed[0].id, '--text'])).stdout).toContain(
    'Der erste Absatz ist gespeichert. Nach der Wiederherstellung getippt.',
  );
});

test.describe('in German, by keyboard', () => {
  test.use({ uiLanguage: 'de' });

  test('restoring says which attached files are gone before the app reloads', async ({ page, app }) => {
    const attach = async (name: string, text: string) => {
      const file = path.join(app.dataDir, name);
      fs.writeFileSync(file, text);
      expect((await app.cli(['sources', 'add', file])).code).toBe(0);
    };
    await attach('Pressemitteilung Nordhafen.txt', 'Pressemitteilung (erfunden)');
    await attach('Spielbericht Rotheide.txt', 'Spielbericht (erfunden)');

    await page.getByRole('menuitem', { name: 'Datei' }).click();
    await page.getByRole('menuitem', { name: 'Einstellungen …' }).click();
    const data = page.getByRole('dialog', { name: 'Einstellungen' }).getByRole('region', { name: 'Daten' });
    await data.getByRole('button', { name: 'Jetzt sichern' }).focus();
    await page.keyboard.press('Enter');
    const restoreButton = data
      .getByRole('list', { name: 'Sicherungen' })
      .getByRole('button', { name: /^Sicherung vom .* wiederherstellen$/ });
    await expect(restoreButton).toHaveCount(1);

    const filesDir = path.join(app.dataDir, 'files');
    const stored = fs
      .readdirSync(filesDir, { recursive: true, encoding: 'utf8' })
      .filter((n) => /[0-9a-f]{64}$/.test(n));
    expect(stored).toHaveLength(2);
    fs.rmSync(path.join(filesDir, stored[0]));

    await restoreButton.focus();
    await page.keyboard.press('Enter');
    // The question takes the focus, so Enter answers it.
    const confirm = data
      .getByRole('group', { name: 'Wiederherstellen bestätigen' })
      .getByRole('button', { name: 'Diese Sicherung wiederherstellen' });
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(data.getByRole('alert')).toContainText(
      '1 angehängte Quelldatei, auf die die wiederhergestellten Daten verweisen, ist nicht mehr im Datenordner',
    );
    const goOn = data.getByRole('button', { name: 'Mit den wiederhergestellten Daten weiter' });
    await expect(goOn).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Artikel' })).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Einstellungen' })).toHaveCount(0);
  });
});
