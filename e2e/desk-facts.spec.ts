import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { selectionIs } from './articleSteps';
import { deskServer, launchInstance, type DeskInstance, type DeskServerProcess } from './desk-harness';

/**
 * The shared fact store across app instances (issue 13): a checker changes the €-amount of a deal
 * in their app; the editor's open article — another app instance on the same desk — shows the
 * linked claim as needing a re-check, with the old and the new amount, without a reload.
 */
test.describe.configure({ timeout: 240_000 });

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

test.describe('desk facts', () => {
  test.skip(({ shellMode }) => shellMode !== 'browser', 'runs several browser-shell instances');

  let server: DeskServerProcess;
  const instances: DeskInstance[] = [];

  test.beforeEach(async () => {
    server = await deskServer();
    await server.start();
  });

  test.afterEach(async () => {
    for (const i of instances.splice(0)) await i.close();
    await server.stop();
  });

  test("a checker's new deal amount reaches the editor's open article as a claim to re-check, old → new", async ({
    browser,
  }) => {
    const jana = await launchInstance(browser, 'Jana Wolf', {
      url: server.url,
      token: await server.addUser('Jana Wolf', 'editor'),
    });
    const tim = await launchInstance(browser, 'Tim Brandt', {
      url: server.url,
      token: await server.addUser('Tim Brandt', 'checker'),
    });
    instances.push(jana, tim);

    // Tim records the deal (a fact pack, from the CLI beside his running app): it goes to the desk.
    const packFile = path.join(tim.dataDir, 'liga-pack.json');
    fs.writeFileSync(packFile, JSON.stringify(PACK));
    expect((await tim.cli(['facts', 'import', packFile])).code).toBe(0);

    // Jana writes an article and links her claim to the deal that arrived from the desk.
    const page = jana.page;
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
    const search = dialog.getByRole('searchbox', { name: 'Search facts' });
    const link = dialog.getByRole('button', { name: /^Link Liga-Rechte SV Rotheide/ });
    // The deal is searchable here once the desk has brought it.
    await expect(async () => {
      await search.fill('');
      await search.fill('Liga-Rechte');
      await expect(link).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await link.click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await claim.getByLabel('Status').selectOption({ label: 'Verified' });
    await expect(claimsPanel(page).getByRole('status').filter({ hasText: 'Ready gate' })).toHaveText(
      'Ready gate: every claim in the text is verified',
    );
    await expect(claim.getByRole('group', { name: /^Needs re-check/ })).toHaveCount(0);

    // Tim corrects the amount in his facts panel.
    await tim.page.getByRole('tab', { name: 'Facts' }).click();
    const facts = tim.page.getByRole('complementary', { name: 'Facts and claims' });
    await facts.getByRole('searchbox', { name: 'Search facts' }).fill('Liga-Rechte');
    await facts
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /Liga-Rechte SV Rotheide/ })
      .click();
    const detail = facts.getByRole('article', { name: 'Deal: Liga-Rechte SV Rotheide' });
    await detail.getByRole('button', { name: 'Edit' }).click();
    const form = tim.page.getByRole('dialog', { name: 'Edit deal' });
    await form.getByLabel('Amount', { exact: true }).fill('6.5m');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expect(detail).toContainText('€6,500,000');

    // Jana's open article shows it without a reload: the claim needs a re-check, with both amounts and who changed it.
    const notice = claim.getByRole('group', { name: `Needs re-check: ${CLAIM}` });
    await expect(notice).toContainText(
      'The amount of the deal “Liga-Rechte SV Rotheide” changed from €5,000,000 to €6,500,000.',
      { timeout: 30_000 },
    );
    await expect(notice).toContainText('Tim Brandt');
    await expect(claimsPanel(page).getByRole('status').filter({ hasText: 'Ready gate' })).toHaveText(
      'Ready gate: 1 claim not verified',
    );
    await expect(
      page
        .getByRole('listbox', { name: 'Article list' })
        .getByRole('option', { name: /Strivo pays Rotheide/ }),
    ).toContainText('1 claim needs re-check');
    // And her facts panel shows the new amount too.
    await page.getByRole('tab', { name: 'Facts' }).click();
    const janaFacts = page.getByRole('complementary', { name: 'Facts and claims' });
    await janaFacts.getByRole('searchbox', { name: 'Search facts' }).fill('Liga-Rechte');
    await janaFacts
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /Liga-Rechte SV Rotheide/ })
      .click();
    await expect(janaFacts.getByRole('article', { name: 'Deal: Liga-Rechte SV Rotheide' })).toContainText(
      '€6,500,000',
    );
  });
});
