import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type HandlerContext } from '../../src/main/handlers';
import { createContext } from '../../src/main/runtime';
import { DATABASE_FILE, openDatabase } from '../../src/store/db';
import { recordFigure } from './figures';

/**
 * Disk full and a read-only data folder, on a small tmpfs mounted for the test (root only; the
 * suite says so and is skipped where mounting is not allowed), through the handlers. A save that
 * cannot be written is refused with a message saying why and naming the folder, the stored
 * article stays as it was and intact, and the same save goes through once there is space again
 * or the folder is writable again. e2e/disk-readonly.spec.ts does the same under the running app.
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
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
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
      expect(refused.error.message).toContain(`the disk holding the data folder ${dataDir} is full`);
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

  it('starts on a data folder mounted read-only, refuses a save naming the folder, and saves once it is writable again', async () => {
    const created = await dispatch('articles:create', { headline: 'Nur lesbar', language: 'de' }, ctx);
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.meta.id;
    // Linux refuses to remount a file system read-only under an open database (EBUSY): the app
    // closes, the folder goes read-only, the app starts again on it.
    ctx.db.close();
    const database = path.join(dataDir, DATABASE_FILE);
    const stored = sha256(database);
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    ctx = createContext({ dataDir, platform: ctx.platform, locale: 'de-DE' });
    expect(ctx.reopenWritable).toBeTypeOf('function');
    const readBack = await dispatch('articles:get', { id }, ctx);
    expect(readBack.ok).toBe(true);
    const refused = await dispatch(
      'articles:save',
      { id, baseRev: created.value.rev, body: bodyOf(['Text, der warten muss.']) },
      ctx,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('storage');
      expect(refused.error.storage).toEqual({ problem: 'read-only', folder: dataDir });
      expect(refused.error.message).toContain(`the data folder ${dataDir} is read-only`);
    }
    expect(sha256(database)).toBe(stored);

    execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    const again = await dispatch(
      'articles:save',
      { id, baseRev: created.value.rev, body: bodyOf(['Text, der warten muss.']) },
      ctx,
    );
    expect(again.ok, again.ok ? '' : again.error.message).toBe(true);
    expect(ctx.reopenWritable).toBeUndefined();
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    recordFigure({
      suite: 'Disk full / read-only',
      tried:
        '6 MB tmpfs filled to ENOSPC; the same tmpfs remounted read-only and the store opened on it; each save refused with its reason naming the folder, then saved once there was room / it was writable',
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
