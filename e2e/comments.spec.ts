import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { body, library, newArticle, selectionIs } from './articleSteps';

// English UI; the user is "Erika Prüfer" (fixtures). Everything is found by role and accessible name.
test.describe.configure({ timeout: 180_000 });

const AMOUNT = 'sieben Millionen Euro';
const panel = (page: Page) => page.getByRole('region', { name: 'Comments' });
const inText = (page: Page) => panel(page).getByRole('list', { name: 'Comment threads in the text' });
const detached = (page: Page) => panel(page).getByRole('list', { name: 'Text deleted' });
const thread = (page: Page, quote: string) =>
  panel(page).getByRole('article', { name: new RegExp(`on “${quote}”`) });

/** Types the sentence and selects the amount at its end (before the full stop). */
async function typeAndSelectAmount(page: Page) {
  await body(page).click();
  await page.keyboard.type(`Strivo zahlt dem SV Rotheide ${AMOUNT}.`);
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < AMOUNT.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await selectionIs(page, AMOUNT);
}

test.describe('comment threads', () => {
  test('create, reply, edit, resolve, reopen, detach and undo', async ({ page }) => {
    await newArticle(page, 'Strivo zahlt dem SV Rotheide');
    await typeAndSelectAmount(page);
    await page.keyboard.press('Control+Alt+M');

    await expect(page.getByRole('tab', { name: 'Comments' })).toHaveAttribute('aria-selected', 'true');
    const draft = panel(page).getByRole('group', { name: 'New comment' });
    await expect(draft).toContainText(AMOUNT);
    await expect(draft.getByRole('textbox', { name: 'Your comment' })).toBeFocused();
    await page.keyboard.type('Woher stammt die Summe, @Lena?');
    await draft.getByRole('button', { name: 'Add comment' }).click();
    await expect(draft).toBeHidden();

    const t = thread(page, AMOUNT);
    await expect(inText(page).getByRole('article')).toHaveCount(1);
    await expect(t).toContainText('Erika Prüfer');
    await expect(t.locator('.comment-mention')).toHaveText('@Lena');
    // The words carry the thread's highlight.
    await expect(body(page).locator('mark[data-thread-state="open"]')).toHaveText(AMOUNT);

    // The hover card, by pointer and by caret.
    await body(page).locator('mark[data-thread-state="open"]').hover();
    await expect(page.getByRole('tooltip')).toContainText('Woher stammt die Summe');
    await page.mouse.move(0, 0);
    await expect(page.getByRole('tooltip')).toBeHidden();
    await body(page).click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tooltip')).toContainText('Woher stammt die Summe');
    await expect(body(page)).toHaveAttribute('aria-describedby', 'comment-hover-card');

    await t.getByRole('button', { name: 'Reply' }).click();
    await t.getByRole('textbox', { name: 'Reply' }).fill('Pressemitteilung des SV Rotheide vom 3. März.');
    await t.getByRole('button', { name: 'Send reply' }).click();
    await expect(t.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(2);

    await t
      .getByRole('button', { name: /^Edit comment by Erika Prüfer/ })
      .first()
      .click();
    await t.getByRole('textbox', { name: 'Edit your comment' }).fill('Woher stammt die Summe genau, @Lena?');
    await t.getByRole('button', { name: 'Save' }).click();
    await expect(t).toContainText('Woher stammt die Summe genau');
    await expect(t).toContainText('edited');

    await t.getByRole('button', { name: 'Resolve' }).click();
    await expect(t).toBeHidden();
    await expect(panel(page)).toContainText('No open comments');
    await expect(body(page).locator('mark[data-thread-state="resolved"]')).toHaveText(AMOUNT);
    await panel(page).getByRole('checkbox', { name: 'Show resolved (1)' }).check();
    await expect(t).toContainText('Resolved');
    await t.getByRole('button', { name: 'Reopen' }).click();
    await expect(t.getByRole('button', { name: 'Resolve' })).toBeVisible();
    await panel(page).getByRole('checkbox', { name: 'Show resolved (0)' }).uncheck();

    // Deleting the words keeps the thread as detached with its quote; undo brings it back.
    await t.getByRole('button', { name: `Show in text: ${AMOUNT}` }).click();
    await selectionIs(page, AMOUNT);
    await page.keyboard.press('Backspace');
    await expect(detached(page).getByRole('article', { name: new RegExp(`on “${AMOUNT}”`) })).toBeVisible();
    await expect(detached(page)).toContainText('Woher stammt die Summe genau');
    await page.keyboard.press('Control+Z');
    await expect(inText(page).getByRole('article', { name: new RegExp(`on “${AMOUNT}”`) })).toBeVisible();
    await expect(detached(page)).toHaveCount(0);
    await expect(body(page).locator('mark[data-thread-state="open"]')).toHaveText(AMOUNT);

    // After a reload the thread is still there, as stored.
    await page.reload();
    await library(page)
      .getByRole('option', { name: /Strivo zahlt dem SV Rotheide/ })
      .click();
    await page.getByRole('tab', { name: 'Comments' }).click();
    await expect(
      thread(page, AMOUNT).getByRole('list', { name: 'Comments' }).getByRole('listitem'),
    ).toHaveCount(2);
  });

  test('a comment on a claim, a comment from the context menu, and the library’s mentions', async ({
    page,
  }) => {
    await newArticle(page, 'Nordhafen ohne Kowalczyk');
    await body(page).click();
    await page.keyboard.type('Ohne Lena Kowalczyk verlor der FC Nordhafen 0:3.');
    await page.keyboard.press('Shift+Home');
    await selectionIs(page, 'Ohne Lena Kowalczyk verlor der FC Nordhafen 0:3.');
    await page.keyboard.press('Control+Shift+M');
    await page.getByRole('tab', { name: 'Claims' }).click();
    const claims = page.getByRole('list', { name: 'Claims in the article' });
    await claims
      .getByRole('button', { name: /^Show in text/ })
      .first()
      .click();
    const discussion = page
      .getByRole('group', { name: 'Claim details' })
      .getByRole('region', { name: 'Discussion' });
    await expect(discussion).toContainText('No comments on this claim.');
    await discussion
      .getByRole('textbox', { name: 'Comment on this claim' })
      .fill('@Erika Prüfer: Ergebnis laut Spielbericht 0:2?');
    await discussion.getByRole('button', { name: 'Add comment' }).click();
    await expect(discussion.getByRole('article')).toContainText('Ergebnis laut Spielbericht 0:2?');
    await expect(discussion.locator('.comment-mention-me')).toHaveText('@Erika Prüfer');
    // A thread on a claim is not one on words: the Comments tab does not list it.
    await page.getByRole('tab', { name: 'Comments' }).click();
    await expect(panel(page)).toContainText('No open comments');

    // The library says which articles mention the user in open threads, and filters by it.
    const mine = library(page).getByRole('option', { name: /Nordhafen ohne Kowalczyk/ });
    await expect(mine).toContainText('Mentions you in 1 open thread');

    await newArticle(page, 'Rotheide gewinnt');
    await body(page).click();
    await page.keyboard.type('Der SV Rotheide gewann zweimal.');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'zweimal'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await selectionIs(page, 'zweimal');
    // A right click inside the selection keeps it.
    const box = await page.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(box.x, box.y, { button: 'right' });
    await page.getByRole('menu', { name: 'Editing' }).getByRole('menuitem', { name: 'Comment' }).click();
    const draft = panel(page).getByRole('group', { name: 'New comment' });
    await expect(draft).toContainText('zweimal');
    await draft.getByRole('textbox', { name: 'Your comment' }).fill('Dreimal? Frage an @Ruth');
    await draft.getByRole('button', { name: 'Add comment' }).click();
    await expect(thread(page, 'zweimal')).toContainText('Dreimal?');
    await expect(library(page).getByRole('option', { name: /Rotheide gewinnt/ })).not.toContainText(
      'Mentions you',
    );

    await library(page).getByRole('button', { name: 'Mentioning me' }).click();
    const articles = library(page).getByRole('listbox').getByRole('option');
    await expect(articles).toHaveCount(1);
    await expect(articles).toContainText('Nordhafen ohne Kowalczyk');
    await library(page).getByRole('button', { name: 'Mentioning me' }).click();
    await expect(articles).toHaveCount(2);
  });
});
