import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { selectionIs } from './articleSteps';
import {
  createSharedArticle,
  deskBody,
  deskServer,
  launchInstance,
  openDeskArticle,
  type DeskInstance,
  type DeskServerProcess,
} from './desk-harness';

/**
 * Comment threads in a shared article: they travel in the article document's 'comments' map, so
 * a thread, its replies and its status reach every desk member. Real desk server, two instances.
 */
test.describe('comments over the desk', () => {
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

  const panel = (page: Page) => page.getByRole('region', { name: 'Comments' });
  const thread = (page: Page) => panel(page).getByRole('article', { name: /on “sieben Millionen Euro”/ });

  test('a checker’s thread, the editor’s reply and the resolve reach the other side', async ({ browser }) => {
    test.setTimeout(180_000);
    const jana = await launchInstance(browser, 'Jana Wolf', {
      url: server.url,
      token: await server.addUser('Jana Wolf', 'editor'),
    });
    const tim = await launchInstance(browser, 'Tim Brandt', {
      url: server.url,
      token: await server.addUser('Tim Brandt', 'checker'),
    });
    instances.push(jana, tim);
    await createSharedArticle(
      jana.page,
      'Strivo zahlt dem SV Rotheide',
      'Strivo zahlt dem SV Rotheide sieben Millionen Euro.',
    );
    await openDeskArticle(tim.page, 'Strivo zahlt dem SV Rotheide');
    await expect(deskBody(tim.page)).toContainText('sieben Millionen Euro.');

    await deskBody(tim.page).click();
    await tim.page.keyboard.press('ControlOrMeta+End');
    await tim.page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'sieben Millionen Euro'.length; i++) await tim.page.keyboard.press('Shift+ArrowLeft');
    await selectionIs(tim.page, 'sieben Millionen Euro');
    await tim.page
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: 'Comment' })
      .click();
    const draft = panel(tim.page).getByRole('group', { name: 'New comment' });
    await draft.getByRole('textbox', { name: 'Your comment' }).fill('@Jana Wolf woher stammt die Summe?');
    await draft.getByRole('button', { name: 'Add comment' }).click();
    await expect(thread(tim.page)).toContainText('Tim Brandt');

    // Jana sees the thread on the same words, mentioning her, and answers.
    await jana.page.getByRole('tab', { name: 'Comments' }).click();
    await expect(thread(jana.page)).toContainText('woher stammt die Summe?');
    await expect(thread(jana.page).locator('.comment-mention-me')).toHaveText('@Jana Wolf');
    await expect(deskBody(jana.page).locator('mark[data-thread-state="open"]')).toHaveText(
      'sieben Millionen Euro',
    );
    await expect(
      jana.page.getByRole('navigation', { name: 'Articles' }).getByText('Mentions you in 1 open thread'),
    ).toBeVisible();
    await thread(jana.page).getByRole('button', { name: 'Reply' }).click();
    await thread(jana.page).getByRole('textbox', { name: 'Reply' }).fill('Pressemitteilung vom 3. März.');
    await thread(jana.page).getByRole('button', { name: 'Send reply' }).click();

    await expect(thread(tim.page)).toContainText('Pressemitteilung vom 3. März.');
    await thread(tim.page).getByRole('button', { name: 'Resolve' }).click();
    await expect(thread(jana.page)).toBeHidden();
    await panel(jana.page).getByRole('checkbox', { name: 'Show resolved (1)' }).check();
    await expect(thread(jana.page)).toContainText('Resolved');
    await expect(thread(jana.page).getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(
      2,
    );
  });
});
