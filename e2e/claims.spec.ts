import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { selectionIs } from './articleSteps';

// German UI, German article, the sample fact pack loaded through the fact store's handler (CLI).
// Everything is found by role and accessible name.
test.use({ uiLanguage: 'de' });
// Typing two paragraphs character by character is slow on a busy machine.
test.describe.configure({ timeout: 180_000 });

const QUOTE = 'Ich habe nie darüber nachgedacht, Rotheide zu verlasen';
const AMOUNT = 'sieben Millionen Euro';
const DEAL_7M = 'Streamingrechte an den Heimspielen der Rotheider Frauen, Spielzeiten 2026/27 bis 2027/28';
const DEAL_12M = 'Free-TV-Rechte an den Heimspielen des FC Almental, Spielzeiten 2026/27 bis 2028/29';

const body = (page: Page) => page.getByRole('textbox', { name: 'Artikeltext' });
const panel = (page: Page) => page.getByRole('region', { name: 'Behauptungen' });
const claimList = (page: Page) => panel(page).getByRole('list', { name: 'Behauptungen im Artikel' });
const removedList = (page: Page) => panel(page).getByRole('list', { name: 'Aus dem Text entfernt' });
/** One entry per claim: the button that shows it in the text. */
const claimButtons = (list: Locator) => list.getByRole('button', { name: /^Im Text zeigen: / });
const claimItem = (page: Page, text: string) =>
  panel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Im Text zeigen: ${text}` }) });

async function articleWithClaims(
  page: Page,
  app: { cli(args: string[]): Promise<{ code: number; stdout: string }> },
) {
  expect((await app.cli(['sample'])).code).toBe(0);
  await page
    .getByRole('navigation', { name: 'Artikel' })
    .getByRole('button', { name: 'Neuer Artikel' })
    .click();
  await page.getByRole('textbox', { name: 'Überschrift' }).fill('Kowalczyk bleibt, Strivo zahlt');
  await page.getByRole('tab', { name: 'Behauptungen' }).click();

  await body(page).click();
  // The typography plugin turns straight quotes into German ones as they are typed.
  await page.keyboard.type(`"${QUOTE}"`);
  await page.keyboard.press('Shift+Home');
  await selectionIs(page, `„${QUOTE}“`);
  await page.keyboard.press('Control+Shift+M');
  await expect(claimButtons(claimList(page))).toHaveCount(1);
  await page.keyboard.press('End');
  await page.keyboard.type(', sagte Kapitänin Jana Kowalczyk.');
  await page.keyboard.press('Enter');
  await page.keyboard.type(`Strivo zahlt dem SV Rotheide ${AMOUNT}`);
  for (let i = 0; i < AMOUNT.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await selectionIs(page, AMOUNT);
  await body(page).click({ button: 'right' });
  await page
    .getByRole('menu', { name: 'Bearbeiten' })
    .getByRole('menuitem', { name: 'Als Behauptung markieren' })
    .click();
  await page.keyboard.press('End');
  await page.keyboard.type('.');

  await expect(claimButtons(claimList(page))).toHaveCount(2);
  await expect(claimItem(page, `„${QUOTE}“`)).toContainText('Zitat');
  await expect(claimItem(page, AMOUNT)).toContainText('Deal / Betrag');
}

async function linkFact(page: Page, claim: Locator, search: string | null, title: string) {
  await claim.getByRole('button', { name: /^Im Text zeigen/ }).click();
  await claim.getByRole('button', { name: 'Fakten verknüpfen …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fakten mit der Behauptung verknüpfen' });
  if (search !== null) await dialog.getByRole('searchbox', { name: 'Fakten suchen' }).fill(search);
  await dialog.getByRole('button', { name: `Verknüpfen: ${title}` }).click();
  await expect(dialog.getByRole('button', { name: `Verknüpfen: ${title}` })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Fertig' }).click();
  await expect(dialog).toBeHidden();
}

test.describe('claims', () => {
  test('flags a quote that differs from the verified wording by one letter and shows the diff', async ({
    page,
    app,
  }) => {
    await articleWithClaims(page, app);
    const claim = claimItem(page, `„${QUOTE}“`);
    await claim.getByRole('button', { name: /^Im Text zeigen/ }).click();
    await claim.getByRole('button', { name: 'Fakten verknüpfen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fakten mit der Behauptung verknüpfen' });
    // The search starts from the quote's first words, limited to quotes.
    await expect(dialog.getByRole('searchbox', { name: 'Fakten suchen' })).toHaveValue(
      'Ich habe nie darüber',
    );
    await dialog
      .getByRole('button', { name: 'Verknüpfen: Ich habe nie darüber nachgedacht, Rotheide zu verlassen.' })
      .click();
    await dialog.getByRole('button', { name: 'Fertig' }).click();

    await expect(claim.getByRole('list', { name: 'Hinweise' })).toContainText(
      'weicht an 1 Stelle leicht vom belegten Wortlaut ab',
    );
    await expect(claim.getByRole('list', { name: 'Hinweise' })).toContainText('„verlasen“ statt „verlassen“');
    const diff = claim.getByRole('figure', { name: 'Wortlaut im Vergleich mit dem belegten Zitat' });
    await expect(diff).toContainText('Zitattreue: geringe Abweichung');
    await expect(diff.getByRole('deletion')).toHaveText(/nur im belegten Zitat:\s*verlassen/);
    await expect(diff.getByRole('insertion')).toHaveText(/nur im Artikel:\s*verlasen/);

    // The CLI reads the same warning from the stored claim.
    const listed = JSON.parse(
      (await app.cli(['claims', await articleId(app), '--json', '--lang', 'de'])).stdout,
    );
    expect(listed.claims[0].warnings.map((w: { code: string }) => w.code)).toContain('quote.minor_deviation');
  });

  test('matches "sieben Millionen Euro" with a €7,000,000 deal and flags a €12,000,000 deal', async ({
    page,
    app,
  }) => {
    await articleWithClaims(page, app);
    const claim = claimItem(page, AMOUNT);
    await linkFact(page, claim, null, DEAL_7M);
    await expect(claim.getByText(/verglichen mit .*Rotheider Frauen.*: stimmt überein/)).toBeVisible();
    await expect(claim.getByRole('list', { name: 'Hinweise' })).toHaveCount(0);

    await linkFact(page, claim, null, DEAL_12M);
    await expect(claim.getByText(/verglichen mit .*FC Almental.*: stimmt nicht überein/)).toBeVisible();
    await expect(claim.getByRole('list', { name: 'Hinweise' })).toContainText(
      /Der Text nennt 7\.000\.000\s€, belegt sind 12\.000\.000\s€\./,
    );

    // Dismissing keeps the reason on the record.
    await claim.getByRole('button', { name: /^Hinweis verwerfen: Der Text nennt/ }).click();
    await claim
      .getByRole('textbox', { name: 'Begründung für das Verwerfen' })
      .fill('Pokalvertrag nur zum Vergleich verknüpft');
    await claim.getByRole('button', { name: 'Hinweis verwerfen' }).click();
    await expect(claim.getByRole('list', { name: 'Hinweise' })).toHaveCount(0);
    await expect(claim).toContainText('Verworfen: Pokalvertrag nur zum Vergleich verknüpft (Erika Prüfer');
  });

  test('blocks "ready" while a claim is unchecked and lets an override with a reason through', async ({
    page,
    app,
  }) => {
    await articleWithClaims(page, app);
    const status = page
      .getByRole('group', { name: 'Artikeleinstellungen' })
      .getByRole('combobox', { name: 'Status' });

    await status.selectOption({ label: 'Fertig' });
    const gate = page.getByRole('dialog', { name: 'Artikel auf „Fertig“ setzen?' });
    await expect(gate).toContainText('2 Behauptungen im Text sind nicht verifiziert:');
    await expect(gate).toContainText(AMOUNT);
    await gate.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(gate).toBeHidden();
    await expect(status).toHaveValue('draft');
    const id = await articleId(app);
    expect((await app.cli(['claims', 'check', id])).code).toBe(1);

    await status.selectOption({ label: 'Fertig' });
    await gate.getByRole('button', { name: 'Übersteuern und auf „Fertig“ setzen' }).click();
    await expect(gate.getByText('Geben Sie eine Begründung an.')).toBeVisible();
    await gate
      .getByRole('textbox', { name: 'Begründung für das Übersteuern' })
      .fill('Betrag vom Sender schriftlich bestätigt, Zitat per Audio belegt');
    await gate.getByRole('button', { name: 'Übersteuern und auf „Fertig“ setzen' }).click();
    await expect(gate).toBeHidden();
    await expect(status).toHaveValue('ready');
    await expect(page.getByRole('status', { name: 'Status' })).toContainText('Gespeichert');
    await expect(panel(page).getByRole('status').filter({ hasText: 'Freigabe' })).toHaveText(
      'Freigabe: mit Begründung übersteuert',
    );

    const check = await app.cli(['claims', 'check', id]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('Betrag vom Sender schriftlich bestätigt');

    await panel(page).getByRole('button', { name: 'Faktencheck-Bericht' }).click();
    const report = page.getByRole('dialog', { name: 'Faktencheck-Bericht' });
    const frame = report.frameLocator('iframe[title="Vorschau des Faktencheck-Berichts"]');
    await expect(frame.getByRole('heading', { name: /Faktencheck|Fact-check/ }).first()).toBeVisible();
    await expect(frame.locator('body')).toContainText(
      'Betrag vom Sender schriftlich bestätigt, Zitat per Audio belegt',
    );
    await report.getByRole('button', { name: 'Schließen' }).click();
  });

  test('keeps a claim whose text is deleted and brings it back with its status on undo', async ({
    page,
    app,
  }) => {
    await articleWithClaims(page, app);
    const claim = claimItem(page, AMOUNT);
    await claim.getByRole('button', { name: /^Im Text zeigen/ }).click();
    await claim.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Verifiziert' });
    await expect(claim).toContainText('Verifiziert · Erika Prüfer');

    // Select the claim's text from the panel, then delete it in the editor.
    await claim.getByRole('button', { name: /^Im Text zeigen/ }).click();
    await expect(body(page)).toBeFocused();
    await selectionIs(page, AMOUNT);
    await page.keyboard.press('Backspace');
    await expect(body(page)).not.toContainText(AMOUNT);
    await expect(removedList(page).getByRole('button', { name: `Im Text zeigen: ${AMOUNT}` })).toBeVisible();
    await expect(claimButtons(claimList(page))).toHaveCount(1);

    await page.keyboard.press('Control+z');
    await expect(body(page)).toContainText(`Strivo zahlt dem SV Rotheide ${AMOUNT}.`);
    await expect(claimButtons(claimList(page))).toHaveCount(2);
    await expect(removedList(page)).toHaveCount(0);
    await expect(claimItem(page, AMOUNT).getByRole('button', { name: /^Im Text zeigen/ })).toContainText(
      'Verifiziert',
    );

    const listed = JSON.parse((await app.cli(['claims', await articleId(app), '--json'])).stdout);
    expect(
      listed.claims.map((c: { text: string; status: string; inText: boolean }) => [
        c.text,
        c.status,
        c.inText,
      ]),
    ).toEqual([
      [`„${QUOTE}“`, 'unchecked', true],
      [AMOUNT, 'verified', true],
    ]);
  });

  test('a claim whose text is deleted right after marking leaves the text in the store too', async ({
    page,
    app,
  }) => {
    await page
      .getByRole('navigation', { name: 'Artikel' })
      .getByRole('button', { name: 'Neuer Artikel' })
      .click();
    await page.getByRole('textbox', { name: 'Überschrift' }).fill('Strivo zahlt');
    await page.getByRole('tab', { name: 'Behauptungen' }).click();
    await body(page).click();
    await page.keyboard.type(`Strivo zahlt dem SV Rotheide ${AMOUNT}`);
    for (let i = 0; i < AMOUNT.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await selectionIs(page, AMOUNT);
    await page.keyboard.press('Control+Shift+M');
    await expect(claimButtons(claimList(page))).toHaveCount(1);
    // Deleted before the editor's first report of its marks: the store only heard of the claim
    // from "Mark as claim", so the report after the deletion must still reach it.
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    // The editor learns of the selection through an async selectionchange; delete only once it has.
    await selectionIs(page, `Strivo zahlt dem SV Rotheide ${AMOUNT}`);
    await page.keyboard.press('Backspace');
    await expect(body(page)).not.toContainText(AMOUNT);
    await expect(removedList(page).getByRole('button', { name: `Im Text zeigen: ${AMOUNT}` })).toBeVisible();
    await expect
      .poll(async () =>
        JSON.parse((await app.cli(['claims', await articleId(app), '--json'])).stdout).claims.map(
          (c: { inText: boolean }) => c.inText,
        ),
      )
      .toEqual([false]);
  });

  test('walks from claim to claim with F8 and selects the claim under the caret in the panel', async ({
    page,
    app,
  }) => {
    await articleWithClaims(page, app);
    // The hover card is a pointer affordance; the marked words are the only handle it has.
    await body(page).getByText(AMOUNT, { exact: true }).hover();
    await expect(page.getByRole('tooltip')).toContainText('Ungeprüft');
    await expect(page.getByRole('tooltip')).toContainText('Keine verknüpften Fakten');
    await body(page).click();
    await page.keyboard.press('Control+Home');
    // Let the editor see the caret move (an async selectionchange) before asking for the next claim.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const s = window.getSelection();
          return !!s && s.isCollapsed && s.anchorOffset === 0;
        }),
      )
      .toBe(true);
    await page.waitForTimeout(100);
    await page.keyboard.press('F8');
    await expect(claimItem(page, AMOUNT)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Shift+F8');
    await expect(claimItem(page, `„${QUOTE}“`)).toHaveAttribute('aria-current', 'true');
    await panel(page).getByRole('button', { name: 'Nächste Behauptung' }).click();
    await expect(claimItem(page, AMOUNT)).toHaveAttribute('aria-current', 'true');

    await panel(page).getByRole('combobox', { name: 'Nach Art filtern' }).selectOption({ label: 'Zitat' });
    await expect(claimButtons(claimList(page))).toHaveCount(1);
    await expect(panel(page)).toContainText('1 von 2 Behauptungen');
  });
});

/** The one article's id, from the CLI (the app never shows ids). */
async function articleId(app: { cli(args: string[]): Promise<{ stdout: string }> }): Promise<string> {
  const list = JSON.parse((await app.cli(['articles', 'list', '--json'])).stdout) as { id: string }[];
  return list[0].id;
}
