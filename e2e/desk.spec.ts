import { test, expect } from './fixtures';
import { createSharedArticle, deskBody, deskServer, deskStatus, launchInstance, openDeskArticle, type DeskInstance, type DeskServerProcess } from './desk-harness';

/**
 * The desk with several app instances (each its own data folder and browser shell) and a real
 * desk server process on loopback with SQLite storage. Elements are found by role and name.
 */
test.describe('desk', () => {
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

  test('connects from Settings, shares an article, and two people type into it at once', async ({ browser }) => {
    const janaToken = await server.addUser('Jana Wolf', 'editor');
    const timToken = await server.addUser('Tim Brandt', 'checker');
    const jana = await launchInstance(browser, 'Jana (local)', null);
    const tim = await launchInstance(browser, 'Tim (local)', { url: server.url, token: timToken });
    instances.push(jana, tim);
    for (const i of [jana, tim]) i.page.on('console', (m) => console.log(i.name, m.type(), m.text()));

    // Jana joins the desk from Settings → Desk; the page reloads to allow exactly that origin.
    await jana.page.getByRole('menuitem', { name: 'File' }).click();
    await jana.page.getByRole('menuitem', { name: 'Settings…' }).click();
    const desk = jana.page.getByRole('dialog', { name: 'Settings' }).getByRole('group', { name: 'Desk' });
    await desk.getByRole('textbox', { name: 'Desk server address' }).fill(server.url);
    await desk.getByLabel('Your desk token').fill(janaToken);
    await desk.getByRole('button', { name: 'Connect' }).click();
    await expect(deskStatus(jana.page)).toContainText('Desk: connected');
    await expect(deskStatus(tim.page)).toContainText('Desk: connected');

    await createSharedArticle(jana.page, 'SV Rotheide holt Kowalczyk', 'Der Wechsel ist perfekt.');
    await openDeskArticle(tim.page, 'SV Rotheide holt Kowalczyk');
    await expect(deskBody(tim.page)).toContainText('Der Wechsel ist perfekt.');
    await expect(tim.page.getByRole('textbox', { name: 'Headline' })).toHaveValue('SV Rotheide holt Kowalczyk');

    // Both type at the same time, in different places.
    await deskBody(jana.page).click();
    await jana.page.keyboard.press('ControlOrMeta+End');
    await deskBody(tim.page).click();
    await tim.page.keyboard.press('ControlOrMeta+Home');
    await Promise.all([
      jana.page.keyboard.type(' Lena Kowalczyk kommt vom FC Nordhafen.', { delay: 15 }),
      tim.page.keyboard.type('Eilmeldung: ', { delay: 15 }),
    ]);
    const merged = 'Eilmeldung: Der Wechsel ist perfekt. Lena Kowalczyk kommt vom FC Nordhafen.';
    await expect(deskBody(jana.page)).toHaveText(merged);
    await expect(deskBody(tim.page)).toHaveText(merged);
    // Named carets: each sees the other's name.
    await expect(jana.page.getByText('Tim Brandt', { exact: true }).first()).toBeAttached();

    // The local copy is the truth for the CLI: Tim's data folder has the merged text.
    await expect
      .poll(async () => {
        const list = await tim.cli(['articles', 'list', '--json']);
        const [article] = JSON.parse(list.stdout) as { id: string }[];
        return article ? (await tim.cli(['articles', 'show', article.id, '--text'])).stdout : '';
      })
      .toContain(merged);
  });
});
