import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { selectionIs } from './articleSteps';

// English UI and article; the sample facts come in through the fact store's handler (CLI).
test.use({ uiLanguage: 'en' });
test.describe.configure({ timeout: 180_000 });

const QUOTE = 'Ruben is our number one and he will stay our number one,';

const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });
const panel = (page: Page) => page.getByRole('region', { name: 'Claims' });

test('flags an English quote attributed to the wrong coach, in English', async ({ page, app }) => {
  expect((await app.cli(['sample'])).code).toBe(0);
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: 'New article' })
    .click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Sandhafen keep their keeper');
  await page.getByRole('tab', { name: 'Claims' }).click();
  await body(page).click();
  await page.keyboard.type(`"${QUOTE}"`);
  await page.keyboard.press('Shift+Home');
  // The editor learns of the selection through an async selectionchange, as a person would see it first.
  await selectionIs(page, `“${QUOTE}”`);
  await page
    .getByRole('toolbar', { name: 'Formatting' })
    .getByRole('button', { name: 'Mark as claim' })
    .click();
  const claim = panel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Show in text: “${QUOTE}”` }) });
  await expect(claim).toContainText('Quote');
  await page.keyboard.press('End');
  await page.keyboard.type(' said Sandhafen coach Tomasz Brandt.');

  await claim.getByRole('button', { name: 'Link facts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link facts to the claim' });
  await expect(dialog.getByRole('searchbox', { name: 'Search facts' })).toHaveValue('Ruben is our number');
  await dialog
    .getByRole('button', { name: 'Link Ruben is our number one and he will stay our number one.' })
    .click();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect(claim.getByRole('figure', { name: 'Wording compared with the verified quote' })).toContainText(
    'Quote integrity: identical',
  );
  await expect(claim.getByRole('list', { name: 'Warnings' })).toContainText(
    'The quote is attributed to “Tomasz Brandt”, but the record says “Daniel Okafor” said it.',
  );
});
