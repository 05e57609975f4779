import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { readZipEntry } from '../src/main/import/docxRevisions';
import { test, expect } from './fixtures';
import { body, newArticle, selectionIs, statusBar } from './articleSteps';

// Suggest mode (track changes) as an editor and a checker use it: insert, delete, accept,
// reject and accept all, by role and accessible name, and the body the store keeps.
test.use({ userName: 'Lena Kowalczyk' });
test.describe.configure({ timeout: 180_000 });

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Formatting' });
const suggestToggle = (page: Page) => toolbar(page).getByRole('button', { name: 'Suggest' });
const review = (page: Page) => page.getByRole('region', { name: 'Suggested changes' });
const pending = (page: Page) => review(page).getByRole('list', { name: 'Pending suggestions' });

async function saved(page: Page) {
  await expect(statusBar(page)).toContainText('Saved');
}

/** Waits until the editor itself (not only the page) holds a collapsed caret at the start or end of its text node. */
async function caretAt(page: Page, where: 'start' | 'end') {
  await expect
    .poll(() =>
      page.evaluate((at) => {
        type State = { _selection: unknown; _nodeMap: Map<string, unknown> };
        const root = document.querySelector('[data-lexical-editor]') as
          (Element & { __lexicalEditor?: { getEditorState(): State } }) | null;
        const state = root?.__lexicalEditor?.getEditorState();
        const sel = state?._selection as
          | { anchor: { key: string; offset: number }; focus: { key: string; offset: number } }
          | null
          | undefined;
        if (!state || !sel || sel.anchor.key !== sel.focus.key || sel.anchor.offset !== sel.focus.offset)
          return false;
        if (at === 'start') return sel.anchor.offset === 0;
        const node = state._nodeMap.get(sel.anchor.key) as { __text?: string } | undefined;
        return typeof node?.__text === 'string' && sel.anchor.offset === node.__text.length;
      }, where),
    )
    .toBe(true);
}

test('suggest mode marks insertions and deletions, and accept, reject and accept all resolve them', async ({
  page,
  app,
}) => {
  await newArticle(page, 'Rotheide im Derby');
  await body(page).click();
  await page.keyboard.type('SV Rotheide wins the derby');
  await expect(body(page)).toHaveText('SV Rotheide wins the derby');

  await suggestToggle(page).click();
  await expect(suggestToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(statusBar(page)).toContainText('Suggest mode');

  // Insert at the end, then delete "SV " at the start with a selection.
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' today');
  await expect(body(page).locator('ins')).toHaveText(' today');
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  // The editor learns of the selection through an async selectionchange; delete only once it has.
  await selectionIs(page, 'SV ');
  await page.keyboard.press('Backspace');
  await expect(body(page).locator('del')).toHaveText('SV ');
  // Nothing was removed from the text: both changes wait for review.
  await expect(body(page)).toHaveText('SV Rotheide wins the derby today');

  // Backspace into one's own pending insertion removes it for real.
  await page.keyboard.press('End');
  await caretAt(page, 'end');
  await page.keyboard.press('Backspace');
  await expect(body(page).locator('ins')).toHaveText(' toda');
  await page.keyboard.type('y');

  // The body the store keeps carries both suggestions with author and time.
  await saved(page);
  const shown = await app.cli(['articles', 'list', '--json']);
  const id = (JSON.parse(shown.stdout) as { id: string; headline: string }[]).find(
    (a) => a.headline === 'Rotheide im Derby',
  )!.id;
  const doc = JSON.parse((await app.cli(['articles', 'show', id, '--json'])).stdout) as { body: unknown };
  const json = JSON.stringify(doc.body);
  expect(json).toContain('"kind":"insert"');
  expect(json).toContain('"kind":"delete"');
  expect(json).toContain('"author":"Lena Kowalczyk"');

  // The review list shows both with a word diff; accept the insertion from there.
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(pending(page).getByRole('listitem')).toHaveCount(2);
  await expect(pending(page).getByRole('listitem').first()).toContainText('Deletion');
  await expect(pending(page).locator('ins')).toHaveText(['today']);
  await pending(page)
    .getByRole('button', { name: /^Accept Insertion “ today” by Lena Kowalczyk/ })
    .click();
  await expect(body(page).locator('ins')).toHaveCount(0);
  await expect(pending(page).getByRole('listitem')).toHaveCount(1);

  // Reject the deletion from the inline control next to it: the text stays.
  await body(page).locator('del').click();
  const control = page.getByRole('group', { name: 'Deletion by Lena Kowalczyk' });
  await control.getByRole('button', { name: 'Reject' }).click();
  await expect(body(page).locator('del')).toHaveCount(0);
  await expect(body(page)).toHaveText('SV Rotheide wins the derby today');
  await expect(review(page)).toContainText('No suggested changes are pending.');

  // Two more changes, then accept all: the insertion stays, the deleted word goes.
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  await page.keyboard.press('Home');
  await caretAt(page, 'start');
  // One key at a time, each seen by the editor before the next: the deletion grows by a letter.
  for (let i = 1; i <= 3; i++) {
    await page.keyboard.press('Delete');
    await expect(body(page).locator('del')).toHaveText('SV '.slice(0, i));
  }
  await expect(pending(page).getByRole('listitem')).toHaveCount(2);
  await review(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(body(page)).toHaveText('Rotheide wins the derby today!');
  await expect(body(page).locator('ins, del')).toHaveCount(0);

  // Keyboard: Ctrl+Alt+X rejects the suggestion at the caret; Ctrl+Shift+E turns the mode off.
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' 2:1');
  await expect(body(page).locator('ins')).toHaveText(' 2:1');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+Alt+KeyX');
  await expect(body(page)).toHaveText('Rotheide wins the derby today!');
  await page.keyboard.press('Control+Shift+KeyE');
  await expect(suggestToggle(page)).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.type(' Plain');
  await expect(body(page).locator('ins')).toHaveCount(0);
  await expect(body(page)).toHaveText('Rotheide wins the derby today! Plain');
});

test('keys typed right after Ctrl+Shift+E are suggestions even while the setting is still being saved', async ({
  page,
}) => {
  await newArticle(page, 'Rotheide sofort');
  await body(page).click();
  await page.keyboard.type('Rotheide gewinnt.');
  await expect(body(page)).toHaveText('Rotheide gewinnt.');
  await page.keyboard.press('End');
  await caretAt(page, 'end');
  // Hold the settings save back for a second: the switch must not wait for it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/settings%3Aupdate', async (route) => {
    await held;
    await route.continue();
  });
  await page.keyboard.press('Control+Shift+KeyE');
  await page.keyboard.type(' Klar.');
  await expect(body(page).locator('ins')).toHaveText(' Klar.');
  await expect(suggestToggle(page)).toHaveAttribute('aria-pressed', 'true');
  release();
  await expect(statusBar(page)).toContainText('Suggest mode');
  await page.unroute('**/api/settings%3Aupdate');
  await page.reload();
  await expect(suggestToggle(page)).toHaveAttribute('aria-pressed', 'true');
});

test('the mode is remembered, and undo brings back a claim whose suggested text was rejected', async ({
  page,
}) => {
  await newArticle(page, 'Strivo zahlt');
  await body(page).click();
  await page.keyboard.type('Strivo pays.');
  await page.keyboard.press('Control+Shift+KeyE');
  await expect(suggestToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' 7 million euros');
  await expect(body(page).locator('ins')).toHaveText(' 7 million euros');

  // Mark part of the suggested text as a claim.
  for (let i = 0; i < 15; i++) await page.keyboard.press('Shift+ArrowLeft');
  await selectionIs(page, '7 million euros');
  await page.keyboard.press('Control+Shift+KeyM');
  await expect(body(page).locator('mark')).toHaveText('7 million euros');
  await page.keyboard.press('End');

  await page.getByRole('tab', { name: 'Review' }).click();
  await review(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(body(page)).toHaveText('Strivo pays.');
  await expect(body(page).locator('mark')).toHaveCount(0);
  await toolbar(page).getByRole('button', { name: 'Undo' }).click();
  await expect(body(page).locator('mark')).toHaveText('7 million euros');
  await expect(body(page).locator('ins')).toHaveText(' 7 million euros');

  await saved(page);
  await page.reload();
  await expect(suggestToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(body(page).locator('ins')).toHaveText(' 7 million euros');
});

test('an export lists the pending suggestions, and DOCX carries them as tracked changes that import back', async ({
  page,
  app,
}) => {
  await newArticle(page, 'Nordhafen verliert');
  await body(page).click();
  await page.keyboard.type('FC Nordhafen verliert in Rotheide.');
  await page.keyboard.press('Control+Shift+KeyE');
  // The mode is a setting: type once the toolbar shows it on.
  await expect(suggestToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' klar');
  for (let i = 0; i < 17; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowRight');
  await selectionIs(page, ' in Rotheide');
  await page.keyboard.press('Delete');
  await expect(body(page).locator('del')).toHaveText(' in Rotheide');
  await saved(page);

  const folder = path.join(app.dataDir, 'suggest-exports');
  await page
    .getByRole('group', { name: 'Article settings' })
    .getByRole('button', { name: 'Export…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Export article' });
  const warning = dialog.getByRole('group', { name: /^2 pending suggestions were not applied/ });
  await expect(warning.getByRole('listitem')).toHaveText([
    'Deletion by Lena Kowalczyk: “ in Rotheide”',
    'Insertion by Lena Kowalczyk: “ klar”',
  ]);
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Word (DOCX)' });
  await dialog.getByRole('checkbox', { name: 'Write suggestions as Word tracked changes' }).check();
  await dialog.getByRole('textbox', { name: 'Folder' }).fill(folder);
  // The name is suggested once the dialog has read the stored article: wait for it, as a user would.
  const nameBox = dialog.getByRole('textbox', { name: 'File name' });
  await expect(nameBox).toHaveValue(/\.docx$/);
  const name = await nameBox.inputValue();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog).toBeHidden();

  const file = path.join(folder, name);
  const xml = readZipEntry(fs.readFileSync(file), 'word/document.xml')!.toString('utf8');
  expect(xml).toMatch(/<w:ins [^>]*w:author="Lena Kowalczyk"/);
  expect(xml).toMatch(/<w:del [^>]*w:author="Lena Kowalczyk"[^>]*>.*in Rotheide<\/w:delText>/s);

  const imported = await app.cli(['articles', 'import', file, '--json']);
  expect(imported.code).toBe(0);
  const importedId = (JSON.parse(imported.stdout) as { articleId: string }[])[0].articleId;
  const doc = JSON.parse((await app.cli(['articles', 'show', importedId, '--json'])).stdout) as {
    body: unknown;
  };
  const json = JSON.stringify(doc.body);
  expect(json).toMatch(/"kind":"insert","suggestionId":"s-w\d+","author":"Lena Kowalczyk"/);
  expect(json).toMatch(/"kind":"delete","suggestionId":"s-w\d+","author":"Lena Kowalczyk"/);
});
