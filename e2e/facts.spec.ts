import { test, expect } from './fixtures';

test.describe('facts: sample and search', () => {
  test('loads the sample facts from the empty state and lists them', async ({ page }) => {
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    await expect(panel.getByRole('note', { name: 'No verified facts yet' })).toBeVisible();
    await panel.getByRole('button', { name: 'Load sample facts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sample facts' });
    await expect(dialog.getByRole('status')).toContainText('Fact pack imported.');
    await expect(dialog.getByRole('status')).toContainText('25 deals');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await panel.getByRole('radio', { name: 'Deals' }).check();
    const results = panel.getByRole('listbox', { name: 'Search results' });
    await expect(results.getByRole('option')).toHaveCount(25);
    // Amounts in the UI language's format.
    await expect(results.getByRole('option', { name: /Streamingrechte an der Nordliga/ })).toContainText(
      'about €48,000,000',
    );
  });

  test('finds names typed with transliterations or without umlauts, and marks the matched words', async ({
    page,
    app,
  }) => {
    expect((await app.cli(['sample'])).code).toBe(0);
    await page.reload();
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    const search = panel.getByRole('searchbox', { name: 'Search facts' });
    const results = panel.getByRole('listbox', { name: 'Search results' });

    // Each search replaces the list; wait for the exact result set before looking inside.
    await search.fill('Goetze');
    await expect(results.getByRole('option')).toHaveCount(1);
    const goetze = results.getByRole('option', { name: /Lutz Götze/ });
    await expect(goetze.locator('mark')).toHaveText(['Götze', 'Goetze']);

    await search.fill('Muenchen');
    const quote = results.getByRole('option', { name: /Nach dem Spiel in München/ });
    await expect(quote).toBeVisible();
    await expect(results.getByRole('option')).toHaveCount(1);
    await expect(quote.locator('mark')).toHaveText('München');

    await search.fill('Furstenbruck');
    const club = results.getByRole('option', { name: /^Person \/ organisation\s*SC Fürstenbrück/ });
    await expect(club).toBeVisible();
    await expect(club.locator('mark').first()).toHaveText('Fürstenbrück');

    // Typing with umlauts and ß finds the record, and the spelling written out in its aliases.
    await search.fill('Jörg Weissbach');
    await expect(results.getByRole('option')).toHaveCount(1);
    await expect(results.getByRole('option', { name: /Jörg Weißbach/ }).locator('mark')).toHaveText([
      'Jörg',
      'Weißbach',
      'Joerg',
      'Weissbach',
      'Jörg',
      'Weissbach',
    ]);

    // Prefix while typing, and a quoted phrase only where the words stand together.
    await search.fill('Kowalc');
    await expect(
      results.getByRole('option', { name: /^Person \/ organisation\s*Jana Kowalczyk/ }),
    ).toBeVisible();
    await search.fill('"Nummer eins"');
    await expect(results.getByRole('option')).toHaveCount(1);
    await expect(results.getByRole('option')).toContainText('Ruben ist unsere Nummer eins');

    // Anything typed is a search, never an error.
    await search.fill('NEAR("* AND (');
    await expect(panel.getByRole('status').filter({ hasText: 'Nothing found' })).toBeVisible();
    await expect(panel.getByRole('alert')).toHaveCount(0);
  });

  test('opens a result with the keyboard and goes back to the list', async ({ page, app }) => {
    await app.cli(['sample']);
    await page.reload();
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    const search = panel.getByRole('searchbox', { name: 'Search facts' });
    await search.fill('Schöller');
    const results = panel.getByRole('listbox', { name: 'Search results' });
    // Results arrive a moment after typing; ArrowDown moves into the list once it is there.
    await expect(
      results.getByRole('option', { name: /^Person \/ organisation\s*Martina Schöller/ }),
    ).toBeVisible();
    await search.press('ArrowDown');
    await expect(results).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('article', { name: 'Martina Schöller' })).toBeVisible();
    await expect(panel.getByRole('article', { name: 'Martina Schöller' })).toContainText(
      'Vorstandsvorsitzende',
    );
    await panel.getByRole('button', { name: 'Back to results' }).click();
    await expect(results).toBeVisible();
  });

  test('opens the full Facts view with the same search', async ({ page, app }) => {
    await app.cli(['sample']);
    await page.reload();
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    await panel.getByRole('searchbox', { name: 'Search facts' }).fill('Strivo');
    await panel.getByRole('button', { name: 'Open full Facts view' }).click();
    const full = page.getByRole('dialog', { name: 'Facts' });
    await expect(full.getByRole('searchbox', { name: 'Search facts' })).toHaveValue('Strivo');
    await full
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /^Person \/ organisation\s*Strivo/ })
      .click();
    // List and detail side by side.
    await expect(full.getByRole('article', { name: 'Strivo' })).toBeVisible();
    await expect(full.getByRole('listbox', { name: 'Search results' })).toBeVisible();
    await full.getByRole('button', { name: 'Close Facts view' }).click();
    await expect(full).toHaveCount(0);
  });
});

test.describe('facts: German UI', () => {
  test.use({ uiLanguage: 'de' });

  test('shows amounts and labels in German', async ({ page, app }) => {
    await app.cli(['sample']);
    await page.reload();
    const panel = page.getByRole('complementary', { name: 'Fakten und Behauptungen' });
    await panel.getByRole('searchbox', { name: 'Fakten durchsuchen' }).fill('Streamingrechte Nordliga');
    const results = panel.getByRole('listbox', { name: 'Suchergebnisse' });
    await expect(results.getByRole('option', { name: /Streamingrechte an der Nordliga/ })).toContainText(
      'rund 48.000.000 €',
    );
    await results.getByRole('option', { name: /Streamingrechte an der Nordliga/ }).click();
    const detail = panel.getByRole('article', { name: /^Deal: Streamingrechte an der Nordliga/ });
    await expect(detail).toContainText('Bestätigt');
    await expect(detail.getByRole('region', { name: 'Quellen für diesen Fakt' })).toContainText(
      'rund zwölf Millionen Euro pro Saison',
    );
  });
});
