import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedFacts, tester } from '../../store/fact-fixtures';
import { storedFilePath } from '../../store/files';
import { attachFile } from '../../store/sources';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

let ctx: HandlerContext;
beforeEach(() => {
  ctx = tempContext({ prefix: 'factdesk-backup-handlers-' });
});
afterEach(() => disposeContext(ctx));

async function value<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('backups channels', () => {
  it('lists, takes and restores backups, keeping the state before the restore as a backup', async () => {
    await value(dispatch('articles:create', { headline: 'SV Rotheide gewinnt' }, ctx));
    const taken = await value(dispatch('backups:create', {}, ctx));
    expect(taken.reason).toBe('manual');
    await value(dispatch('articles:create', { headline: 'FC Nordhafen verliert' }, ctx));
    expect(await value(dispatch('articles:list', {}, ctx))).toHaveLength(2);

    const restored = await value(dispatch('backups:restore', { name: taken.name }, ctx));
    expect(restored.restored.name).toBe(taken.name);
    expect(restored.safety.reason).toBe('before-restore');
    expect((await value(dispatch('articles:list', {}, ctx))).map((a) => a.headline)).toEqual([
      'SV Rotheide gewinnt',
    ]);

    const listed = await value(dispatch('backups:list', {}, ctx));
    expect(listed.backups.map((b) => b.reason).sort()).toEqual(['before-restore', 'manual']);
    // Undoing the restore is restoring the safety copy.
    await value(dispatch('backups:restore', { name: restored.safety.name }, ctx));
    expect(await value(dispatch('articles:list', {}, ctx))).toHaveLength(2);
  });

  it('restores references to attached files that still exist and counts those that are gone', async () => {
    seedFacts(ctx.db);
    const kept = attachFile(
      ctx.db,
      ctx.dataDir,
      'src-kurier',
      'protokoll.txt',
      new TextEncoder().encode('Protokoll (erfunden)'),
      tester,
    );
    const lost = attachFile(
      ctx.db,
      ctx.dataDir,
      'src-pk',
      'mitschrift.txt',
      new TextEncoder().encode('Mitschrift (erfunden)'),
      tester,
    );
    const taken = await value(dispatch('backups:create', {}, ctx));
    expect(taken.files).toBe(2);
    // Many backups refer to the same files; none copies them.
    expect(
      fs.readdirSync(path.join(ctx.dataDir, 'backups')).filter((n) => !/\.(sqlite|json)$/.test(n)),
    ).toEqual([]);
    fs.rmSync(storedFilePath(ctx.dataDir, lost.fileHash!));

    const restored = await value(dispatch('backups:restore', { name: taken.name }, ctx));
    expect(restored.missingFiles).toBe(1);
    expect(fs.existsSync(storedFilePath(ctx.dataDir, kept.fileHash!))).toBe(true);
  });

  it('refuses names outside the backups folder and names it has not made', async () => {
    const outside = await dispatch('backups:restore', { name: '../factdesk.sqlite' }, ctx);
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.error.fields?.[0].path).toBe('name');
    const unknown = await dispatch(
      'backups:restore',
      { name: 'factdesk-2026-12-06T10-00-00-000Z-manual.sqlite' },
      ctx,
    );
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('not_found');
  });
});
