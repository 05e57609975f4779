import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plainText } from '../../shared/article/blocks';
import { sampleBody, sampleMeta } from '../../shared/article/sampleArticle.fixture';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { exportDocx } from '../export/docx';
import { ImportError, importFile } from './index';

const dir = mkdtempSync(join(tmpdir(), 'factdesk-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function failure(input: Parameters<typeof importFile>[0]): Promise<ImportError> {
  const error = await importFile(input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('importFile', () => {
  it('picks the importer by extension for files on disk', async () => {
    const md = await importFile(file('artikel.md', exportMarkdown(sampleMeta, sampleBody)));
    expect(md.format).toBe('markdown');
    expect(plainText(md.body)).toBe(plainText(sampleBody));
    const docx = await importFile(file('artikel.docx', await exportDocx(sampleMeta, sampleBody)));
    expect(docx.format).toBe('docx');
    expect(docx.meta.headline).toBe(sampleMeta.headline);
  });

  it('sniffs the format of bytes without an extension', async () => {
    const html = await importFile({
      name: 'einfuegen',
      bytes: new TextEncoder().encode(exportHtml(sampleMeta, sampleBody)),
    });
    expect(html.format).toBe('html');
    const docx = await importFile({ name: 'anhang', bytes: await exportDocx(sampleMeta, sampleBody) });
    expect(docx.format).toBe('docx');
    const md = await importFile({
      name: 'notiz',
      bytes: new TextEncoder().encode('# Titel\n\nText mit **fett**'),
    });
    expect(md.format).toBe('markdown');
    const txt = await importFile({ name: 'notiz', bytes: new TextEncoder().encode('Titel\n\nText') });
    expect(txt.format).toBe('text');
  });

  it('reads a Windows-1252 text file with umlauts and warns about it', async () => {
    // "Großer Sieg für Rotheide" in Windows-1252: ß = 0xDF, ü = 0xFC.
    const bytes = Uint8Array.from(
      [...'Gro', 0xdf, ...'er Sieg f', 0xfc, ...'r Rotheide\n\nText.'].map((c) =>
        typeof c === 'number' ? c : c.charCodeAt(0),
      ),
    );
    const result = await importFile({ name: 'alt.txt', bytes });
    expect(result.meta.headline).toBe('Großer Sieg für Rotheide');
    expect(result.warnings[0]).toMatch(/Windows-1252/);
  });

  it('refuses an empty file and a file of only whitespace', async () => {
    expect((await failure(file('leer.txt', ''))).code).toBe('EMPTY');
    const blank = await failure({ name: 'leer.md', bytes: new TextEncoder().encode(' \n\n  \n') });
    expect(blank.code).toBe('EMPTY');
    expect(blank.message).toBe('Cannot import "leer.md": the file contains no text');
  });

  it('refuses binary garbage in a text file', async () => {
    const garbage = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256);
    const error = await failure({ name: 'artikel.txt', bytes: garbage });
    expect(error.code).toBe('BINARY');
    expect(error.message).toContain('"artikel.txt"');
  });

  it('refuses unsupported extensions by name, with advice for old Word files', async () => {
    const pdf = await failure({ name: 'bericht.pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) });
    expect(pdf.code).toBe('UNSUPPORTED');
    const doc = await failure({ name: 'bericht.doc', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) });
    expect(doc.message).toMatch(/save the file as \.docx/);
    expect((await failure({ name: 'bild.png', bytes: new Uint8Array([0x89, 0x50]) })).message).toBe(
      'Cannot import "bild.png": ".png" files are not supported; import .docx, .md, .txt or .html',
    );
  });

  it('refuses a .docx that is not a ZIP package and one that is a damaged package', async () => {
    const notZip = await failure({
      name: 'fake.docx',
      bytes: new TextEncoder().encode('Ich bin kein Word-Dokument'),
    });
    expect(notZip.code).toBe('CORRUPT');
    expect(notZip.message).toContain('not a ZIP package');
    const good = await exportDocx(sampleMeta, sampleBody);
    const truncated = await failure(file('halb.docx', good.subarray(0, 3000)));
    expect(truncated.code).toBe('CORRUPT');
    expect(truncated.fileName).toBe('halb.docx');
  });

  it('reports a missing file and a folder as unreadable', async () => {
    const missing = await failure(join(dir, 'gibt-es-nicht.md'));
    expect(missing.code).toBe('UNREADABLE');
    expect(missing.message).toContain('ENOENT');
    mkdirSync(join(dir, 'ordner.md'));
    expect((await failure(join(dir, 'ordner.md'))).code).toBe('UNREADABLE');
  });
});
