import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { printHtmlToPdf } from '../src/main/export/pdf';
import { SAVED_PAGE } from '../src/main/sources/pressRelease.fixture';
import { body, newArticle } from './articleSteps';
import { test, expect } from './fixtures';

// Source documents (issue 17): a press release as PDF and a saved web page become sources,
// a phrase of each is found in the fact search, a passage is cited with its page, linked to a
// claim and opened from the claim. English UI; everything found by role and accessible name.
test.describe.configure({ timeout: 240_000 });

const PDF_TITLE = 'Pressemitteilung SV Rotheide';
const PAGE_TITLE = 'Wintertransfer: Jonas Wróblewski kommt | FC Nordhafen';
const PHRASE = 'verpflichtet Lena Kowalczyk';

let dir: string;
let pdfFile: string;
let pageFile: string;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-e2e-sources-'));
  const pages = [
    'Seite eins: Einladung zur Pressekonferenz.',
    `Der SV Rotheide ${PHRASE} vom FC Nordhafen bis 2029.`,
    'Seite drei: Kontakt.',
  ];
  const html = pages.map((p) => `<section style="break-after: page"><p>${p}</p></section>`).join('');
  const pdf = await printHtmlToPdf(
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${PDF_TITLE}</title></head><body>${html}</body></html>`,
  );
  pdfFile = path.join(dir, 'pressemitteilung.pdf');
  fs.writeFileSync(pdfFile, pdf);
  pageFile = path.join(dir, 'wintertransfer.html');
  fs.writeFileSync(pageFile, SAVED_PAGE);
});
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const panel = (page: Page) => page.getByRole('complementary', { name: 'Facts and claims' });
const viewer = (page: Page) => panel(page).getByRole('region', { name: 'Document text' });

async function addSourceFile(page: Page, file: string) {
  await panel(page).getByRole('tab', { name: 'Facts' }).click();
  await panel(page).getByRole('button', { name: 'New' }).click();
  await page.getByRole('menuitem', { name: 'Source from file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source from a file' });
  await dialog.getByText('Choose file…').setInputFiles(file);
  await expect(dialog).toBeHidden();
}

async function searchFacts(page: Page, query: string) {
  const back = panel(page).getByRole('button', { name: /Back to results|^← Back$/ });
  while (await back.isVisible()) await back.click();
  await panel(page).getByRole('searchbox', { name: 'Search facts' }).fill(query);
  return panel(page).getByRole('listbox', { name: 'Search results' });
}

test('attach a PDF and a saved page, find them by a phrase, cite a page, link it to a claim and open it from the claim', async ({
  page,
  app,
}) => {
  expect((await app.cli(['sample'])).code).toBe(0);
  await page.reload();

  // The PDF: read in the background, then shown page by page.
  await addSourceFile(page, pdfFile);
  await expect(panel(page).getByRole('article', { name: `Source: ${PDF_TITLE}` })).toBeVisible();
  await expect(viewer(page).getByRole('region', { name: 'Page 3' })).toBeVisible({ timeout: 60_000 });
  await expect(viewer(page).getByRole('region', { name: 'Page 2' })).toContainText(PHRASE);
  // Above the text, the page itself, drawn in the main process; Next page draws the next one.
  const rendered = viewer(page).getByRole('region', { name: 'Rendered page' });
  await expect(rendered.getByRole('img', { name: 'Page 1 of 3, rendered' })).toBeVisible();
  await rendered.getByRole('button', { name: 'Next page' }).click();
  const second = rendered.getByRole('img', { name: 'Page 2 of 3, rendered' });
  await expect(second).toBeVisible({ timeout: 30_000 });
  expect(await second.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(500);

  // The saved page: title and original address from the file, no script text, numbered paragraphs.
  await addSourceFile(page, pageFile);
  const pageSource = panel(page).getByRole('article', { name: `Source: ${PAGE_TITLE}` });
  await expect(pageSource).toContainText('https://www.fc-nordhafen.example/news/wintertransfer');
  await expect(viewer(page)).toContainText(
    'Die Ablösesumme liegt nach Vereinsangaben bei 1,8 Millionen Euro.',
  );
  await expect(viewer(page)).not.toContainText('hacked');

  // A phrase from each is found in the fact search, with where it stands.
  let results = await searchFacts(page, `"${PHRASE}"`);
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option')).toContainText(PDF_TITLE);
  await expect(results.getByRole('option')).toContainText('p. 2');
  results = await searchFacts(page, '"1,8 Millionen Euro"');
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option')).toContainText(PAGE_TITLE);

  // Cite a passage of the PDF found by searching inside it: locator "p. 2", backing a quote.
  results = await searchFacts(page, PDF_TITLE);
  await results.getByRole('option', { name: new RegExp(PDF_TITLE) }).click();
  await viewer(page).getByRole('searchbox', { name: 'Search in document' }).fill(PHRASE);
  await expect(viewer(page)).toContainText('1 match');
  await viewer(page).getByRole('button', { name: 'Cite passage…' }).click();
  const cite = page.getByRole('dialog', { name: 'Cite a passage' });
  await expect(cite.getByRole('textbox', { name: 'Locator' })).toHaveValue('p. 2');
  await expect(cite.getByRole('textbox', { name: 'Passage' })).toHaveValue(
    `Der SV Rotheide ${PHRASE} vom FC Nordhafen bis 2029.`,
  );
  await cite.getByRole('combobox', { name: 'Fact it backs (deal or quote)' }).fill('Rotheide zu verlassen');
  await cite.getByRole('option').first().click();
  await cite.getByRole('button', { name: 'Save citation' }).click();
  await expect(cite).toBeHidden();
  await expect(viewer(page).getByRole('status')).toContainText('Citation saved:');
  await expect(viewer(page).getByRole('status')).toContainText('– p. 2');
  const source = panel(page).getByRole('article', { name: `Source: ${PDF_TITLE}` });
  await expect(source.getByRole('region', { name: 'Backs these facts' })).toContainText('p. 2');

  // A claim links straight to the passage from the Link facts dialog.
  await newArticle(page, 'Kowalczyk wechselt nach Rotheide');
  await body(page).click();
  await page.keyboard.type('Kowalczyk unterschreibt bis 2029');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+Shift+M');
  await panel(page).getByRole('tab', { name: 'Claims' }).click();
  const claim = panel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Show in text: Kowalczyk unterschreibt bis 2029' }) });
  await claim.getByRole('button', { name: /^Show in text/ }).click();
  await claim.getByRole('button', { name: 'Link facts…' }).click();
  const link = page.getByRole('dialog', { name: 'Link facts to the claim' });
  await link.getByRole('combobox', { name: 'Kinds of facts' }).selectOption({ label: 'All kinds' });
  await link.getByRole('searchbox', { name: 'Search facts' }).fill(`"${PHRASE}"`);
  await expect(link.getByText('Found at p. 2:')).toBeVisible();
  await link.getByRole('button', { name: `Link the passage p. 2 of “${PDF_TITLE}”` }).click();
  await expect(link.getByRole('button', { name: `Link the passage p. 2 of “${PDF_TITLE}”` })).toBeDisabled();
  await link.getByRole('button', { name: 'Done' }).click();

  // Opening the locator from the claim shows the source at page 2 with the passage marked.
  await claim.getByRole('button', { name: `Open “${PDF_TITLE}” at p. 2` }).click();
  await expect(panel(page).getByRole('tab', { name: 'Facts' })).toHaveAttribute('aria-selected', 'true');
  const page2 = viewer(page).getByRole('region', { name: 'Page 2' });
  await expect(page2).toBeFocused();
  await expect(page2.locator('mark.source-place')).toContainText(PHRASE);

  // The same place is listed beside the fact-check report.
  await panel(page).getByRole('tab', { name: 'Claims' }).click();
  await panel(page).getByRole('button', { name: 'Fact-check report' }).click();
  const report = page.getByRole('dialog', { name: 'Fact-check report' });
  await report
    .getByRole('region', { name: 'Cited places' })
    .getByRole('button', { name: `Open “${PDF_TITLE}” at p. 2` })
    .click();
  await expect(report).toBeHidden();
  await expect(viewer(page).getByRole('region', { name: 'Page 2' })).toBeFocused();
});
