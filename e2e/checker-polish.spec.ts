import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// The claims workflow as a checker uses it, in the German UI: the window stays put, labels read
// as in the facts panel, and what is selected is what is open. Found by role and name throughout.
test.use({ uiLanguage: 'de' });
test.describe.configure({ timeout: 240_000 });

const body = (page: Page) => page.getByRole('textbox', { name: 'Artikeltext' });
const library = (page: Page) => page.getByRole('navigation', { name: 'Artikel' });
const claimList = (page: Page) =>
  page.getByRole('region', { name: 'Behauptungen' }).getByRole('list', { name: 'Behauptungen im Artikel' });
const suggestionList = (page: Page) =>
  page
    .getByRole('region', { name: /^Vorschläge/ })
    .getByRole('list', { name: 'Vorgeschlagene Behauptungen' });

async function newArticle(page: Page, headline: string, text: string) {
  await library(page).getByRole('button', { name: 'Neuer Artikel' }).click();
  await page.getByRole('textbox', { name: 'Überschrift' }).fill(headline);
  await page.getByRole('tab', { name: 'Behauptungen' }).click();
  await body(page).click();
  await body(page).evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(body(page)).toContainText(text.slice(text.lastIndexOf('\n') + 1));
}

/** The furthest the window itself has scrolled since the page loaded, and whether the page ever outgrew it. */
async function watchWindowScroll(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __maxScroll: number; __tallest: number };
    w.__maxScroll = 0;
    w.__tallest = 0;
    const note = () => {
      const el = document.scrollingElement!;
      w.__maxScroll = Math.max(w.__maxScroll, el.scrollTop, el.scrollLeft);
      w.__tallest = Math.max(w.__tallest, el.scrollHeight - window.innerHeight);
    };
    window.addEventListener('scroll', note, true);
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function expectWindowNeverScrolled(page: Page) {
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __maxScroll: number; __tallest: number };
    const el = document.scrollingElement!;
    return {
      now: el.scrollTop,
      max: w.__maxScroll,
      tallerBy: Math.max(w.__tallest, el.scrollHeight - window.innerHeight),
    };
  });
  expect(seen).toEqual({ now: 0, max: 0, tallerBy: 0 });
}

test('the window itself never scrolls while claims are marked, shown in the text and linked', async ({
  page,
  app,
}) => {
  expect((await app.cli(['sample'])).code).toBe(0);
  await watchWindowScroll(page);
  const paragraphs = Array.from(
    { length: 60 },
    (_, i) =>
      `Absatz ${i + 1}: Der Streamingdienst Strivo soll dem SV Rotheide ${i + 2} Millionen Euro für die Heimspiele gezahlt haben.`,
  );
  await newArticle(page, 'Strivo zahlt und zahlt', paragraphs.join('\n\n'));
  await expect(suggestionList(page).getByRole('listitem').first()).toBeVisible();

  // Several claims, taken from the suggestions far apart in the text.
  for (const n of [2, 31, 61, 45, 12]) {
    await suggestionList(page)
      .getByRole('button', { name: new RegExp(`^Vorschlag übernehmen: ${n} Millionen Euro`) })
      .click();
    await expect(
      claimList(page).getByRole('button', { name: new RegExp(`^Im Text zeigen: ${n} Millionen Euro`) }),
    ).toBeVisible();
    await expectWindowNeverScrolled(page);
  }
  for (const button of await claimList(page)
    .getByRole('button', { name: /^Im Text zeigen: / })
    .all()) {
    await button.click();
    await expectWindowNeverScrolled(page);
  }
  const last = claimList(page).getByRole('listitem').last();
  await last.getByRole('button', { name: 'Fakten verknüpfen …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fakten mit der Behauptung verknüpfen' });
  await expect(
    dialog.getByRole('list', { name: 'Suchergebnisse' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expectWindowNeverScrolled(page);
  await dialog.getByRole('button', { name: 'Fertig' }).click();
  await page.getByRole('tab', { name: 'Fakten' }).click();
  await page.getByRole('tab', { name: 'Behauptungen' }).click();
  await expectWindowNeverScrolled(page);
});

const LONG_QUOTE =
  'Wir haben lange überlegt, ob wir diesen Schritt gehen, und wir haben mit allen gesprochen: mit der Mannschaft, mit dem Trainerteam, mit den Fans. ' +
  'Am Ende war klar, dass Lena Kowalczyk bei uns bleibt, auch wenn der FC Nordhafen mehr geboten hat, und genau das sagen wir heute ohne jedes Wenn und Aber.';

test('the Link facts dialog reads like the facts panel and lets the whole wording be read before linking', async ({
  page,
  app,
}) => {
  expect((await app.cli(['sample'])).code).toBe(0);
  const pack = path.join(app.dataDir, 'long-quote.json');
  fs.writeFileSync(
    pack,
    JSON.stringify({
      format: 'factdesk-factpack',
      version: 1,
      entities: [{ id: 'ent-ruth-okafor', kind: 'person', name: 'Ruth Okafor' }],
      quotes: [
        {
          id: 'q-okafor-long',
          speakerId: 'ent-ruth-okafor',
          wording: LONG_QUOTE,
          language: 'de',
          date: '2019-07-25',
          occasion: 'interview',
          status: 'verified',
        },
      ],
    }),
  );
  expect((await app.cli(['facts', 'import', pack])).code).toBe(0);
  await newArticle(page, 'Kowalczyk bleibt', 'Lena Kowalczyk bleibt, sagte Präsidentin Ruth Okafor.');
  await body(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+Shift+M');
  const claim = claimList(page).getByRole('listitem').first();
  await claim.getByRole('button', { name: 'Fakten verknüpfen …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fakten mit der Behauptung verknüpfen' });
  await dialog.getByRole('combobox', { name: 'Art der Fakten' }).selectOption({ label: 'Alle Arten' });
  await dialog.getByRole('searchbox', { name: 'Fakten suchen' }).fill('Nordhafen geboten');
  const results = dialog.getByRole('list', { name: 'Suchergebnisse' });
  const quote = results.getByRole('listitem').filter({ hasText: 'Ruth Okafor' });
  // Status and date as the facts panel writes them in German, not "verified" or "2019-07-25".
  await expect(quote).toContainText('25.07.2019');
  await expect(quote).toContainText('Geprüft');
  await expect(quote).not.toContainText('2019-07-25');
  await expect(quote).not.toContainText('verified');
  // The snippet around the match is cut; the whole wording is read before linking.
  await expect(quote).not.toContainText('Wir haben lange überlegt');
  await quote.getByRole('button', { name: 'Ganzen Wortlaut lesen' }).click();
  await expect(quote.getByRole('blockquote')).toHaveText(LONG_QUOTE);
  await expect(quote.getByRole('button', { name: 'Ganzen Wortlaut ausblenden' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );

  // Deals read alike: the status word of the facts panel.
  await dialog.getByRole('searchbox', { name: 'Fakten suchen' }).fill('Streamingrechte Nordliga');
  await expect(
    results.getByRole('listitem').filter({ hasText: 'Streamingrechte an der Nordliga' }),
  ).toContainText('Bestätigt');
  await expect(results).not.toContainText('confirmed');
});

test('after "Move to trash" selection and open article agree: nothing open, nothing selected, until one is chosen', async ({
  page,
}) => {
  const list = library(page).getByRole('listbox', { name: 'Artikelliste' });
  for (const headline of ['Almental verliert', 'Rotheide gewinnt', 'Nordhafen spielt remis']) {
    await library(page).getByRole('button', { name: 'Neuer Artikel' }).click();
    const field = page.getByRole('textbox', { name: 'Überschrift' });
    await expect(field).toHaveValue('');
    await field.fill(headline);
    await expect(list.getByRole('option', { name: new RegExp(headline) })).toBeVisible();
  }
  await list.getByRole('option', { name: /Rotheide gewinnt/ }).click();
  await expect(page.getByRole('textbox', { name: 'Überschrift' })).toHaveValue('Rotheide gewinnt');
  await library(page).getByRole('button', { name: 'In den Papierkorb' }).click();
  await expect(list.getByRole('option')).toHaveCount(2);

  // Nothing is open, so nothing is selected, and the actions wait for a choice.
  await expect(page.getByText('Kein Artikel geöffnet')).toBeVisible();
  await expect(list.getByRole('option', { selected: true })).toHaveCount(0);
  for (const action of ['Duplizieren', 'Umbenennen …', 'In den Papierkorb'])
    await expect(library(page).getByRole('button', { name: action })).toBeDisabled();

  // Choosing again opens and selects the same article.
  await list.getByRole('option', { name: /Almental verliert/ }).click();
  await expect(page.getByRole('textbox', { name: 'Überschrift', exact: true })).toHaveValue(
    'Almental verliert',
  );
  await expect(list.getByRole('option', { selected: true })).toContainText('Almental verliert');
  await library(page).getByRole('button', { name: 'Umbenennen …' }).click();
  await expect(page.getByRole('dialog').getByRole('textbox')).toHaveValue('Almental verliert');
});

test('a "ready" article that gets an unverified claim says so in the library and the status bar, and the gate is confirmed again', async ({
  page,
}) => {
  await newArticle(
    page,
    'Rotheide bleibt oben',
    'Der SV Rotheide gewinnt gegen den FC Nordhafen. Lena Kowalczyk trifft zweimal.',
  );
  await body(page).click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 'Der SV Rotheide'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+M');
  const first = claimList(page).getByRole('listitem').first();
  await first.getByRole('button', { name: /^Im Text zeigen/ }).click();
  await first.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Verifiziert' });
  await expect(first).toContainText('Verifiziert · Erika Prüfer');
  const status = page
    .getByRole('group', { name: 'Artikeleinstellungen' })
    .getByRole('combobox', { name: 'Status' });
  await status.selectOption({ label: 'Fertig' });
  await expect(status).toHaveValue('ready');
  const option = library(page).getByRole('option', { name: /Rotheide bleibt oben/ });
  const statusBar = page.getByRole('status', { name: 'Status' });
  await expect(option).not.toContainText('Neu prüfen');

  // A new claim, unchecked: the article stays "ready", but nobody is left unaware.
  await body(page).click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 'zweimal.'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+Shift+M');
  // One "show in text" button per claim: a claim's own lists (warnings, facts) hold list items too.
  await expect(claimList(page).getByRole('button', { name: /^Im Text zeigen: / })).toHaveCount(2);
  await expect(statusBar).toContainText('1 Behauptung nicht verifiziert, obwohl der Artikel „Fertig“ ist');
  await expect(option).toContainText('Neu prüfen: 1 Behauptung nicht verifiziert');
  await expect(status).toHaveValue('ready');

  await statusBar.getByRole('button', { name: 'Freigabe erneut bestätigen …' }).click();
  const gate = page.getByRole('dialog', { name: 'Freigabe erneut bestätigen?' });
  await expect(gate).toContainText('zweimal');
  await gate
    .getByRole('textbox', { name: 'Begründung für das Übersteuern' })
    .fill('Zwei Tore laut Spielbericht, Nachtrag genügt');
  await gate.getByRole('button', { name: 'Übersteuern und auf „Fertig“ setzen' }).click();
  await expect(gate).toBeHidden();
  await expect(statusBar).not.toContainText('nicht verifiziert, obwohl');
  await expect(option).not.toContainText('Neu prüfen');
  await expect(status).toHaveValue('ready');
});
