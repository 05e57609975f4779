import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { seedArticle, tempContext, value } from '../../main/handlers/transfer.fixture';
import { runCli } from '../index';
import type { CliIO } from '../io';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

let dir: string;
let id: string;

beforeEach(async () => {
  const ctx = tempContext('factdesk-cli-comments-');
  dir = ctx.dataDir;
  id = await seedArticle(ctx);
  await value(
    dispatch(
      'comments:create',
      {
        articleId: id,
        id: 't-cli-1',
        commentId: 'k-cli-1',
        claimId: 'c-amount',
        quote: 'x',
        body: 'Beleg für den Betrag?',
      },
      ctx,
    ),
  );
  ctx.db.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('factdesk articles export --comments', () => {
  it('writes Word comments into the DOCX only with --comments, and refuses them for a clean HTML', async () => {
    const plain = path.join(dir, 'out', 'a.docx');
    const commented = path.join(dir, 'out', 'b.docx');
    expect(
      await runCli(
        ['articles', 'export', id, '--format', 'docx', '--out', plain, '--data-dir', dir],
        capture(),
      ),
    ).toBe(0);
    expect(
      await runCli(
        ['articles', 'export', id, '--format', 'docx', '--comments', '--out', commented, '--data-dir', dir],
        capture(),
      ),
    ).toBe(0);
    expect((await JSZip.loadAsync(fs.readFileSync(plain))).file('word/comments.xml')).toBeNull();
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync(commented))
    )
      .file('word/comments.xml')!
      .async('string');
    expect(xml).toContain('Beleg für den Betrag?');

    const io = capture();
    expect(
      await runCli(
        [
          'articles',
          'export',
          id,
          '--format',
          'html',
          '--comments',
          '--out',
          path.join(dir, 'out', 'c.html'),
          '--data-dir',
          dir,
        ],
        io,
      ),
    ).toBe(1);
    expect(io.stderr.join('\n')).toContain('Comments go only into the annotated HTML and PDF and into DOCX');
  });
});
