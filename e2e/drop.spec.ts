import { test, expect } from './fixtures';
import { newArticle, body, statusBar } from './articleSteps';

/** Dropping into the editor shares the paste sanitiser; nothing dropped may stop autosave. */

const HOSTILE_HTML = `<p>Bericht von <a href="javascript:window.__dropRan='link'">FC Nordhafen</a>
  <img src="x-missing.png" onerror="window.__dropRan='onerror'"><b style="background-image:url(https://tracker.example/p.gif)">fett</b></p>`;

/** A Lexical clipboard payload as another editor would write it, with a link the store refuses. */
const LEXICAL_JSON = JSON.stringify({
  namespace: 'factdesk-article',
  nodes: [
    {
      type: 'link',
      version: 1,
      url: 'javascript:alert(1)',
      rel: null,
      target: null,
      title: null,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'text',
          version: 1,
          text: 'Klick mich',
          detail: 0,
          format: 0,
          mode: 'normal',
          style: 'color:red',
        },
      ],
    },
  ],
});

test.describe('drop into the editor', () => {
  test('a dropped page goes through the paste sanitiser and autosave goes on', async ({ page, app }) => {
    await newArticle(page, 'Gezogen');
    await body(page).click();
    await page.keyboard.type('Vorher. ');
    // What the browser reports for a drop from another page: an insertFromDrop input carrying its data.
    await body(page).evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Bericht von FC Nordhafen fett');
      el.dispatchEvent(
        new InputEvent('beforeinput', {
          inputType: 'insertFromDrop',
          dataTransfer: data,
          bubbles: true,
          cancelable: true,
        }),
      );
    }, HOSTILE_HTML);
    await expect(body(page)).toContainText('Bericht von FC Nordhafen');
    await expect(body(page).getByRole('link')).toHaveCount(0);
    await page.keyboard.type('Danach.');
    await expect(statusBar(page)).toContainText('Saved');
    await expect(statusBar(page)).not.toContainText('Not saved');

    const listed = JSON.parse((await app.cli(['articles', 'list', '--json'])).stdout) as { id: string }[];
    const shown = (await app.cli(['articles', 'show', listed[0].id, '--json'])).stdout;
    expect(shown).toContain('FC Nordhafen');
    expect(shown).not.toMatch(/javascript:|tracker\.example|onerror/);
    expect(
      await page.evaluate(() => (window as unknown as { __dropRan?: string }).__dropRan),
    ).toBeUndefined();
  });

  test('a drop carrying Lexical’s own format is not read from that format', async ({ page }) => {
    await newArticle(page, 'Lexical-Drop');
    await body(page).click();
    await page.keyboard.type('Text bleibt speicherbar.');
    await expect(statusBar(page)).toContainText('Saved');
    await body(page).evaluate((el, json) => {
      const box = el.getBoundingClientRect();
      const data = new DataTransfer();
      data.setData('application/x-lexical-editor', json);
      data.setData('application/x-lexical-drag', JSON.stringify({ editorKey: 'another-editor' }));
      data.setData('text/plain', 'Klick mich');
      const at = {
        clientX: box.left + 20,
        clientY: box.top + 10,
        dataTransfer: data,
        bubbles: true,
        cancelable: true,
      };
      el.dispatchEvent(new DragEvent('dragover', at));
      el.dispatchEvent(new DragEvent('drop', at));
    }, LEXICAL_JSON);
    await expect(body(page).getByRole('link')).toHaveCount(0);
    await page.keyboard.type(' Noch ein Satz.');
    await expect(statusBar(page)).toContainText('Saved');
    await expect(statusBar(page)).not.toContainText('Not saved');
  });
});
