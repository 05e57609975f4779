import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../shared/contract/transfer';
import { createPdfPrinter, findChromium } from '../export/pdf';
import { pdfPagesText } from '../export/pdfText.testing';
import { dispatch, type HandlerContext } from './index';
import { AMOUNT, disposeContext, seedArticle, tempContext, value } from './transfer.fixture';

const chromium = findChromium();
const HOSTILE = '<script>window.hacked = 1</script><img src=x onerror="alert(1)"> Quelle für den Betrag?';

let ctx: HandlerContext;
let articleId: string;
let out: string;

beforeEach(async () => {
  ctx = tempContext('factdesk-transfer-comments-');
  articleId = await seedArticle(ctx);
  out = path.join(ctx.dataDir, 'out');
  // One thread on the amount claim (its words are marked), one whose words have been deleted.
  await value(
    dispatch(
      'comments:create',
      { articleId, id: 't-on-amount', commentId: 'k-1', claimId: 'c-amount', quote: AMOUNT, body: HOSTILE },
      ctx,
    ),
  );
  await value(
    dispatch(
      'comments:reply',
      { threadId: 't-on-amount', commentId: 'k-2', body: 'Laut Pressemitteilung von Strivo.' },
      ctx,
    ),
  );
  await value(
    dispatch(
      'comments:create',
      { articleId, id: 't-gone', commentId: 'k-3', quote: 'am Samstag', body: 'Freitag, nicht Samstag.' },
      ctx,
    ),
  );
  await value(dispatch('comments:sync', { articleId, threadIds: [] }, ctx));
});
afterEach(() => disposeContext(ctx));

function exportTo(
  format: ExportFormat,
  fileName: string,
  extra: { annotated?: boolean; comments?: boolean } = {},
) {
  return dispatch('export:article', { articleId, format, directory: out, fileName, ...extra }, ctx);
}

describe('export:article with comments', () => {
  it('puts the threads into the annotated HTML only when asked, escaped', async () => {
    const without = fs.readFileSync(
      (await value(exportTo('html', 'a.html', { annotated: true }))).path,
      'utf8',
    );
    expect(without).not.toContain('comment-notes');
    expect(without).not.toContain('Laut Pressemitteilung');

    const html = fs.readFileSync(
      (await value(exportTo('html', 'b.html', { annotated: true, comments: true }))).path,
      'utf8',
    );
    expect(html).toContain('<h2>Kommentare</h2>');
    expect(html).toContain(
      '&lt;script&gt;window.hacked = 1&lt;/script&gt;&lt;img src=x onerror="alert(1)"&gt; Quelle für den Betrag?',
    );
    expect(html).toContain('Laut Pressemitteilung von Strivo.');
    expect(html).toContain('Zu gelöschtem Text: <q>am Samstag</q>');
    expect(html).not.toMatch(/<script|<img/);
  });

  it('refuses comments in a clean export, naming the field', async () => {
    for (const [format, annotated] of [
      ['html', false],
      ['md', false],
      ['pdf', false],
    ] as const) {
      const r = await exportTo(format, `c.${format}`, { annotated, comments: true });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.fields?.[0].path).toBe('comments');
    }
  });

  it('writes the threads as Word comments into the DOCX', async () => {
    const clean = await JSZip.loadAsync(fs.readFileSync((await value(exportTo('docx', 'a.docx'))).path));
    expect(clean.file('word/comments.xml')).toBeNull();
    const zip = await JSZip.loadAsync(
      fs.readFileSync((await value(exportTo('docx', 'b.docx', { comments: true }))).path),
    );
    const comments = await zip.file('word/comments.xml')!.async('string');
    expect(comments).toContain('w:author="Erika Prüfer"');
    expect(comments).toContain('Zur Behauptung: &lt;script&gt;window.hacked = 1&lt;/script&gt;');
    expect(comments).toContain('Laut Pressemitteilung von Strivo.');
    expect(comments).toContain('Zu gelöschtem Text: „am Samstag“ Freitag, nicht Samstag.');
  });

  it.skipIf(typeof chromium !== 'string')(
    'prints the threads as notes at the end of the annotated PDF',
    async () => {
      const printer = await createPdfPrinter({ timeoutMs: 80_000 });
      ctx.platform.printToPdf = (html) => printer.print(html);
      try {
        const pages = await pdfPagesText(
          fs.readFileSync((await value(exportTo('pdf', 'a.pdf', { annotated: true, comments: true }))).path),
        );
        const text = pages.join(' ').replace(/\s+/g, ' ');
        expect(text).toContain('Kommentare');
        expect(text).toContain('Laut Pressemitteilung von Strivo.');
        expect(text).toContain('Freitag, nicht Samstag.');
      } finally {
        await printer.close();
      }
    },
  );
});
