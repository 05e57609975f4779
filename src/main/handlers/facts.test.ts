import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedFilePath } from '../../store/files';
import { dispatch, type HandlerContext } from './index';
import { tempContext } from './testing';

let ctx: HandlerContext;
let dir: string;
beforeEach(() => {
  ctx = tempContext({ prefix: 'factdesk-facts-handlers-', userName: 'os-user', locale: 'de-DE' });
  dir = ctx.dataDir;
});
afterEach(() => {
  ctx.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function value<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('facts handlers', () => {
  it('loads the sample pack: at least 20 deals and 40 quotes, in German and English', async () => {
    const report = await value(dispatch('facts:load-sample', {}, ctx));
    expect(report.applied).toBe(true);
    const stats = await value(dispatch('facts:stats', {}, ctx));
    expect(stats.deals).toBeGreaterThanOrEqual(20);
    expect(stats.quotes).toBeGreaterThanOrEqual(40);
    const languages = ctx.db.prepare('SELECT DISTINCT language FROM quotes ORDER BY language').pluck().all();
    expect(languages).toEqual(['de', 'en']);
    // Loading it again changes nothing.
    const again = await value(dispatch('facts:load-sample', {}, ctx));
    expect(again).toMatchObject({ applied: true, changes: [], created: { deals: 0, quotes: 0 } });
  });

  it('refuses a deal with a bad amount, naming the field, and saves nothing', async () => {
    const result = await dispatch(
      'facts:deal-create',
      {
        kind: 'transfer',
        subject: 'Test',
        amountMinor: 'fünf' as unknown as number,
        currency: 'EUR',
        precision: 'exact',
        status: 'reported',
      },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.fields).toEqual([{ path: 'amountMinor', message: 'must be a number' }]);
    expect(ctx.db.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(0);
  });

  it('creates a quote by a speaker created on the way, and audits both under the settings user', async () => {
    await value(dispatch('settings:update', { userName: 'Mira Faktencheck' }, ctx));
    const speaker = await value(
      dispatch('facts:entity-create', { kind: 'person', name: 'Ida Sørensen' }, ctx),
    );
    const quote = await value(
      dispatch(
        'facts:quote-create',
        {
          speakerId: speaker.id,
          wording: 'Wir greifen an.',
          language: 'de',
          occasion: 'interview',
          status: 'unverified',
        },
        ctx,
      ),
    );
    const view = await value(dispatch('facts:quote-get', { id: quote.id }, ctx));
    expect(view.speaker).toEqual({ id: speaker.id, name: 'Ida Sørensen', kind: 'person' });
    const audit = await value(dispatch('facts:audit', { recordType: 'quote', recordId: quote.id }, ctx));
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', user: 'Mira Faktencheck', via: 'app' }),
    ]);
    const found = await value(dispatch('facts:search', { query: 'Sorensen' }, ctx));
    expect(found.hits.map((h) => h.id)).toEqual([speaker.id]);
  });

  it('attaches a file sent as base64 and serves it back', async () => {
    const source = await value(
      dispatch('facts:source-create', { kind: 'document', title: 'Vertragsentwurf' }, ctx),
    );
    const bytes = Buffer.from('erfundener Vertragsentwurf, Seite 1');
    const attached = await value(
      dispatch(
        'facts:source-attach-file',
        { sourceId: source.id, fileName: 'entwurf.txt', base64: bytes.toString('base64') },
        ctx,
      ),
    );
    expect(fs.readFileSync(storedFilePath(dir, attached.fileHash!))).toEqual(bytes);
    const file = await value(dispatch('facts:source-file', { sourceId: source.id }, ctx));
    expect(file).toEqual({ fileName: 'entwurf.txt', size: bytes.length, base64: bytes.toString('base64') });
  });

  it('exports a pack and re-imports it without changes', async () => {
    await value(dispatch('facts:load-sample', {}, ctx));
    const pack = await value(dispatch('facts:export-pack', {}, ctx));
    const report = await value(
      dispatch('facts:import-pack', { pack: JSON.parse(JSON.stringify(pack)) }, ctx),
    );
    expect(report).toMatchObject({ applied: true, changes: [], needsConfirmation: false });
    expect(report.unchanged.quotes).toBe(pack.quotes.length);
  });

  it('answers an import of something that is not a pack with problems, not an error', async () => {
    const report = await value(dispatch('facts:import-pack', { pack: { hello: 'world' } }, ctx));
    expect(report.applied).toBe(false);
    expect(report.problems[0].path).toBe('$.format');
  });

  it('suggests the role a speaker held on the quote date', async () => {
    await value(dispatch('facts:load-sample', {}, ctx));
    expect(
      await value(dispatch('facts:role-at', { personId: 'ent-goetze', date: '2023-11-20' }, ctx)),
    ).toEqual({
      roleAtTime: 'Sportdirektor, FC Almental',
    });
  });
});

describe('backups around fact-pack imports', () => {
  it('backs up before a pack that writes, and not before one that changes nothing', async () => {
    const { listBackups } = await import('../../store/backups');
    const first = await dispatch('facts:load-sample', {}, ctx);
    expect(first.ok).toBe(true);
    const backups = listBackups(ctx.dataDir);
    expect(backups.map((b) => b.reason)).toEqual(['before-import']);
    // The backup holds the store as it was before the pack: no deals yet.
    const Database = (await import('better-sqlite3')).default;
    const copy = new Database(backups[0].file, { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) FROM deals').pluck().get()).toBe(0);
    copy.close();

    const again = await dispatch('facts:load-sample', {}, ctx);
    expect(again.ok).toBe(true);
    expect(listBackups(ctx.dataDir)).toHaveLength(1);
  });
});
