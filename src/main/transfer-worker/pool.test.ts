import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blocksToBody, plainText, type Block } from '../../shared/article/blocks';
import type { ArticleDocument } from '../../shared/contract/articles';
import { UserError } from '../../shared/result';
import { exportDocx } from '../export/docx';
import { ImportError } from '../import/errors';
import { buildTestWorker } from './buildWorker.testing';
import { importJob, renderJob, type CleanDocument, type RenderJob } from './jobs';
import { TransferPool, type TransferPoolOptions } from './pool';

let built: Awaited<ReturnType<typeof buildTestWorker>>;
const pools: TransferPool[] = [];

beforeAll(async () => {
  built = await buildTestWorker();
});
afterAll(() => built.remove());
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(options: Partial<TransferPoolOptions> = {}): TransferPool {
  const p = new TransferPool({ workerPath: built.file, size: 1, ...options });
  pools.push(p);
  return p;
}

/** A worker that runs `code` (CommonJS, with `port`) instead of the real one. */
function standIn(code: string): Worker {
  return new Worker(`const port = require('node:worker_threads').parentPort;\n${code}`, { eval: true });
}

/** Stand-ins for the first workers the pool starts, the real worker after them. */
function thenReal(...codes: string[]): TransferPoolOptions['createWorker'] {
  return (workerPath) => (codes.length ? standIn(codes.shift()!) : new Worker(workerPath));
}

const PARAGRAPH = 'Der SV Rotheide hat Lena Kowalczyk für sieben Millionen Euro verpflichtet.';
const markdown = `# Wechsel perfekt\n\n${PARAGRAPH}\n\nZweiter Absatz mit **fett**.\n`;
const html = `<!doctype html><html><body><h1>Wechsel perfekt</h1><p>${PARAGRAPH}</p><script>alert(1)</script><p onclick="x()">Zweiter</p></body></html>`;
const bytes = (text: string) => new TextEncoder().encode(text);

function doc(paragraphs: number): CleanDocument {
  const blocks: Block[] = Array.from({ length: paragraphs }, () => ({
    type: 'paragraph',
    content: [{ type: 'text', text: PARAGRAPH, format: {} }],
  }));
  const meta = {
    id: 'a1',
    headline: 'Rotheide holt Kowalczyk',
    kicker: 'Transfer',
    lead: 'Der Wechsel ist perfekt.',
    byline: 'Test',
    dateline: 'Rotheide',
    language: 'de',
  } as unknown as ArticleDocument['meta'];
  return { meta, body: blocksToBody(blocks), rev: 1, corrections: [] } as unknown as CleanDocument;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to fail');
}

describe('the transfer worker pool', () => {
  it('imports Markdown, HTML and DOCX as the same article the inline importer makes', async () => {
    const p = pool();
    const docx = await exportDocx(doc(3).meta, doc(3).body);
    for (const [name, input] of [
      ['artikel.md', bytes(markdown)],
      ['artikel.html', bytes(html)],
      ['artikel.docx', new Uint8Array(docx)],
    ] as const) {
      expect(await p.importFile(name, input)).toEqual(await importJob(name, input));
    }
  });

  it('renders every kind of export as the inline renderer does', async () => {
    const p = pool();
    // NewsML says when it was sent; the rest is the same.
    const unsent = (text: unknown) => String(text).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');
    for (const kind of ['html', 'md', 'txt', 'newsml', 'nitf'] as const) {
      const job: RenderJob = { kind, doc: doc(4) };
      expect(unsent(await p.render(job))).toEqual(unsent(await renderJob(job)));
    }
    const word = await p.render({ kind: 'docx', doc: doc(4), trackedChanges: false });
    expect(word).toBeInstanceOf(Uint8Array);
    const back = await importJob('back.docx', word as Uint8Array);
    expect(plainText(back.body)).toContain(PARAGRAPH);
  });

  it('gives the importer’s and the exporter’s own errors, as when they run inline', async () => {
    const p = pool();
    const empty = await failure(p.importFile('leer.md', bytes('   \n')));
    expect(empty).toBeInstanceOf(ImportError);
    expect(empty.message).toBe((await failure(importJob('leer.md', bytes('   \n')))).message);
    const corrupt = await failure(p.importFile('kaputt.docx', bytes('PK\u0003\u0004 not really a zip')));
    expect(corrupt).toBeInstanceOf(ImportError);
    expect((corrupt as ImportError).code).toBe('CORRUPT');

    const record = {
      ...doc(1),
      claims: [],
      facts: { entities: [], roles: [], deals: [], quotes: [], sources: [], citations: [] },
    };
    (record.meta as { desk?: string }).desk = '';
    const none = await failure(p.render({ kind: 'claimreview', record }));
    expect(none).toBeInstanceOf(UserError);
    expect((none as UserError).code).toBe('validation');
    expect(none.message).toMatch(/No claim in this article has been rated yet/);
  });

  it('answers a large file', async () => {
    const p = pool();
    // About 6 MB of Markdown: 40,000 paragraphs.
    const big = Array.from({ length: 40_000 }, (_, i) => `Absatz ${i + 1}: ${PARAGRAPH}`).join('\n\n');
    const imported = await p.importFile('gross.md', bytes(big));
    expect(imported.body.editorState.root.children).toHaveLength(40_000);
    expect(plainText(imported.body)).toContain(`Absatz 40000: ${PARAGRAPH}`);
  });

  it('answers two imports at once, with one worker and with two', async () => {
    for (const size of [1, 2]) {
      const p = pool({ size });
      const [a, b] = await Promise.all([
        p.importFile('eins.html', bytes(html)),
        p.importFile('zwei.md', bytes(markdown.replace('Wechsel perfekt', 'Zweiter Artikel'))),
      ]);
      expect(a.format).toBe('html');
      expect(a.meta.headline).toBe('Wechsel perfekt');
      expect(b.format).toBe('markdown');
      expect(b.meta.headline).toBe('Zweiter Artikel');
    }
  });

  it('answers a request that comes while the libraries load', async () => {
    const p = pool();
    const warming = p.warm();
    const imported = await p.importFile('artikel.md', bytes(markdown));
    expect(imported.meta.headline).toBe('Wechsel perfekt');
    await warming;
    expect((await p.importFile('artikel.html', bytes(html))).format).toBe('html');
  });

  it('fails the request of a worker that exits, then starts a new one for the next', async () => {
    const p = pool({ createWorker: thenReal("port.on('message', () => process.exit(3));") });
    const err = await failure(p.importFile('artikel.md', bytes(markdown)));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      'Cannot import "artikel.md": reading the file stopped (the worker exited with code 3); nothing was saved. Try again.',
    );
    expect((await p.importFile('artikel.md', bytes(markdown))).meta.headline).toBe('Wechsel perfekt');
  });

  it('fails the request of a worker that crashes on an uncaught error', async () => {
    const p = pool({
      createWorker: thenReal("port.on('message', () => { throw new Error('out of stack'); });"),
    });
    const err = await failure(p.render({ kind: 'md', doc: doc(1) }));
    expect(err.message).toBe(
      'The md export stopped (the worker crashed: out of stack); no file was written. Try again.',
    );
    expect(await p.render({ kind: 'md', doc: doc(1) })).toEqual(await renderJob({ kind: 'md', doc: doc(1) }));
  });

  it('refuses a reply that is not one, an answer to another request, or a body that is not an article', async () => {
    const p = pool({
      createWorker: thenReal(
        "port.on('message', () => port.postMessage('hello'));",
        "port.on('message', (m) => port.postMessage({ id: m.id + 7, ok: true, value: 'x' }));",
        "port.on('message', (m) => port.postMessage({ id: m.id, ok: true, value: { meta: { language: 'fr' }, body: { schemaVersion: 1, editorState: { root: { type: 'root', version: 1, children: [] } } }, warnings: [], format: 'text' } }));",
        "port.on('message', (m) => port.postMessage({ id: m.id, ok: true, value: { length: 3 } }));",
      ),
    });
    for (const expected of [
      'the worker answered with a message it should not send',
      'the worker answered with a message it should not send',
      // Language "fr" is none of the article languages.
      'the importer answered with something that is not an article',
    ]) {
      const err = await failure(p.importFile('artikel.md', bytes(markdown)));
      expect(err).toBeInstanceOf(UserError);
      expect(err.message).toContain(`(${expected}); nothing was saved`);
    }
    const notAFile = await failure(p.render({ kind: 'txt', doc: doc(1) }));
    expect(notAFile.message).toContain('(the exporter answered with something that is not a file)');
    // The stand-ins are used up: the real worker answers.
    expect((await p.importFile('artikel.md', bytes(markdown))).meta.headline).toBe('Wechsel perfekt');
  });

  it('ends a worker that takes too long and fails its request', async () => {
    const p = pool({
      timeoutMs: 15_000,
      createWorker: thenReal("port.on('message', () => { for (;;) {} });"),
    });
    const err = await failure(p.importFile('artikel.md', bytes(markdown)));
    expect(err.message).toContain('(it took longer than 15 s); nothing was saved');
    expect((await p.importFile('artikel.md', bytes(markdown))).meta.headline).toBe('Wechsel perfekt');
  });
});
