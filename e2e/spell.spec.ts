import type { Page, Request } from '@playwright/test';
import { test, expect } from './fixtures';

// German UI, German article. The sample fact pack (loaded through the CLI) holds Jana Kowalczyk
// and Ruben Østergaard; "Wróblewski" is in no dictionary and no store until it is added.
test.use({ uiLanguage: 'de' });
test.describe.configure({ timeout: 180_000 });

const TEXT =
  'Der Verrtrag von Jana Kowalczyk läuft bis zum Sommer, sagte Trainer Wróblewski nach dem Fußballspiel.';

const body = (page: Page) => page.getByRole('textbox', { name: 'Artikeltext' });

/** The words the spell underline covers (CSS highlights are not elements, so they are read in the page). */
function underlined(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('factdesk-misspelling') ?? [])].map((r) => (r as Range).toString()),
  );
}

async function rightClickOn(page: Page, word: string): Promise<void> {
  const box = await page.evaluate((word) => {
    const range = [...(CSS.highlights.get('factdesk-misspelling') ?? [])].find(
      (r) => (r as Range).toString() === word,
    ) as Range;
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, word);
  await page.mouse.click(box.x, box.y, { button: 'right' });
}

test('underlines a misspelt German word, replaces it from the context menu, accepts store names, learns a word, and stays on 127.0.0.1', async ({
  page,
  app,
}) => {
  const requests: string[] = [];
  page.context().on('request', (r: Request) => requests.push(r.url()));

  expect((await app.cli(['sample'])).code).toBe(0);
  await page
    .getByRole('navigation', { name: 'Artikel' })
    .getByRole('button', { name: 'Neuer Artikel' })
    .click();
  await page.getByRole('textbox', { name: 'Überschrift' }).fill('Kowalczyk verlängert');
  await body(page).click();
  await body(page).evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, TEXT);
  await expect(body(page)).toContainText('Fußballspiel');

  // The dictionary takes a few seconds to load in the worker on a busy machine.
  await expect.poll(() => underlined(page), { timeout: 60_000 }).toEqual(['Verrtrag', 'Wróblewski']);

  const menu = page.getByRole('menu', { name: 'Bearbeiten' });
  await rightClickOn(page, 'Verrtrag');
  await menu.getByRole('menuitem', { name: 'Vertrag', exact: true }).click();
  await expect(body(page)).toContainText('Der Vertrag von Jana Kowalczyk');
  await expect.poll(() => underlined(page)).toEqual(['Wróblewski']);

  await rightClickOn(page, 'Wróblewski');
  await menu.getByRole('menuitem', { name: '„Wróblewski“ zum Wörterbuch hinzufügen' }).click();
  await expect.poll(() => underlined(page)).toEqual([]);
  await expect(body(page)).toContainText('Trainer Wróblewski');

  // The desk dictionary is stored: a new start still accepts the word, and a fresh typo is caught.
  await app.restart();
  await page
    .getByRole('navigation', { name: 'Artikel' })
    .getByRole('option', { name: /Kowalczyk verlängert/ })
    .click();
  await expect(body(page)).toContainText('Trainer Wróblewski');
  await body(page).press('Control+End');
  await body(page).pressSequentially(' Die Tabele');
  await expect.poll(() => underlined(page), { timeout: 60_000 }).toEqual(['Tabele']);

  // From the keyboard: the menu opens at the caret, the first suggestion has the focus.
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: 'Tabelle', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(body(page)).toContainText('Die Tabelle');
  await expect.poll(() => underlined(page)).toEqual([]);

  // Every request of the page and its worker went to the app's own loopback server (a new port after the restart).
  const foreign = requests.filter(
    (url) => !/^(data|blob):/.test(url) && new URL(url).hostname !== '127.0.0.1',
  );
  expect(foreign).toEqual([]);
  expect(requests.filter((url) => url.includes('/api/spell%3Adictionary')).length).toBeGreaterThanOrEqual(2);
});
