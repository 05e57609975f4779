import { test, expect } from './fixtures';

test.describe('app shell', () => {
  test('shows the three panes with explanations of what comes there', async ({ page }) => {
    await expect(page.getByRole('navigation', { name: 'Articles' })).toBeVisible();
    await expect(page.getByRole('main', { name: 'Editor' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Facts and claims' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Status' })).toContainText('Erika Prüfer');
  });

  test('switches the UI language to German and back through the menu', async ({ page }) => {
    await page.getByRole('menuitem', { name: 'View' }).click();
    await page.getByRole('menuitem', { name: 'Language: Deutsch' }).click();
    await expect(page.getByRole('navigation', { name: 'Artikel' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Artikel' })).toBeVisible();

    await page.getByRole('menuitem', { name: 'Ansicht' }).click();
    await page.getByRole('menuitem', { name: 'Sprache: English' }).click();
    await expect(page.getByRole('navigation', { name: 'Articles' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('keeps a resized and a collapsed pane after a reload', async ({ page }) => {
    const splitter = page.getByRole('separator', { name: 'Resize article list' });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 48));
    await page.getByRole('button', { name: 'Hide facts panel' }).click();
    await expect(page.getByRole('complementary', { name: 'Facts and claims' })).toHaveCount(0);
    // Layout is saved shortly after the last change.
    await page.waitForTimeout(600);

    await page.reload();
    await expect(page.getByRole('separator', { name: 'Resize article list' })).toHaveAttribute(
      'aria-valuenow',
      String(before + 48),
    );
    await expect(page.getByRole('complementary', { name: 'Facts and claims' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Show facts panel' }).click();
    await expect(page.getByRole('complementary', { name: 'Facts and claims' })).toBeVisible();
  });

  test('changes the theme from the menu and remembers it', async ({ page }) => {
    await page.getByRole('menuitem', { name: 'View' }).click();
    await page.getByRole('menuitem', { name: 'Appearance: dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('menuitem', { name: 'View' }).click();
    await page.getByRole('menuitem', { name: 'Appearance: light' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('saves the user name from the settings dialog', async ({ page }) => {
    await page.getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Settings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('textbox', { name: /Your name/ }).fill('Jonas Faktenreich');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status', { name: 'Status' })).toContainText('Jonas Faktenreich');
  });

  test('the in-app menu bar works with the keyboard', async ({ page }) => {
    const file = page.getByRole('menuitem', { name: 'File' });
    await file.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: 'View' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'View' })).toHaveCount(0);
  });
});

test.describe('menu', () => {
  test('lists recently opened articles under File and opens one', async ({ page }) => {
    const library = page.getByRole('navigation', { name: 'Articles' });
    const headline = page.getByRole('textbox', { name: 'Headline' });
    for (const title of ['Almental verliert in Rotheide', 'Zweiter Text']) {
      await library.getByRole('button', { name: 'New article' }).click();
      // Wait for the new, empty article: filling earlier would rename the one still open.
      await expect(headline).toHaveValue('');
      await headline.fill(title);
      await expect(library.getByRole('option', { name: new RegExp(title) })).toBeVisible();
    }

    await page.getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Open recent: Almental verliert in Rotheide' }).click();
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(
      'Almental verliert in Rotheide',
    );
  });
});

test.describe('boundaries', () => {
  test('makes no network request except to its own local origin', async ({ page, app }) => {
    test.skip(app.mode !== 'browser', 'the Electron session cancels foreign requests itself');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Articles' })).toBeVisible();
    await page.getByRole('menuitem', { name: 'Help' }).click();
    await page.getByRole('menuitem', { name: 'About Factdesk' }).click();
    await expect(page.getByRole('dialog', { name: 'About Factdesk' })).toBeVisible();
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter((u) => !u.startsWith(app.origin!));
    expect(foreign).toEqual([]);
  });

  test('answers bad calls with typed errors and changes nothing', async ({ page, app, request }) => {
    test.skip(app.mode !== 'browser', 'HTTP transport only');
    const call = (channel: string, body: unknown) =>
      page.evaluate(
        async ([ch, b]) => {
          const res = await fetch(`/api/${ch}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(b),
          });
          return { status: res.status, body: await res.json() };
        },
        [channel, body] as const,
      );

    const before = await call('settings:get', {});
    expect(before.body.ok).toBe(true);

    const wrongType = await call('settings:update', { userName: 42, theme: 'sepia' });
    expect(wrongType.body.ok).toBe(false);
    expect(wrongType.body.error.code).toBe('validation');
    expect(wrongType.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'theme',
      'userName',
    ]);

    const unknown = await call('articles:drop-everything', {});
    expect(unknown.body.error.code).toBe('unknown_channel');

    const extra = await call('settings:update', { isAdmin: true });
    expect(extra.body.error.code).toBe('validation');

    // No session cookie, no token: refused before any handler runs.
    const anonymous = await request.post(`${app.origin}/api/settings:update`, {
      data: { theme: 'dark' },
      headers: { 'Content-Type': 'application/json' },
    });
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthorized');

    const wrongToken = await request.get(`${app.origin}/?token=nope`);
    expect(wrongToken.status()).toBe(401);

    const after = await call('settings:get', {});
    expect(after.body).toEqual(before.body);
  });
});
