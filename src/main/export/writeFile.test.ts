import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError, writeFileAtomic } from './writeFile';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates missing folders and writes the whole file under its name, leaving no temporary file', async () => {
    const target = path.join(dir, 'exports', '2026', 'bericht.txt');
    await writeFileAtomic(target, 'Grüße aus Rotheide – „Derbysieg“');
    expect(fs.readFileSync(target, 'utf8')).toBe('Grüße aus Rotheide – „Derbysieg“');
    expect(fs.readdirSync(path.dirname(target))).toEqual(['bericht.txt']);
  });

  it('refuses to replace an existing file and leaves it as it was', async () => {
    const target = path.join(dir, 'bericht.txt');
    fs.writeFileSync(target, 'alt');
    await expect(writeFileAtomic(target, 'neu')).rejects.toBeInstanceOf(FileExistsError);
    expect(fs.readFileSync(target, 'utf8')).toBe('alt');
    expect(fs.readdirSync(dir)).toEqual(['bericht.txt']);
  });

  it('replaces an existing file when asked to', async () => {
    const target = path.join(dir, 'bericht.docx');
    fs.writeFileSync(target, 'alt');
    await writeFileAtomic(target, new Uint8Array([0x50, 0x4b, 3, 4]), { overwrite: true });
    expect([...fs.readFileSync(target)]).toEqual([0x50, 0x4b, 3, 4]);
    expect(fs.readdirSync(dir)).toEqual(['bericht.docx']);
  });

  it('lets only one of two writers racing for the same name win', async () => {
    const target = path.join(dir, 'gleich.txt');
    const results = await Promise.allSettled([
      writeFileAtomic(target, 'eins'),
      writeFileAtomic(target, 'zwei'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(['eins', 'zwei']).toContain(fs.readFileSync(target, 'utf8'));
    expect(fs.readdirSync(dir)).toEqual(['gleich.txt']);
  });
});
