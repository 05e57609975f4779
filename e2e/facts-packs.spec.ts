import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { ROOT } from './harness';

test.describe('facts: fact packs', () => {
  test('exports a fact pack and re-imports it without any change', async ({ page, app }) => {
    expect((await app.cli(['sample'])).code).toBe(0);
    await page.reload();
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    const exportPack = async (name: string) => {
      await panel.getByRole('button', { name: 'Fact packs' }).click();
      const downloading = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: 'Export fact pack' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^factpack-\d{4}-\d{2}-\d{2}\.json$/);
      const file = path.join(app.dataDir, name);
      await download.saveAs(file);
      return file;
    };
    const withoutTime = (file: string) => {
      const pack = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      delete pack.exportedAt;
      return pack;
    };

    const first = await exportPack('first.json');
    const exported = withoutTime(first) as { format: string; quotes: unknown[] };
    expect(exported.format).toBe('factdesk-factpack');
    expect(exported.quotes.length).toBeGreaterThanOrEqual(40);

    await panel.getByRole('button', { name: 'Fact packs' }).click();
    await page.getByRole('menuitem', { name: 'Import fact pack…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import fact pack' });
    await dialog.getByLabel('Choose fact pack…').setInputFiles(first);
    const done = dialog.getByRole('status');
    await expect(done).toContainText('Fact pack imported.');
    await expect(done).toContainText('Added: nothing.');
    await expect(done).toContainText('Changed 0 records.');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The store holds exactly what it held before.
    expect(withoutTime(await exportPack('second.json'))).toEqual(exported);
  });

  test('asks before a pack changes existing records, and applies it only when confirmed', async ({
    page,
    app,
  }) => {
    await app.cli(['sample']);
    await page.reload();
    const sample = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'resources', 'sample', 'factpack.sample.json'), 'utf8'),
    ) as {
      deals: { id: string; status: string }[];
    };
    sample.deals.find((d) => d.id === 'deal-ostergaard-rumour')!.status = 'withdrawn';
    const file = path.join(app.dataDir, 'changed.json');
    fs.writeFileSync(file, JSON.stringify(sample));

    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    const dealStatus = async () => {
      await panel.getByRole('searchbox', { name: 'Search facts' }).fill('"Möglicher Wechsel von Ruben"');
      const option = panel.getByRole('listbox', { name: 'Search results' }).getByRole('option');
      await expect(option).toHaveCount(1);
      return option;
    };
    await panel.getByRole('button', { name: 'Fact packs' }).click();
    await page.getByRole('menuitem', { name: 'Import fact pack…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import fact pack' });
    await dialog.getByLabel('Choose fact pack…').setInputFiles(file);
    await expect(dialog).toContainText(
      'This pack would change 1 record that is already in the store. Nothing has been written yet.',
    );
    await expect(dialog).toContainText('status: "denied" → "withdrawn"');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(await dealStatus()).toContainText('Denied');

    await panel.getByRole('button', { name: 'Fact packs' }).click();
    await page.getByRole('menuitem', { name: 'Import fact pack…' }).click();
    await dialog.getByLabel('Choose fact pack…').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Apply changes' }).click();
    await expect(dialog.getByRole('status')).toContainText('Changed 1 record.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(await dealStatus()).toContainText('Withdrawn');
  });

  test('lists every problem of a bad pack with its JSON path and writes nothing', async ({ page, app }) => {
    const file = path.join(app.dataDir, 'bad.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'factdesk-factpack',
        version: 1,
        entities: [{ id: 'e1', kind: 'club', name: 'TSV Nordwald' }],
        deals: [
          {
            id: 'd1',
            kind: 'transfer',
            payerId: 'e1',
            payeeId: 'e1',
            subject: 'Wechsel',
            amountMinor: 'viel',
            currency: 'EUR',
            precision: 'exact',
            status: 'confirmed',
          },
        ],
      }),
    );
    const panel = page.getByRole('complementary', { name: 'Facts and claims' });
    await panel.getByRole('button', { name: 'Import fact pack…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import fact pack' });
    await dialog.getByLabel('Choose fact pack…').setInputFiles(file);
    const problems = dialog.getByRole('alert');
    await expect(problems).toContainText('The fact pack was not imported; nothing was written. 1 problem:');
    await expect(problems).toContainText('$.deals[0].amountMinor must be a number');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const stats = JSON.parse((await app.cli(['facts', 'export'])).stdout) as {
      entities: unknown[];
      deals: unknown[];
    };
    expect([stats.entities.length, stats.deals.length]).toEqual([0, 0]);
    await expect(panel.getByRole('note', { name: 'No verified facts yet' })).toBeVisible();
  });
});
