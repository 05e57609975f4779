import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { newArticle, library } from './articleSteps';

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
