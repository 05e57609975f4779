import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// German UI and a German article pasted into the body; the sample fact pack is loaded through
// the CLI. Every element is found by role and accessible name.
test.use({ uiLanguage: 'de' });
test.describe.configure({ timeout: 180_000 });

// Invented copy about invented clubs and people of the sample fact pack.
const ARTICLE = [
  '„Die Mannschaft bleibt zusammen, egal was im Sommer passiert“, sagte Kapitänin Jana Kowalczyk nach dem Training.',
  'Sportdirektor Lutz Götze sieht es ähnlich: „Wir verkaufen unsere besten Spielerinnen nicht unter Wert.“',
  'Der Streamingdienst Strivo soll dem SV Rotheide sieben Millionen Euro für die Heimspiele der Frauen zahlen.',
].join('\n\n');

const body = (page: Page) => page.getByRole('textbox', { name: 'Artikeltext' });
const suggestions = (page: Page) => page.getByRole('region', { name: /^Vorschläge/ });
const suggestionList = (page: Page) =>
  suggestions(page).getByRole('list', { name: 'Vorgeschlagene Behauptungen' });
const suggestionItem = (page: Page, text: string | RegExp) =>
  suggestionList(page).getByRole('listitem').filter({ hasText: text });

async function pastedArticle(
  page: Page,
  app: { cli(args: string[]): Promise<{ code: number }> },
  headline: string,
  text = ARTICLE,
) {
  expect((await app.cli(['sample'])).code).toBe(0);
  await page
    .getByRole('navigation', { name: 'Artikel' })
    .getByRole('button', { name: 'Neuer Artikel' })
    .click();
  await page.getByRole('textbox', { name: 'Überschrift' }).fill(headline);
  await page.getByRole('tab', { name: 'Behauptungen' }).click();
  await body(page).click();
  await body(page).evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  // The last paragraph is in: the paste is done.
  await expect(body(page)).toContainText(text.slice(text.lastIndexOf('\n') + 1));
}

async function articleId(app: { cli(args: string[]): Promise<{ stdout: string }> }): Promise<string> {
  const list = JSON.parse((await app.cli(['articles', 'list', '--json'])).stdout) as { id: string }[];
  return list[0].id;
}

/** How many stretches of text each suggestion underline covers (CSS highlights are not elements). */
function underlines(page: Page) {
  return page.evaluate(() => ({
    quotes: CSS.highlights.get('factdesk-suggestion-quote')?.size ?? 0,
    claims: CSS.highlights.get('factdesk-suggestion')?.size ?? 0,
  }));
}

test.describe('suggestions', () => {
  test('suggests quotes with their speakers and a hedged amount, and an accepted quote links to a proposed fact', async ({
    page,
    app,
  }) => {
    await pastedArticle(page, app, 'Kowalczyk bleibt, Strivo zahlt');

    const kowalczyk = suggestionItem(page, 'Die Mannschaft bleibt zusammen');
    await expect(kowalczyk).toContainText('Zitat');
    await expect(kowalczyk).toContainText('SprecherJana Kowalczyk');
    await expect(suggestionItem(page, 'Wir verkaufen unsere besten Spielerinnen')).toContainText(
      'SprecherLutz Götze',
    );
    const amount = suggestionItem(page, /^Betrag.*sieben Millionen Euro/);
    await expect(amount).toContainText('Betrag7.000.000\u00a0€');
    await expect(amount).toContainText('Einschränkungsoll');
    await expect(amount).toContainText('ParteienStrivo → SV Rotheide');

    // Underlined in the text, but nothing in the document: no claim exists yet.
    await expect.poll(() => underlines(page)).toMatchObject({ quotes: 2 });
    expect((await underlines(page)).claims).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('list', { name: 'Behauptungen im Artikel' })).toHaveCount(0);

    await kowalczyk.getByRole('button', { name: /^Vorschlag übernehmen: „Die Mannschaft/ }).click();

    // The claim is made by the claims feature, as by hand, with the quote's kind.
    const claims = page.getByRole('list', { name: 'Behauptungen im Artikel' });
    await expect(
      claims.getByRole('button', { name: /^Im Text zeigen: „Die Mannschaft bleibt zusammen/ }),
    ).toBeVisible();
    await expect(claims.getByRole('listitem').first()).toContainText('Zitat');
    await expect(suggestionItem(page, 'Die Mannschaft bleibt zusammen')).toHaveCount(0);

    const proposals = suggestions(page).getByRole('list', { name: /^Passende Fakten für „Die Mannschaft/ });
    await expect(proposals.getByRole('listitem').first()).toContainText(
      'Zitat: Die Mannschaft bleibt zusammen, egal was im Sommer passiert.',
    );
    await expect(proposals.getByRole('listitem').first()).toContainText(
      'gleicher Sprecher, ähnlicher Wortlaut',
    );
    await proposals
      .getByRole('button', {
        name: 'Fakt verknüpfen: Die Mannschaft bleibt zusammen, egal was im Sommer passiert.',
      })
      .click();
    await expect(proposals.getByRole('listitem').first().getByRole('status')).toHaveText('Verknüpft');

    // The stored claim carries the link, as the CLI reads it.
    const id = await articleId(app);
    // Each CLI run starts Node afresh, which takes seconds on a loaded machine.
    await expect
      .poll(async () => JSON.parse((await app.cli(['claims', id, '--json'])).stdout).claims, {
        timeout: 30_000,
      })
      .toMatchObject([{ kind: 'quote', links: [{ type: 'quote', id: 'q-kowalczyk-1' }] }]);
    // The CLI finds the same suggestions in the saved article and proposes the same facts.
    const detected = JSON.parse((await app.cli(['detect', id, '--json'])).stdout) as {
      kind: string;
      speaker?: string;
      hedge?: string;
      value?: number;
      candidates?: string[];
    }[];
    expect(detected.filter((s) => s.kind === 'quote').map((s) => s.speaker)).toEqual([
      'Jana Kowalczyk',
      'Lutz Götze',
    ]);
    expect(detected.find((s) => s.kind === 'amount')).toMatchObject({
      value: 7000000,
      hedge: 'soll',
      candidates: ['deal-strivo-rotheide-frauen'],
    });
  });

  test('shows how a speaker was resolved: an anaphor, a surname, an unnamed spokesperson', async ({
    page,
    app,
  }) => {
    const text = [
      'Kapitänin Jana Kowalczyk hat ihren Vertrag beim SV Rotheide verlängert.',
      '„Ich fühle mich hier zu Hause“, sagte die 29-Jährige am Dienstag.',
      '„Jana ist ein Vorbild“, ergänzte ein Vereinssprecher. Laut „Almentaler Bote“ soll der Klub ihr Gehalt auf rund 90.000 Euro erhöht haben.',
    ].join('\n\n');
    await pastedArticle(page, app, 'Kowalczyk bleibt', text);
    await expect(suggestionItem(page, 'Ich fühle mich hier zu Hause')).toContainText(
      'die 29-Jährige → Jana Kowalczyk',
    );
    await expect(suggestionItem(page, 'Jana ist ein Vorbild')).toContainText(
      'Vereinssprecher (über die Funktion)',
    );
    await expect(suggestionItem(page, 'rund 90.000 Euro')).toContainText('QuelleAlmentaler Bote');
    // The quoted newspaper name is a title, not a quote.
    await expect(
      suggestionList(page)
        .getByRole('listitem')
        .filter({ hasText: 'Zitat' })
        .filter({ hasText: 'Almentaler Bote' }),
    ).toHaveCount(0);

    const detected = JSON.parse((await app.cli(['detect', await articleId(app), '--json'])).stdout) as {
      kind: string;
      speaker?: string;
      speakerKind?: string;
      speakerVia?: string;
      source?: string;
    }[];
    expect(detected.filter((s) => s.kind === 'quote').map((s) => [s.speaker, s.speakerKind])).toEqual([
      ['Jana Kowalczyk', 'anaphor'],
      ['Vereinssprecher', 'role'],
    ]);
    expect(detected.find((s) => s.kind === 'amount')).toMatchObject({ source: 'Almentaler Bote' });
  });

  test('a dismissed suggestion stays hidden for the article after an edit above it and a restart, until shown again', async ({
    page,
    app,
  }) => {
    await pastedArticle(page, app, 'Verworfen bleibt verworfen');
    const amount = suggestionItem(page, /^Betrag.*sieben Millionen Euro/);
    await amount.getByRole('button', { name: 'Vorschlag verwerfen: sieben Millionen Euro' }).click();
    await expect(amount).toHaveCount(0);
    // The keyboard stays in the list.
    await expect(
      suggestionList(page)
        .getByRole('button', { name: /im Text zeigen$/ })
        .last(),
    ).toBeFocused();

    // Typing above the amount moves it; once the new date is suggested, detection has run again
    // over the moved text, and the dismissal still holds by its words.
    await body(page).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Am 3. März trafen sich beide Seiten. ');
    await expect(suggestionItem(page, /^Datum.*3\. März/)).toBeVisible();
    await expect(amount).toHaveCount(0);

    await app.restart();
    await page
      .getByRole('navigation', { name: 'Artikel' })
      .getByRole('option', { name: /Verworfen bleibt verworfen/ })
      .click();
    await page.getByRole('tab', { name: 'Behauptungen' }).click();
    await expect(suggestionItem(page, 'Die Mannschaft bleibt zusammen')).toBeVisible();
    await expect(amount).toHaveCount(0);

    await suggestions(page).getByText('1 verworfen').click();
    await suggestions(page).getByRole('button', { name: 'Wieder zeigen: sieben Millionen Euro' }).click();
    await expect(amount).toBeVisible();
  });

  test('accept and dismiss work from the keyboard alone', async ({ page, app }) => {
    await pastedArticle(page, app, 'Nur Tastatur');
    const first = suggestionList(page)
      .getByRole('button', { name: /im Text zeigen$/ })
      .first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect(
      suggestionList(page)
        .getByRole('button', { name: /im Text zeigen$/ })
        .nth(1),
    ).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(first).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: /^Vorschlag übernehmen: „Die Mannschaft/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('list', { name: 'Behauptungen im Artikel' }).getByRole('listitem'),
    ).toHaveCount(1);

    // Focus stays in the list: the next suggestion; from there Tab twice reaches its dismiss button.
    const next = suggestionList(page)
      .getByRole('button', { name: /im Text zeigen$/ })
      .first();
    await expect(next).toBeFocused();
    const label = (await next.getAttribute('aria-label'))!
      .replace(/^[^:]+: /, '')
      .replace(/ – im Text zeigen$/, '');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: `Vorschlag verwerfen: ${label}` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(
      suggestionList(page).getByRole('button', { name: `Vorschlag übernehmen: ${label}` }),
    ).toHaveCount(0);
  });

  test('in a long article, underlines the suggestions near the screen and follows scrolling', async ({
    page,
    app,
  }) => {
    // 120 paragraphs, each with a hedged amount: far more than fit on a screen.
    const long = Array.from(
      { length: 120 },
      (_, i) => `Absatz ${i + 1}: Der Sender soll dem Verein ${i + 2} Millionen Euro gezahlt haben.`,
    ).join('\n\n');
    await pastedArticle(page, app, 'Lange Liste', long);
    await expect(suggestionItem(page, /121 Millionen Euro/)).toHaveCount(1);

    /** Paragraph numbers whose text carries an underline. */
    const underlined = () =>
      page.evaluate(() =>
        [...(CSS.highlights.get('factdesk-suggestion') ?? [])].map((r) =>
          Number(/Absatz (\d+)/.exec((r as Range).startContainer.textContent ?? '')?.[1]),
        ),
      );
    // The paste leaves the caret, and the view, at the end.
    await expect.poll(underlined).toContain(120);
    const atEnd = await underlined();
    expect(atEnd).not.toContain(1);
    expect(atEnd.length).toBeLessThan(120);

    await page.keyboard.press('Control+Home');
    await expect.poll(underlined).toContain(1);
    expect(await underlined()).not.toContain(120);
  });
});
