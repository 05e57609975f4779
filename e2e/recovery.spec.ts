import { test, expect } from './fixtures';
import { newArticle, library, body, statusBar } from './articleSteps';

/** The browser shell's server goes away under an open tab: nothing typed may be lost. */

async function storedText(app: { cli(args: string[]): Promise<{ stdout: string }> }): Promise<string> {
  const listed = JSON.parse((await app.cli(['articles', 'list', '--json'])).stdout) as { id: string }[];
  return (await app.cli(['articles', 'show', listed[0].id, '--text'])).stdout;
}

test.describe('server restarts under an open tab', () => {
  test.skip(
    ({ shellMode }) => shellMode !== 'browser',
    'only the browser shell has a server apart from the window',
  );

  test('the open tab saves what it holds once the server is back', async ({ page, app }) => {
    await newArticle(page, 'FC Nordhafen siegt');
    await body(page).click();
    await page.keyboard.type('Lena Kowalczyk traf zweimal.');
    await expect(statusBar(page)).toContainText('Saved');

    await app.kill();
    await page.keyboard.type(' Das zweite Tor fiel spät.');
    await expect(statusBar(page)).toContainText('Not saved');

    await app.startServerAgain();
    // No click: the tab's own retry finds the server on the same port with the same session.
    await expect(statusBar(page)).toContainText('Saved', { timeout: 40_000 });
    expect(await storedText(app)).toContain('Lena Kowalczyk traf zweimal. Das zweite Tor fiel spät.');
  });

  test('the next start offers back text the closed tab could not save', async ({ page, app }) => {
    await newArticle(page, 'SV Rotheide verliert');
    await body(page).click();
    await page.keyboard.type('Der Anfang ist gespeichert.');
    await expect(statusBar(page)).toContainText('Saved');

    await app.kill();
    await page.keyboard.type(' Dieser Satz war nie gespeichert.');
    await expect(statusBar(page)).toContainText('Not saved');
    await page.goto('about:blank');

    const launchUrl = await app.startServerAgain();
    await page.goto(launchUrl);
    const offer = page.getByRole('dialog', { name: 'Unsaved text found' });
    await expect(offer).toContainText('SV Rotheide verliert');
    await expect(offer.getByRole('blockquote', { name: 'Unsaved text' })).toContainText(
      'Dieser Satz war nie gespeichert.',
    );
    await offer.getByRole('button', { name: 'Restore text' }).click();
    await expect(offer).toBeHidden();
    expect(await storedText(app)).toContain('Der Anfang ist gespeichert. Dieser Satz war nie gespeichert.');

    // Offered once: the next start opens straight into the app.
    await page.reload();
    await expect(library(page)).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Unsaved text found' })).toHaveCount(0);
  });
});
