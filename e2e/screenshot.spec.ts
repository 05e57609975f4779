import path from 'node:path';
import { test, expect } from './fixtures';
import { ROOT } from './harness';

test.use({ uiLanguage: 'en' });

// Takes the README's picture from a real run: sample facts, a German article with a quote
// and a hedged amount, detection suggestions in the claims panel. Written to docs/ only when
// UPDATE_SCREENSHOT=1, so ordinary test runs leave the checkout untouched.
test('takes the README screenshot of a working desk', async ({ page, app }) => {
  test.skip(app.mode !== 'browser', 'one picture is enough');
  expect((await app.cli(['sample'])).code).toBe(0);
  await page.reload();

  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: 'New article' })
    .click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Strivo zahlt für Rotheides Doku-Serie');
  await page.getByRole('combobox', { name: 'Article language' }).selectOption({ label: 'German' });
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  await page.keyboard.type(
    'Der Streamingdienst Strivo soll dem SV Rotheide sieben Millionen Euro für die dreiteilige Serie gezahlt haben. ' +
      '"Die Mannschaft bleibt zusammen, egal was im Sommer passiert", sagte Kapitänin Jana Kowalczyk.',
  );
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Saved');
  await page.getByRole('tab', { name: 'Claims' }).click();
  await page.waitForTimeout(1500);

  const file =
    process.env.UPDATE_SCREENSHOT === '1'
      ? path.join(ROOT, 'docs', 'screenshot.png')
      : test.info().outputPath('screenshot.png');
  await page.screenshot({ path: file });
});
