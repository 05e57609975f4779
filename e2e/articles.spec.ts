import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { newArticle, library, body, statusBar, selectionIs } from './articleSteps';

/** Everything here finds elements by role and accessible name only. */

/** Waits for an autosave that is known to be due: first "Edited" (the save may be too quick to see), then "Saved". */
async function waitForSave(page: Page): Promise<void> {
  await expect(statusBar(page)).toContainText(/Edited|Saving…/);
  await expect(statusBar(page)).toContainText('Saved');
}

test.describe('articles', () => {
  test('creates an article that appears in the library and the CLI', async ({ page, app }) => {
    await newArticle(page, 'SV Rotheide gewinnt das Derby');
    await body(page).click();
    await page.keyboard.type('Almental kam nie ins Spiel.');
    await waitForSave(page);
    await expect(statusBar(page)).toContainText(/\d+ words/);

    const listed = await app.cli(['articles', 'list', '--json']);
    expect(listed.code).toBe(0);
    const [article] = JSON.parse(listed.stdout) as { id: string; headline: string }[];
    expect(article.headline).toBe('SV Rotheide gewinnt das Derby');
    const shown = await app.cli(['articles', 'show', article.id, '--text']);
    expect(shown.stdout).toContain('Almental kam nie ins Spiel.');
  });

  test('turns straight quotes into German quotes in a German article', async ({ page }) => {
    await newArticle(page, 'Stimmen zum Spiel');
    await page.getByRole('combobox', { name: 'Article language' }).selectOption({ label: 'German' });
    await body(page).click();
    await page.keyboard.type(
      `Der Trainer sagte: "Wir bleiben oben." Es geht's weiter -- 'sicher' mit 3 Punkten und 12 km Laufleistung.`,
    );
    await expect(body(page)).toContainText('„Wir bleiben oben.“');
    await expect(body(page)).toContainText('geht’s weiter – ‚sicher‘');
    await expect(body(page)).toContainText('12\u00A0km Laufleistung');

    // Changing the language affects what is typed next, not what is already there.
    await page.getByRole('combobox', { name: 'Article language' }).selectOption({ label: 'English' });
    await body(page).press('End');
    await page.keyboard.type(` "Onwards," as in the '90s`);
    await expect(body(page)).toContainText('„Wir bleiben oben.“');
    await expect(body(page)).toContainText('“Onwards,” as in the ’90s');
  });

  test('pastes a web page without running its scripts and keeps its text', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await newArticle(page, 'Eingefügt');
    await body(page).click();
    await body(page).evaluate((el) => {
      const html = `<html><body>
        <script>window.__pasteRan = 'script'; alert('script')</script>
        <h1 style="color:red" class="foreign">Rechte für Strivo</h1>
        <p>Der Streamer zahlt <b>mehr</b> als erwartet.</p>
        <img src="x-does-not-exist.png" onerror="window.__pasteRan = 'onerror'; alert('onerror')">
        <iframe src="about:blank" onload="window.__pasteRan = 'iframe'"></iframe>
        <p><a href="javascript:alert('link')">Gefährlicher Link</a> bleibt Text.</p>
      </body></html>`;
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Rechte für Strivo');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(body(page)).toContainText('Rechte für Strivo');
    await expect(body(page)).toContainText('Der Streamer zahlt mehr als erwartet.');
    await expect(body(page)).toContainText('Gefährlicher Link bleibt Text.');
    await expect(body(page).getByRole('heading', { name: 'Rechte für Strivo' })).toBeVisible();
    await expect(body(page).getByRole('link')).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as unknown as { __pasteRan?: string }).__pasteRan),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('Ctrl+Home and Ctrl+End reach the ends of a long article, off-screen blocks included', async ({
    page,
  }) => {
    // Far more than a screen: the blocks away from the view are skipped (content-visibility).
    const text = Array.from(
      { length: 300 },
      (_, i) => `Paragraph ${i + 1}: FC Almental held on for a point in the rain.`,
    ).join('\n\n');
    await newArticle(page, 'A long match report');
    await body(page).click();
    await body(page).evaluate((el, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await expect(body(page).locator('p').last()).toHaveText(
      'Paragraph 300: FC Almental held on for a point in the rain.',
    );

    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Kick-off. ');
    await expect(body(page).locator('p').first()).toHaveText(
      'Kick-off. Paragraph 1: FC Almental held on for a point in the rain.',
    );
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Full time.');
    await expect(body(page).locator('p').last()).toHaveText(
      'Paragraph 300: FC Almental held on for a point in the rain. Full time.',
    );
  });

  test('finds every word again after a reload', async ({ page }) => {
    const words = 'Torhüterin Mira Feld hielt zwei Elfmeter und rettete FC Almental den Punkt';
    await newArticle(page, 'Feld hält alles');
    await page.getByRole('textbox', { name: 'Lead' }).fill('Ein Nachmittag für die Statistik.');
    await body(page).click();
    await page.keyboard.type(words);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Zweiter Absatz mit Nachspielzeit.');
    await waitForSave(page);

    await page.reload();
    await expect(body(page)).toContainText(words);
    await expect(body(page)).toContainText('Zweiter Absatz mit Nachspielzeit.');
    await expect(page.getByRole('textbox', { name: 'Lead' })).toHaveValue(
      'Ein Nachmittag für die Statistik.',
    );
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Feld hält alles');
  });

  test('stores every key typed right after opening, while a save is on its way and right after one', async ({
    page,
  }) => {
    await newArticle(page, 'Keine Taste verloren');
    await body(page).click();
    await page.keyboard.type('Anfang.');
    await waitForSave(page);

    // Opened again: keys as soon as the body takes them (the editor mounts, then autosave listens).
    await page.reload();
    await body(page).click();
    await page.keyboard.press('Control+End');
    await selectionIs(page, '');
    await page.keyboard.type(' Eins');
    await waitForSave(page);

    // The store answers slowly (as under load): keys typed while a save waits for its answer.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = () => {};
    const requested = new Promise<void>((resolve) => (asked = resolve));
    await page.route('**/api/articles%3Asave', async (route) => {
      asked();
      await held;
      await route.continue();
    });
    await page.keyboard.type(' Zwei');
    await requested;
    await expect(statusBar(page)).toContainText('Saving…');
    await page.keyboard.type(' Drei');
    release();
    await expect(statusBar(page)).toContainText('Saved');
    await page.unroute('**/api/articles%3Asave');
    // The moment a save has ended.
    await page.keyboard.type(' Vier');
    await waitForSave(page);

    await page.reload();
    await expect(body(page)).toContainText('Anfang. Eins Zwei Drei Vier');
  });

  test('restores an older revision and still lists the newer one', async ({ page }) => {
    await newArticle(page, 'Zwei Fassungen');
    await body(page).click();
    await page.keyboard.type('Erste Fassung des Berichts.');
    await waitForSave(page);

    const saveVersion = async (name: string) => {
      await page.getByRole('button', { name: 'Save version…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save version' });
      await dialog.getByRole('textbox', { name: 'Version name' }).fill(name);
      await dialog.getByRole('button', { name: 'Save version' }).click();
      await expect(dialog).toBeHidden();
    };
    await saveVersion('Eins');
    await body(page).click();
    await body(page).press('End');
    await page.keyboard.type(' Nachtrag aus der Pressekonferenz.');
    await saveVersion('Zwei');

    const panel = page.getByRole('complementary', { name: 'Revisions' });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: /^Eins/ }).click();
    const diff = panel.getByRole('region', { name: 'Changes from this revision to the current text' });
    await expect(diff.getByRole('insertion')).toContainText('Nachtrag aus der Pressekonferenz.');
    await diff.getByRole('button', { name: 'Restore this revision' }).click();

    await expect(body(page)).toHaveText('Erste Fassung des Berichts.');
    await expect(panel.getByRole('button', { name: /^Zwei/ })).toBeVisible();
    await expect(panel.getByRole('button', { name: /^Eins/ })).toBeVisible();
    await expect(panel.getByRole('button', { name: /^Restored version from/ })).toBeVisible();

    // The newer text is still there to go back to.
    await panel.getByRole('button', { name: /^Zwei/ }).click();
    await expect(diff.getByRole('deletion')).toContainText('Nachtrag aus der Pressekonferenz.');
  });

  test('moves an article to the trash and restores it', async ({ page }) => {
    await newArticle(page, 'Kommt zurück');
    await newArticle(page, 'Bleibt stehen');
    const list = library(page).getByRole('listbox', { name: 'Article list' });
    await list.getByRole('option', { name: /Kommt zurück/ }).click();
    await library(page).getByRole('button', { name: 'Move to trash' }).click();
    await expect(list.getByRole('option', { name: /Kommt zurück/ })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Article body' })).toHaveCount(0);

    await library(page).getByRole('button', { name: 'Trash (1)' }).click();
    const trash = library(page).getByRole('listbox', { name: 'Articles in the trash' });
    await trash.getByRole('option', { name: /Kommt zurück/ }).click();
    await library(page).getByRole('button', { name: 'Restore' }).click();
    await expect(trash.getByRole('option')).toHaveCount(0);
    await library(page).getByRole('button', { name: 'Back to articles' }).click();
    await expect(list.getByRole('option', { name: /Kommt zurück/ })).toBeVisible();
    await expect(list.getByRole('option', { name: /Bleibt stehen/ })).toBeVisible();
  });

  test('shows an article in the trash read-only until it is restored from the editor', async ({
    page,
    app,
  }) => {
    await newArticle(page, 'Im Papierkorb');
    await body(page).click();
    await page.keyboard.type('Der Text bleibt, wie er war.');
    await waitForSave(page);
    await library(page).getByRole('button', { name: 'Move to trash' }).click();
    await library(page).getByRole('button', { name: 'Trash (1)' }).click();
    await library(page)
      .getByRole('listbox', { name: 'Articles in the trash' })
      .getByRole('option', { name: /Im Papierkorb/ })
      .click();

    await expect(page.getByRole('main', { name: 'Editor' }).getByRole('note')).toContainText(
      'This article is in the trash and cannot be edited.',
    );
    await expect(body(page)).toContainText('Der Text bleibt, wie er war.');
    await expect(body(page)).not.toBeEditable();
    await expect(page.getByRole('textbox', { name: 'Headline' })).not.toBeEditable();
    await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Restore to edit' }).click();
    await expect(body(page)).toBeEditable();
    await expect(
      library(page).getByRole('listbox', { name: 'Articles in the trash' }).getByRole('option'),
    ).toHaveCount(0);
    await body(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Jetzt weiter.');
    await waitForSave(page);
    const [article] = JSON.parse((await app.cli(['articles', 'list', '--json'])).stdout) as { id: string }[];
    expect((await app.cli(['articles', 'show', article.id, '--text'])).stdout).toContain(
      'Der Text bleibt, wie er war. Jetzt weiter.',
    );
  });

  test('empties the trash only after confirmation', async ({ page }) => {
    await newArticle(page, 'Wird gelöscht');
    await library(page).getByRole('button', { name: 'Move to trash' }).click();
    await library(page).getByRole('button', { name: 'Trash (1)' }).click();
    await library(page).getByRole('button', { name: 'Empty trash…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Empty the trash?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(library(page).getByRole('option', { name: /Wird gelöscht/ })).toBeVisible();
    await library(page).getByRole('button', { name: 'Empty trash…' }).click();
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await expect(library(page).getByRole('option', { name: /Wird gelöscht/ })).toHaveCount(0);
  });

  test('moves through the list with the arrow keys and opens with Enter', async ({ page }) => {
    await newArticle(page, 'Erster Bericht');
    await newArticle(page, 'Zweiter Bericht');
    const list = library(page).getByRole('listbox', { name: 'Article list' });
    await list.focus();
    await page.keyboard.press('Home');
    await expect(list.getByRole('option', { name: /Zweiter Bericht/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.keyboard.press('ArrowDown');
    await expect(list.getByRole('option', { name: /Erster Bericht/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Erster Bericht');
  });

  test('marks the open article in the list and moves the mark only when another opens', async ({ page }) => {
    await newArticle(page, 'Erster Bericht');
    await newArticle(page, 'Zweiter Bericht');
    await newArticle(page, 'Dritter Bericht');
    const list = library(page).getByRole('listbox', { name: 'Article list' });
    const first = list.getByRole('option', { name: /Erster Bericht/ });
    const second = list.getByRole('option', { name: /Zweiter Bericht/ });
    const third = list.getByRole('option', { name: /Dritter Bericht/ });
    const headline = page.getByRole('textbox', { name: 'Headline' });
    await expect(third).toHaveAttribute('aria-current', 'true');
    await expect(first).not.toHaveAttribute('aria-current');

    await first.click();
    await expect(headline).toHaveValue('Erster Bericht');
    await expect(first).toHaveAttribute('aria-current', 'true');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(third).not.toHaveAttribute('aria-current');
    await expect(third).toHaveAttribute('aria-selected', 'false');

    // The keyboard moves the selection; the open article keeps its mark until Enter opens another.
    await page.keyboard.press('ArrowUp');
    await expect(second).toHaveAttribute('aria-selected', 'true');
    await expect(first).toHaveAttribute('aria-selected', 'false');
    await expect(first).toHaveAttribute('aria-current', 'true');
    await expect(second).not.toHaveAttribute('aria-current');
    await page.keyboard.press('Enter');
    await expect(headline).toHaveValue('Zweiter Bericht');
    await expect(second).toHaveAttribute('aria-current', 'true');
    await expect(first).not.toHaveAttribute('aria-current');

    // A row shows its article's new words after a save, though its id and flags stay the same.
    await headline.fill('Zweiter Bericht, ergänzt');
    const renamed = list.getByRole('option', { name: /Zweiter Bericht, ergänzt/ });
    await expect(renamed).toBeVisible();
    await expect(renamed).toHaveAttribute('aria-current', 'true');
    await expect(list.getByRole('option')).toHaveCount(3);
  });

  test('filters the library by status and text', async ({ page }) => {
    await newArticle(page, 'Transfer perfekt');
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'Ready' });
    await newArticle(page, 'Noch ein Entwurf');
    const list = library(page).getByRole('listbox', { name: 'Article list' });
    await library(page).getByRole('combobox', { name: 'Status filter' }).selectOption({ label: 'Ready' });
    await expect(list.getByRole('option')).toHaveCount(1);
    await expect(list.getByRole('option', { name: /Transfer perfekt/ })).toBeVisible();
    await library(page)
      .getByRole('combobox', { name: 'Status filter' })
      .selectOption({ label: 'All statuses' });
    await library(page).getByRole('searchbox', { name: 'Search articles' }).fill('entwurf');
    await expect(list.getByRole('option')).toHaveCount(1);
    await expect(list.getByRole('option', { name: /Noch ein Entwurf/ })).toBeVisible();
  });
});
