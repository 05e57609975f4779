import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type HandlerContext } from '../../src/main/handlers';
import { DATABASE_FILE, openDatabase } from '../../src/store/db';
import { recordFigure } from './figures';

/**
 * Disk full and a read-only data folder, on a small tmpfs mounted for the test (root only; the
 * suite says so and is skipped where mounting is not allowed). A save that cannot be written is
 * refused with a message saying why, the stored article stays as it was and intact, and the same
 * save goes through once there is space again.
 */
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-diskfull-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  mounted = true;
} catch {
  mounted = false;
}

let ctx: HandlerContext;
const dataDir = path.join(mountPoint, 'data');
const filler = path.join(mountPoint, 'filler');

const text = (t: string) => ({
  type: 'text',
  version: 1,
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text: t,
});
const bodyOf = (paragraphs: string[]) => ({
  schemaVersion: 1 as const,
  editorState: {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: paragraphs.map((p) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [text(p)],
      })),
    },
  },
});

function fillDisk(): void {
  const chunk = Buffer.alloc(64 * 1024, 1);
  const fd = fs.openSync(filler, 'a');
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
}

beforeAll(() => {
  if (!mounted) return;
  fs.mkdirSync(dataDir);
  ctx = {
    db: openDatabase(path.join(dataDir, DATABASE_FILE)),
    dataDir,
    appVersion: 'test',
    os: { userName: 'Erika Prüfer', locale: 'de-DE', platform: 'linux' },
    platform: { kind: 'test', nativeMenu: false, openExternal: async () => false },
  };
});
afterAll(() => {
  if (ctx?.db.open) ctx.db.close();
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

describe.skipIf(!mounted)('disk full and read-only data folder (tmpfs)', () => {
  it('refuses a save on a full disk saying why, keeps what was stored, and saves once space is back', async () => {
    const created = await dispatch(
      'articles:create',
      { headline: 'SV Rotheide schlägt FC Nordhafen', language: 'de' },
      ctx,
    );
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.meta.id;
    const first = await dispatch(
      'articles:save',
      { id, baseRev: created.value.rev, body: bodyOf(['Erster Absatz, gespeichert.']) },
      ctx,
    );
    if (!first.ok) throw new Error(first.error.message);

    fillDisk();
    // Much more text than the little space left: the write cannot fit.
    const long = bodyOf(
      Array.from({ length: 400 }, (_, i) =>
        `Absatz ${i}: Lena Kowalczyk trifft in der ${i}. Minute. `.repeat(8),
      ),
    );
    const refused = await dispatch(
      'articles:save',
      { id, baseRev: (first.value as { rev: number }).rev, body: long },
      ctx,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).not.toBe('internal');
      expect(refused.error.message).toMatch(/disk is full/i);
    }
    const stored = await dispatch('articles:get', { id }, ctx);
    expect(stored.ok && JSON.stringify(stored.value.body)).toContain('Erster Absatz, gespeichert.');
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');

    fs.rmSync(filler);
    const again = await dispatch(
      'articles:save',
      { id, baseRev: (first.value as { rev: number }).rev, body: long },
      ctx,
    );
    expect(again.ok, again.ok ? '' : again.error.message).toBe(true);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a save in a read-only data folder saying why, and saves once it is writable again', async () => {
    const created = await dispatch('articles:create', { headline: 'Nur lesbar', language: 'de' }, ctx);
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.meta.id;
    // Linux refuses to remount a file system read-only under an open database (EBUSY), so the
    // store is reopened the way SQLite sees such a folder: a connection that cannot write.
    ctx.db.close();
    ctx.db = openDatabase(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const refused = await dispatch(
      'articles:save',
      { id, baseRev: created.value.rev, body: bodyOf(['Text, der warten muss.']) },
      ctx,
    ).catch((err: unknown) => ({ ok: false as const, error: { code: 'thrown', message: String(err) } }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).not.toBe('internal');
      expect(refused.error.message).toMatch(/read-only/i);
    }
    ctx.db.close();
    ctx.db = openDatabase(path.join(dataDir, DATABASE_FILE));
    const again = await dispatch(
      'articles:save',
      { id, baseRev: created.value.rev, body: bodyOf(['Text, der warten muss.']) },
      ctx,
    );
    expect(again.ok, again.ok ? '' : again.error.message).toBe(true);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    recordFigure({
      suite: 'Disk full / read-only',
      tried:
        '6 MB tmpfs filled to ENOSPC; a read-only connection; each save refused with its reason, then retried and saved',
      lost: 0,
      executed: 0,
      partial: 0,
    });
  });
});

if (!mounted) {
  recordFigure({
    suite: 'Disk full / read-only',
    tried: 'skipped: mounting a tmpfs needs root',
    lost: 0,
    executed: 0,
    partial: 0,
    note: 'not run on this machine',
  });
}
