import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { selectionIs } from './articleSteps';

// A checker changes the €-amount of a deal in the facts panel; the open article's claim linked
// to that deal turns "needs re-check" with the old and the new amount (one app instance).
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
const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });
const claimsPanel = (page: Page) => page.getByRole('region', { name: 'Claims' });

test('a changed deal amount marks the linked claim "needs re-check" with old and new amount', async ({
  page,
  app,
}) => {
  const packFile = path.join(app.dataDir, 'stale-pack.json');
  fs.writeFileSync(packFile, JSON.stringify(PACK));
  expect((await app.cli(['facts', 'import', packFile])).code).toBe(0);
  await page.reload();

  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: 'New article' })
    .click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Strivo pays Rotheide');
  await page.getByRole('tab', { name: 'Claims' }).click();
  await body(page).click();
  await page.keyboard.type(CLAIM);
  await page.keyboard.press('Shift+Home');
  await selectionIs(page, CLAIM);
  await page
    .getByRole('toolbar', { name: 'Formatting' })
    .getByRole('button', { name: 'Mark as claim' })
    .click();
  const claim = claimsPanel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Show in text: ${CLAIM}` }) });
  await expect(claim).toBeVisible();
  await page.keyboard.press('End');
  await page.keyboard.type(' is what Strivo pays SV Rotheide for the league rights.');

  await claim.getByRole('button', { name: 'Link facts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link facts to the claim' });
  await dialog.getByRole('searchbox', { name: 'Search facts' }).fill('Liga-Rechte');
  await dialog.getByRole('button', { name: /^Link Liga-Rechte SV Rotheide/ }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await claim.getByLabel('Status').selectOption({ label: 'Verified' });
  await expect(claimsPanel(page).getByRole('status').filter({ hasText: 'Ready gate' })).toHaveText(
    'Ready gate: every claim in the text is verified',
  );
  await expect(claim.getByRole('group', { name: /^Needs re-check/ })).toHaveCount(0);

  // The checker corrects the amount in the facts panel.
  await page.getByRole('tab', { name: 'Facts' }).click();
  const facts = page.getByRole('complementary', { name: 'Facts and claims' });
  await facts.getByRole('searchbox', { name: 'Search facts' }).fill('Liga-Rechte');
  await facts
    .getByRole('listbox', { name: 'Search results' })
    .getByRole('option', { name: /Liga-Rechte SV Rotheide/ })
    .click();
  const detail = facts.getByRole('article', { name: 'Deal: Liga-Rechte SV Rotheide' });
  await detail.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('dialog', { name: 'Edit deal' });
  await form.getByLabel('Amount', { exact: true }).fill('6.5m');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(detail).toContainText('€6,500,000');

  await page.getByRole('tab', { name: 'Claims' }).click();
  const notice = claim.getByRole('group', { name: `Needs re-check: ${CLAIM}` });
  await expect(notice).toContainText(
    'The amount of the deal “Liga-Rechte SV Rotheide” changed from €5,000,000 to €6,500,000.',
  );
  await expect(notice).toContainText('Erika Prüfer');
  await expect(claimsPanel(page).getByRole('status').filter({ hasText: 'Ready gate' })).toHaveText(
    'Ready gate: 1 claim not verified',
  );
  await expect(
    page.getByRole('listbox', { name: 'Article list' }).getByRole('option', { name: /Strivo pays Rotheide/ }),
  ).toContainText('1 claim needs re-check');
  const stale = JSON.parse((await app.cli(['claims', 'stale', '--json', '--lang', 'en'])).stdout) as {
    claimText: string;
  }[];
  // The editor's typography turns the space into a no-break space.
  expect(stale.map((s) => s.claimText.replace(/\s+/g, ' ').trim())).toEqual([CLAIM]);

  await notice.getByRole('button', { name: `Mark as re-checked: ${CLAIM}` }).click();
  await expect(notice).toHaveCount(0);
  await expect(claimsPanel(page).getByRole('status').filter({ hasText: 'Ready gate' })).toHaveText(
    'Ready gate: every claim in the text is verified',
  );
  await expect(
    page.getByRole('listbox', { name: 'Article list' }).getByRole('option', { name: /Strivo pays Rotheide/ }),
  ).not.toContainText('re-check');
});

test('a ready article whose claim went stale is listed under "Needs a correction?"', async ({
  page,
  app,
}) => {
  const packFile = path.join(app.dataDir, 'stale-pack.json');
  fs.writeFileSync(packFile, JSON.stringify(PACK));
  expect((await app.cli(['facts', 'import', packFile])).code).toBe(0);
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: 'New article' })
    .click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Rotheide rights');
  await page.getByRole('tab', { name: 'Claims' }).click();
  await body(page).click();
  await page.keyboard.type(CLAIM);
  await page.keyboard.press('Shift+Home');
  await selectionIs(page, CLAIM);
  await page
    .getByRole('toolbar', { name: 'Formatting' })
    .getByRole('button', { name: 'Mark as claim' })
    .click();
  const claim = claimsPanel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Show in text: ${CLAIM}` }) });
  await claim.getByRole('button', { name: 'Link facts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link facts to the claim' });
  await dialog.getByRole('searchbox', { name: 'Search facts' }).fill('Liga-Rechte');
  await dialog.getByRole('button', { name: /^Link Liga-Rechte SV Rotheide/ }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await claim.getByLabel('Status').selectOption({ label: 'Verified' });
  await expect(claimsPanel(page).getByRole('status').filter({ hasText: 'Ready gate' })).toHaveText(
    'Ready gate: every claim in the text is verified',
  );
  await page
    .getByRole('main')
    .getByRole('combobox', { name: 'Status', exact: true })
    .selectOption({ label: 'Ready' });
  await expect(
    page.getByRole('listbox', { name: 'Article list' }).getByRole('option', { name: /Rotheide rights/ }),
  ).toContainText('Ready');

  // Another way in: the fact pack with the deal's status changed, applied with --update.
  fs.writeFileSync(packFile, JSON.stringify({ ...PACK, deals: [{ ...PACK.deals[0], status: 'denied' }] }));
  expect((await app.cli(['facts', 'import', packFile, '--update'])).code).toBe(0);
  await page.reload();
  const correction = page.getByRole('region', { name: 'Needs a correction?' });
  await expect(
    correction.getByRole('button', { name: 'Open “Rotheide rights” (Ready, 1 to re-check)' }),
  ).toBeVisible();
});

/** Each search replaces the list: wait for the one result before opening it. */
async function openNordligaDeal(page: Page) {
  const facts = page.getByRole('complementary', { name: 'Facts and claims' });
  await facts.getByRole('searchbox', { name: 'Search facts' }).fill('Streamingrechte Nordliga');
  const results = facts.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option')).toHaveCount(1);
  await results.getByRole('option', { name: /Streamingrechte an der Nordliga/ }).click();
  await expect(facts.getByRole('article', { name: /^Deal: Streamingrechte an der Nordliga/ })).toBeVisible();
}

test('a fact kept local stays so, and sharing with the desk counts the facts not shared yet', async ({
  page,
  app,
}) => {
  expect((await app.cli(['sample'])).code).toBe(0);
  await page.reload();
  const facts = page.getByRole('complementary', { name: 'Facts and claims' });
  await facts.getByRole('button', { name: 'Fact packs' }).click();
  await page.getByRole('menuitem', { name: 'Share local facts with the desk…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Share local facts with the desk' });
  const before = Number(
    /(\d+) facts on this computer/.exec(
      (await dialog.getByText(/facts on this computer/).textContent()) ?? '',
    )?.[1],
  );
  expect(before).toBeGreaterThan(100);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openNordligaDeal(page);
  const keep = facts.getByRole('checkbox', { name: 'Keep local (not shared with the desk)' });
  await expect(keep).not.toBeChecked();
  await keep.check();
  await page.reload();
  await openNordligaDeal(page);
  await expect(facts.getByRole('checkbox', { name: 'Keep local (not shared with the desk)' })).toBeChecked();

  await facts.getByRole('button', { name: 'Fact packs' }).click();
  await page.getByRole('menuitem', { name: 'Share local facts with the desk…' }).click();
  dialog = page.getByRole('dialog', { name: 'Share local facts with the desk' });
  await expect(
    dialog.getByText(`${before - 1} facts on this computer are not on the desk yet.`),
  ).toBeVisible();
});
