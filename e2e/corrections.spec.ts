import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { body, library, newArticle, selectionIs } from './articleSteps';

// Corrections after publishing: a claim's words changed, or a stale claim re-checked, offers
// "Add a correction"; the note appears under the article and in the exports.
test.use({ uiLanguage: 'en' });
test.describe.configure({ timeout: 180_000 });

const PACK = {
  format: 'factdesk-factpack',
  version: 1,
  entities: [
    { id: 'e-strivo', kind: 'broadcaster', name: 'Strivo' },
    { id: 'e-rotheide', kind: 'club', name: 'SV Rotheide' },
  ],
  deals: [
    {
      id: 'd-liga',
      kind: 'broadcast_rights',
      payerId: 'e-strivo',
      payeeId: 'e-rotheide',
      subject: 'Liga-Rechte SV Rotheide',
      amountMinor: 500000000,
      currency: 'EUR',
      precision: 'exact',
      status: 'confirmed',
    },
  ],
};

const CLAIM = '€5 million';
const claimsPanel = (page: Page) => page.getByRole('region', { name: 'Claims' });
const correctionsPanel = (page: Page) => page.getByRole('region', { name: /^Corrections \(\d+\)$/ });
const claimItem = (page: Page) =>
  claimsPanel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Show in text: €5/ }) });

async function importPack(
  app: { dataDir: string; cli(args: string[]): Promise<{ code: number }> },
  pack: unknown,
  update = false,
) {
  const file = path.join(app.dataDir, 'corrections-pack.json');
  fs.writeFileSync(file, JSON.stringify(pack));
  expect((await app.cli(['facts', 'import', file, ...(update ? ['--update'] : [])])).code).toBe(0);
}

/** A published article whose one claim, "€5 million", is linked to the deal and verified. */
async function publishedArticle(page: Page, headline: string) {
  await newArticle(page, headline);
  await page.getByRole('tab', { name: 'Claims' }).click();
  await body(page).click();
  await page.keyboard.type(CLAIM);
  await page.keyboard.press('Shift+Home');
  await selectionIs(page, CLAIM);
  await page
    .getByRole('toolbar', { name: 'Formatting' })
    .getByRole('button', { name: 'Mark as claim' })
    .click();
  await expect(claimItem(page)).toBeVisible();
  await page.keyboard.press('End');
  await page.keyboard.type(' is what Strivo pays SV Rotheide.');
  await claimItem(page).getByRole('button', { name: 'Link facts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link facts to the claim' });
  await dialog.getByRole('searchbox', { name: 'Search facts' }).fill('Liga-Rechte');
  await dialog.getByRole('button', { name: /^Link Liga-Rechte SV Rotheide/ }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await claimItem(page).getByLabel('Status').selectOption({ label: 'Verified' });
  await expect(claimsPanel(page).getByRole('status').filter({ hasText: 'Ready gate' })).toHaveText(
    'Ready gate: every claim in the text is verified',
  );
  await expect(correctionsPanel(page)).toHaveCount(0);
  await page
    .getByRole('main')
    .getByRole('combobox', { name: 'Status', exact: true })
    .selectOption({ label: 'Published' });
  await expect(correctionsPanel(page)).toContainText('No corrections.');
}

async function exportHtml(page: Page, folder: string): Promise<string> {
  await page
    .getByRole('group', { name: 'Article settings' })
    .getByRole('button', { name: 'Export…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Export article' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'HTML' });
  // The name is suggested once the dialog has read the stored article: wait for it, as a user would.
  const nameBox = dialog.getByRole('textbox', { name: 'File name' });
  await expect(nameBox).toHaveValue(/\.html$/);
  const name = await nameBox.inputValue();
  await dialog.getByRole('textbox', { name: 'Folder' }).fill(folder);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog).toBeHidden();
  return fs.readFileSync(path.join(folder, name), 'utf8');
}

test('changing a claim’s words after publishing offers a correction; it is listed under the article and goes into the HTML export', async ({
  page,
  app,
}) => {
  await importPack(app, PACK);
  await page.reload();
  await publishedArticle(page, 'Strivo pays Rotheide');

  // Caret into the claim, after "€5", and make it "€5.5 million".
  await claimItem(page)
    .getByRole('button', { name: /^Show in text: €5/ })
    .click();
  await body(page).press('ArrowLeft');
  await body(page).press('ArrowRight');
  await body(page).press('ArrowRight');
  await page.keyboard.type('.5');
  await expect(claimItem(page).getByRole('button', { name: /^Show in text: €5\.5\smillion/ })).toBeVisible();

  const panel = correctionsPanel(page);
  const offers = panel.getByRole('list', { name: 'Corrections offered' });
  await expect(offers).toContainText(/Changed after publishing: “€5\smillion” → “€5\.5\smillion”\./);
  // The claim shows the same offer.
  await expect(claimItem(page).getByRole('group', { name: 'Corrections offered' })).toBeVisible();
  await offers.getByRole('button', { name: /^Add a correction for “€5\.5/ }).click();

  const dialog = page.getByRole('dialog', { name: 'Add a correction' });
  await expect(dialog.getByRole('textbox', { name: 'What was wrong' })).toHaveValue(/^€5\smillion$/);
  await expect(dialog.getByRole('textbox', { name: 'What is right' })).toHaveValue(/^€5\.5\smillion$/);
  await expect(dialog.getByRole('checkbox', { name: /€5\.5\smillion/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Deal: Liga-Rechte SV Rotheide' })).toBeChecked();
  // A blank field is refused with its name.
  await dialog.getByRole('textbox', { name: 'What was wrong' }).fill('   ');
  await dialog.getByRole('button', { name: 'Add correction' }).click();
  await expect(dialog.getByRole('alert')).toContainText('wrong: must not be empty');
  await dialog.getByRole('textbox', { name: 'What was wrong' }).fill('Strivo pays SV Rotheide €5 million.');
  await dialog.getByRole('textbox', { name: 'What is right' }).fill('Strivo pays SV Rotheide €5.5 million.');
  await dialog.getByRole('button', { name: 'Add correction' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(panel.getByRole('heading', { name: 'Corrections (1)' })).toBeVisible();
  await expect(offers).toHaveCount(0);
  const item = panel.getByRole('listitem', { name: /^Correction of \d+ \w+ \d{4}$/ });
  await expect(item).toContainText(
    'We wrote: Strivo pays SV Rotheide €5 million. Correct is: Strivo pays SV Rotheide €5.5 million.',
  );
  await expect(item).toContainText('not exported yet');

  // Edit before it goes out, with the keyboard.
  await item.getByRole('button', { name: /^Edit the correction of/ }).focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit the correction' });
  await edit
    .getByRole('textbox', { name: 'What is right' })
    .fill('Strivo pays SV Rotheide €5.5 million a season.');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(item).toContainText('Correct is: Strivo pays SV Rotheide €5.5 million a season.');

  const html = await exportHtml(page, path.join(app.dataDir, 'exports-corrections'));
  const section = html.slice(html.indexOf('<section class="corrections">'));
  expect(section).toContain('<h2>Corrections</h2>');
  expect(section).toMatch(
    /<strong>Correction, \d+ \w+ \d{4}:<\/strong> We wrote: Strivo pays SV Rotheide €5 million\. Correct is: Strivo pays SV Rotheide €5\.5 million a season\./,
  );
  // Once exported it is frozen: no more editing or withdrawing.
  await expect(item).toContainText(/exported .* \(can no longer be changed\)/);
  await expect(item.getByRole('button', { name: /^Edit the correction of/ })).toHaveCount(0);

  const list = JSON.parse((await app.cli(['articles', 'list', '--json'])).stdout) as {
    id: string;
    headline: string;
  }[];
  const id = list.find((a) => a.headline === 'Strivo pays Rotheide')!.id;
  const cli = JSON.parse((await app.cli(['articles', 'corrections', id, '--json'])).stdout);
  expect(cli.corrections).toHaveLength(1);
  expect(cli.corrections[0]).toMatchObject({
    right: 'Strivo pays SV Rotheide €5.5 million a season.',
    exportedAt: expect.any(String),
  });
});

test('re-checking a stale claim of a published article offers a correction on the claim', async ({
  page,
  app,
}) => {
  await importPack(app, PACK);
  await page.reload();
  await publishedArticle(page, 'Rotheide rights');

  await importPack(app, { ...PACK, deals: [{ ...PACK.deals[0], amountMinor: 650000000 }] }, true);
  await page.reload();
  await page.getByRole('tab', { name: 'Claims' }).click();
  const notice = claimItem(page).getByRole('group', { name: `Needs re-check: ${CLAIM}` });
  await expect(notice).toContainText('changed from €5,000,000 to €6,500,000');
  await notice.getByRole('button', { name: `Mark as re-checked: ${CLAIM}` }).click();
  await expect(notice).toHaveCount(0);

  const offer = claimItem(page).getByRole('group', { name: 'Corrections offered' });
  await expect(offer).toContainText('Re-checked after publishing');
  await offer.getByRole('button', { name: `Add a correction for “${CLAIM}”` }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a correction' });
  await expect(dialog.getByRole('textbox', { name: 'What is right' })).toHaveValue(
    'The amount of the deal “Liga-Rechte SV Rotheide” changed from €5,000,000 to €6,500,000.',
  );
  await dialog.getByRole('textbox', { name: 'What is right' }).fill('Strivo pays €6.5 million.');
  await dialog.getByRole('button', { name: 'Add correction' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(correctionsPanel(page).getByRole('listitem', { name: /^Correction of/ })).toContainText(
    'Correct is: Strivo pays €6.5 million.',
  );
  await expect(claimItem(page).getByRole('group', { name: 'Corrections offered' })).toHaveCount(0);
});

test('"Needs a correction?" in the library leads to adding one for the stale claim', async ({
  page,
  app,
}) => {
  await importPack(app, PACK);
  await page.reload();
  await publishedArticle(page, 'Rotheide rights');
  // Another article open, so the library has to open this one.
  await newArticle(page, 'Derby report');

  await importPack(app, { ...PACK, deals: [{ ...PACK.deals[0], status: 'denied' }] }, true);
  await page.reload();
  const due = library(page).getByRole('region', { name: 'Needs a correction?' });
  await due.getByRole('button', { name: 'Add a correction to “Rotheide rights”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a correction' });
  await expect(dialog.getByRole('textbox', { name: 'What was wrong' })).toHaveValue(/^€5\smillion$/);
  await expect(dialog.getByRole('textbox', { name: 'What is right' })).toHaveValue(
    'The status of the deal “Liga-Rechte SV Rotheide” changed from “confirmed” to “denied”.',
  );
  await dialog.getByRole('textbox', { name: 'What is right' }).fill('The deal was denied by SV Rotheide.');
  await dialog.getByRole('button', { name: 'Add correction' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Rotheide rights');
  await expect(correctionsPanel(page).getByRole('heading', { name: 'Corrections (1)' })).toBeVisible();
  // The correction answers the stale claim: it is no longer due.
  await expect(due).toHaveCount(0);
});
