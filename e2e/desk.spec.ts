import { test, expect } from './fixtures';
import {
  createSharedArticle,
  deskBody,
  deskServer,
  deskStatus,
  launchInstance,
  openDeskArticle,
  type DeskInstance,
  type DeskServerProcess,
} from './desk-harness';

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
    // The apps' presence, carets and updates are all the desk accepts: it closed no connection.
    expect(server.closedConnections()).toEqual([]);
  });

  test('connects from Settings, shares an article, and two people type into it at once', async ({
    browser,
  }) => {
    const janaToken = await server.addUser('Jana Wolf', 'editor');
    const timToken = await server.addUser('Tim Brandt', 'checker');
    const jana = await launchInstance(browser, 'Jana (local)', null);
    const tim = await launchInstance(browser, 'Tim (local)', { url: server.url, token: timToken });
    instances.push(jana, tim);

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
    await expect(tim.page.getByRole('textbox', { name: 'Headline' })).toHaveValue(
      'SV Rotheide holt Kowalczyk',
    );

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
  test('restoring a revision of a shared article rewinds it for everyone, and undo brings the text back', async ({
    browser,
  }) => {
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
    const FIRST = 'Nordhafen gewinnt im Elfmeterschießen.';
    const ADDED = ' Lena Kowalczyk hält zwei Elfmeter.';
    await createSharedArticle(jana.page, 'Pokalabend in Nordhafen', FIRST);
    await openDeskArticle(tim.page, 'Pokalabend in Nordhafen');
    await expect(deskBody(tim.page)).toHaveText(FIRST);

    await jana.page.getByRole('button', { name: 'Save version…' }).click();
    const dialog = jana.page.getByRole('dialog', { name: 'Save version' });
    await dialog.getByRole('textbox', { name: 'Version name' }).fill('Erste Fassung');
    await dialog.getByRole('button', { name: 'Save version' }).click();
    await expect(dialog).toBeHidden();
    await deskBody(jana.page).click();
    await jana.page.keyboard.press('ControlOrMeta+End');
    await jana.page.keyboard.type(ADDED);
    await expect(deskBody(tim.page)).toHaveText(FIRST + ADDED);
    const timsCopy = async () => {
      const [article] = JSON.parse((await tim.cli(['articles', 'list', '--json'])).stdout) as {
        id: string;
      }[];
      return article ? (await tim.cli(['articles', 'show', article.id, '--text'])).stdout : '';
    };
    await expect.poll(timsCopy).toContain(ADDED.trim());

    const panel = jana.page.getByRole('complementary', { name: 'Revisions' });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: /^Erste Fassung/ }).click();
    await panel.getByRole('button', { name: 'Restore this revision' }).click();
    await expect(deskBody(jana.page)).toHaveText(FIRST);
    // Tim's editor and his local copy (what search, export and the CLI read) are rewound too.
    await expect(deskBody(tim.page)).toHaveText(FIRST);
    await expect.poll(timsCopy).not.toContain(ADDED.trim());

    // The restore is an ordinary edit of Jana's: her undo takes it back, for everyone.
    await deskBody(jana.page).click();
    await jana.page.keyboard.press('ControlOrMeta+z');
    await expect(deskBody(jana.page)).toHaveText(FIRST + ADDED);
    await expect(deskBody(tim.page)).toHaveText(FIRST + ADDED);
  });

  test('the checker marks, links and verifies a claim while the editor types; the editor sees all of it', async ({
    browser,
  }) => {
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
    for (const i of [jana, tim]) expect((await i.cli(['sample'])).code).toBe(0);
    const QUOTE = 'Ruben is our number one and he will stay our number one,';
    await createSharedArticle(jana.page, 'Sandhafen keep their keeper', `"${QUOTE}" said Daniel Okafor.`);
    await openDeskArticle(tim.page, 'Sandhafen keep their keeper');
    await expect(deskBody(tim.page)).toContainText('said Daniel Okafor.');

    // Tim marks the quote as a claim while Jana keeps writing below it.
    await deskBody(jana.page).click();
    await jana.page.keyboard.press('ControlOrMeta+End');
    await jana.page.keyboard.press('Enter');
    const typing = jana.page.keyboard.type('Okafor extended his contract until 2029.', { delay: 60 });
    await tim.page.getByRole('tab', { name: 'Claims' }).click();
    await deskBody(tim.page).click();
    await tim.page.keyboard.press('ControlOrMeta+Home');
    await tim.page.keyboard.press('Shift+End');
    await expect
      .poll(() => tim.page.evaluate(() => window.getSelection()?.toString() ?? ''))
      .toContain(QUOTE);
    await tim.page
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: 'Mark as claim' })
      .click();
    const timPanel = tim.page.getByRole('region', { name: 'Claims' });
    const timClaim = timPanel
      .getByRole('listitem')
      .filter({ has: tim.page.getByRole('button', { name: /^Show in text: .*Ruben is our number one/ }) });
    await timClaim.getByRole('button', { name: 'Link facts…' }).click();
    const dialog = tim.page.getByRole('dialog', { name: 'Link facts to the claim' });
    await dialog.getByRole('searchbox', { name: 'Search facts' }).fill('Ruben is our number one');
    await dialog
      .getByRole('button', { name: 'Link Ruben is our number one and he will stay our number one.' })
      .click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await timClaim.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Verified' });
    await typing;

    // Jana's app shows the claim, its link and its status; both texts are the same.
    await jana.page.getByRole('tab', { name: 'Claims' }).click();
    const janaClaim = jana.page
      .getByRole('region', { name: 'Claims' })
      .getByRole('listitem')
      .filter({ has: jana.page.getByRole('button', { name: /^Show in text: .*Ruben is our number one/ }) });
    await expect(janaClaim).toContainText('Verified · Tim Brandt');
    await janaClaim.getByRole('button', { name: /^Show in text/ }).click();
    await expect(janaClaim.getByRole('combobox', { name: 'Status' })).toHaveValue('verified');
    await expect(janaClaim.getByRole('button', { name: /^Unlink .*Ruben is our number one/ })).toBeVisible();
    await expect(deskBody(jana.page)).toContainText('Okafor extended his contract until 2029.');
    await expect(deskBody(tim.page)).toHaveText((await deskBody(jana.page).textContent()) ?? '');
  });
});

test.describe('desk offline, crashes and access', () => {
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
    // The apps' presence, carets and updates are all the desk accepts: it closed no connection.
    expect(server.closedConnections()).toEqual([]);
  });

  test('edits made offline on both sides merge on reconnect; a restart offline keeps them; a viewer cannot type', async ({
    browser,
  }) => {
    const jana = await launchInstance(browser, 'Jana Wolf', {
      url: server.url,
      token: await server.addUser('Jana Wolf', 'editor'),
    });
    const tim = await launchInstance(browser, 'Tim Brandt', {
      url: server.url,
      token: await server.addUser('Tim Brandt', 'checker'),
    });
    instances.push(jana, tim);
    await createSharedArticle(jana.page, 'Derby in Rotheide', 'Rotheide gewinnt das Derby.');
    await openDeskArticle(tim.page, 'Derby in Rotheide');
    await expect(deskBody(tim.page)).toHaveText('Rotheide gewinnt das Derby.');

    await server.stop();
    await expect(deskStatus(jana.page)).toContainText('Desk: offline');
    await expect(deskStatus(tim.page)).toContainText('Desk: offline');

    // Both change the same paragraph while the desk is away.
    await deskBody(jana.page).click();
    await jana.page.keyboard.press('ControlOrMeta+End');
    await jana.page.keyboard.type(' Jana war dabei.');
    await deskBody(tim.page).click();
    await tim.page.keyboard.press('ControlOrMeta+Home');
    await tim.page.keyboard.type('Abends: ');
    await expect(deskStatus(jana.page)).toContainText(/changes? waiting/);

    // Jana's app restarts with the desk still away: the shared article opens with her edit in it.
    await jana.restart();
    await jana.page
      .getByRole('navigation', { name: 'Articles' })
      .getByRole('option', { name: /Derby in Rotheide/ })
      .click();
    await expect(deskBody(jana.page)).toHaveText('Rotheide gewinnt das Derby. Jana war dabei.');
    await expect(deskStatus(jana.page)).toContainText(/Desk: (offline|connecting).*waiting/);

    await server.start();
    const merged = 'Abends: Rotheide gewinnt das Derby. Jana war dabei.';
    await expect(deskBody(jana.page)).toHaveText(merged);
    await expect(deskBody(tim.page)).toHaveText(merged);
    await expect(deskStatus(jana.page)).toHaveText(/Desk: connected/);
    await expect(deskStatus(jana.page)).not.toContainText('waiting');

    // A third instance, a viewer, gets the same text and cannot change it.
    const ole = await launchInstance(browser, 'Ole Sander', {
      url: server.url,
      token: await server.addUser('Ole Sander', 'viewer'),
    });
    instances.push(ole);
    await openDeskArticle(ole.page, 'Derby in Rotheide');
    await expect(deskBody(ole.page)).toHaveText(merged);
    await expect(ole.page.getByRole('note', { name: 'Shared article' })).toContainText('view only');
    await deskBody(ole.page).click({ force: true });
    await ole.page.keyboard.type('Hallo');
    await expect(deskBody(ole.page)).toHaveText(merged);
    await expect(deskBody(jana.page)).toHaveText(merged);
  });

  test('a desk killed during typing loses nothing that was acknowledged once it is back', async ({
    browser,
  }) => {
    const jana = await launchInstance(browser, 'Jana Wolf', {
      url: server.url,
      token: await server.addUser('Jana Wolf', 'editor'),
    });
    const tim = await launchInstance(browser, 'Tim Brandt', {
      url: server.url,
      token: await server.addUser('Tim Brandt', 'checker'),
    });
    instances.push(jana, tim);
    await createSharedArticle(jana.page, 'Pokalnacht', 'Nordhafen');
    await openDeskArticle(tim.page, 'Pokalnacht');
    await deskBody(jana.page).click();
    await jana.page.keyboard.press('ControlOrMeta+End');
    await jana.page.keyboard.type(' siegt im Elfmeterschießen', { delay: 20 });
    await expect(deskBody(tim.page)).toHaveText('Nordhafen siegt im Elfmeterschießen');

    const typing = jana.page.keyboard.type(' nach großem Kampf.', { delay: 40 });
    await server.stop('SIGKILL');
    await typing;
    await server.start();
    const full = 'Nordhafen siegt im Elfmeterschießen nach großem Kampf.';
    await expect(deskBody(tim.page)).toHaveText(full);
    await expect(deskBody(jana.page)).toHaveText(full);

    // A newcomer reads it from the desk alone.
    const ole = await launchInstance(browser, 'Ole Sander', {
      url: server.url,
      token: await server.addUser('Ole Sander', 'editor'),
    });
    instances.push(ole);
    await openDeskArticle(ole.page, 'Pokalnacht');
    await expect(deskBody(ole.page)).toHaveText(full);
  });

  test('a wrong token is refused with the reason in the status bar, and the app keeps working', async ({
    browser,
  }) => {
    const mallory = await launchInstance(browser, 'Mallory', {
      url: server.url,
      token: 'not-a-desk-token-4711',
    });
    instances.push(mallory);
    await expect(deskStatus(mallory.page)).toContainText('Desk: refused (unknown or revoked token)');
    await mallory.page
      .getByRole('navigation', { name: 'Articles' })
      .getByRole('button', { name: 'New article' })
      .click();
    await expect(mallory.page.getByRole('textbox', { name: 'Headline' })).toBeFocused();
    await mallory.page.keyboard.type('Lokal geht es weiter');
    await expect(
      mallory.page
        .getByRole('navigation', { name: 'Articles' })
        .getByRole('option', { name: /Lokal geht es weiter/ }),
    ).toBeVisible();
    await expect(mallory.page.getByRole('region', { name: 'Desk articles' })).toContainText(
      'No shared articles yet.',
    );
  });

  test('a German member reads the refusal and a wrong address in German: revoked while connected, an http:// address', async ({
    browser,
  }) => {
    const token = await server.addUser('Jana Wolf', 'editor');
    const jana = await launchInstance(browser, 'Jana Wolf', { url: server.url, token }, { language: 'de' });
    instances.push(jana);
    await expect(deskStatus(jana.page)).toContainText('Desk: verbunden');

    await server.revokeUser('Jana Wolf');
    await expect(deskStatus(jana.page)).toContainText('Desk: abgewiesen (Token unbekannt oder gesperrt)');

    await jana.page.getByRole('menuitem', { name: 'Datei' }).click();
    await jana.page.getByRole('menuitem', { name: 'Einstellungen …' }).click();
    const desk = jana.page
      .getByRole('dialog', { name: 'Einstellungen' })
      .getByRole('group', { name: 'Desk' });
    await desk.getByRole('textbox', { name: 'Adresse des Desk-Servers' }).fill('http://127.0.0.1:1234');
    await desk.getByRole('button', { name: 'Verbinden' }).click();
    await expect(desk.getByRole('alert')).toHaveText(
      /^Adresse des Desk-Servers: muss mit ws:\/\/ oder wss:\/\/ beginnen/,
    );
    await desk.getByRole('textbox', { name: 'Adresse des Desk-Servers' }).fill(server.url);
    await desk.getByLabel('Ihr Desk-Token').fill('fdk_ mit Leerzeichen');
    await desk.getByRole('button', { name: 'Verbinden' }).click();
    await expect(desk.getByRole('alert')).toHaveText(/^Ihr Desk-Token: genau so einfügen/);
  });
});
