import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestWorker } from '../transfer-worker/buildWorker.testing';
import { importJob } from '../transfer-worker/jobs';
import { TransferPool } from '../transfer-worker/pool';
import type { ChannelInput } from '../../shared/contract';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, seedArticle, tempContext, value } from './transfer.fixture';

/** The transfer handlers with the shells' worker pool: what a user gets, and nothing half-done when the worker fails. */

let built: Awaited<ReturnType<typeof buildTestWorker>>;
let ctx: HandlerContext;
let articleId: string;
let out: string;
let pool: TransferPool;

beforeAll(async () => {
  built = await buildTestWorker();
});
afterAll(() => built.remove());
beforeEach(async () => {
  ctx = tempContext('factdesk-transfer-worker-');
  articleId = await seedArticle(ctx);
  out = path.join(ctx.dataDir, 'out');
});
afterEach(async () => {
  await pool.close();
  disposeContext(ctx);
});

/** A pool whose first worker exits as soon as it gets a request; later ones are real. */
function crashingFirst(): TransferPool {
  let crashed = false;
  return new TransferPool({
    workerPath: built.file,
    size: 1,
    createWorker: (file) => {
      if (crashed) return new Worker(file);
      crashed = true;
      return new Worker("require('node:worker_threads').parentPort.on('message', () => process.exit(9));", {
        eval: true,
      });
    },
  });
}

const markdown = '# Rotheide holt Kowalczyk\n\nDer Wechsel ist **perfekt**.\n';
const importInput: ChannelInput<'import:file'> = {
  name: 'artikel.md',
  bytesBase64: Buffer.from(markdown).toString('base64'),
};

describe('imports and exports through the transfer worker', () => {
  it('imports and exports as the handlers do inline', async () => {
    pool = new TransferPool({ workerPath: built.file, size: 1 });
    const imported = await value(dispatch('import:file', importInput, { ...ctx, transfer: pool }));
    const inline = await value(dispatch('import:file', importInput, ctx));
    expect(imported.headline).toBe('Rotheide holt Kowalczyk');
    expect({ ...imported, articleId: '' }).toEqual({ ...inline, articleId: '' });

    for (const format of ['md', 'docx'] as const) {
      const viaWorker = await value(
        dispatch(
          'export:article',
          { articleId, format, directory: out, fileName: `worker.${format}` },
          { ...ctx, transfer: pool },
        ),
      );
      const viaInline = await value(
        dispatch('export:article', { articleId, format, directory: out, fileName: `inline.${format}` }, ctx),
      );
      if (format === 'md') {
        expect(fs.readFileSync(viaWorker.path, 'utf8')).toBe(fs.readFileSync(viaInline.path, 'utf8'));
      } else {
        // A DOCX package carries the time it was made; its content is what must match.
        const back = async (file: string) => (await importJob(file, fs.readFileSync(file))).body;
        expect(await back(viaWorker.path)).toEqual(await back(viaInline.path));
      }
    }
  });

  it('saves no article and writes no file when the worker crashes, and the next call works', async () => {
    pool = crashingFirst();
    const withPool = { ...ctx, transfer: pool };
    const before = await value(dispatch('articles:list', {}, ctx));
    const failed = await dispatch('import:file', importInput, withPool);
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message:
          'Cannot import "artikel.md": reading the file stopped (the worker exited with code 9); nothing was saved. Try again.',
        fields: [{ path: 'file', message: 'the worker exited with code 9' }],
        // The same words for the renderer to say in the writer's language.
        key: 'importStopped',
        params: { name: 'artikel.md', why: { key: 'workerExited', params: { code: 9 } } },
      },
    });
    expect(await value(dispatch('articles:list', {}, ctx))).toEqual(before);
    const imported = await value(dispatch('import:file', importInput, withPool));
    expect((await value(dispatch('articles:list', {}, ctx))).length).toBe(before.length + 1);
    expect(imported.headline).toBe('Rotheide holt Kowalczyk');

    pool = crashingFirst();
    const target = { articleId, format: 'html' as const, directory: out, fileName: 'artikel.html' };
    const exportFailed = await dispatch('export:article', target, { ...ctx, transfer: pool });
    expect(exportFailed.ok).toBe(false);
    if (!exportFailed.ok)
      expect(exportFailed.error.message).toBe(
        'The html export stopped (the worker exited with code 9); no file was written. Try again.',
      );
    expect(fs.existsSync(path.join(out, 'artikel.html'))).toBe(false);
    await value(dispatch('export:article', target, { ...ctx, transfer: pool }));
    expect(fs.readFileSync(path.join(out, 'artikel.html'), 'utf8')).toContain('<html');
  });
});
