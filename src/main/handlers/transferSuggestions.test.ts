import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blocksToBody, type Block } from '../../shared/article/blocks';
import type { ExportFormat } from '../../shared/contract/transfer';
import { readZipEntry } from '../import/docxRevisions';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

// Clean exports apply only accepted changes and say which suggestions they left pending.

const lena = { author: 'Lena Kowalczyk', date: '2026-12-06T17:00:00.000Z' };
const blocks: Block[] = [
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'FC Nordhafen verliert', format: {} },
      { type: 'text', text: ' deutlich', format: {}, suggestion: { id: 's-ins', kind: 'insert', ...lena } },
      {
        type: 'text',
        text: ' in Rotheide',
        format: {},
        suggestion: { id: 's-del', kind: 'delete', ...lena },
      },
      { type: 'text', text: '.', format: {} },
    ],
  },
];

let ctx: HandlerContext;
let articleId: string;
let out: string;

async function ok<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeEach(async () => {
  ctx = tempContext({ prefix: 'factdesk-suggest-export-' });
  const doc = await ok(dispatch('articles:create', { headline: 'Nordhafen verliert' }, ctx));
  articleId = doc.meta.id;
  await ok(dispatch('articles:save', { id: articleId, baseRev: doc.rev, body: blocksToBody(blocks) }, ctx));
  out = path.join(ctx.dataDir, 'out');
});
afterEach(() => disposeContext(ctx));

const exportTo = (format: ExportFormat, fileName: string, extra: { trackedChanges?: boolean } = {}) =>
  ok(dispatch('export:article', { articleId, format, directory: out, fileName, ...extra }, ctx));

describe('exports of an article with pending suggestions', () => {
  it.each([
    ['md', 'a.md'],
    ['txt', 'a.txt'],
    ['html', 'a.html'],
    ['newsml', 'a.newsml.xml'],
    ['nitf', 'a.nitf.xml'],
  ] as [ExportFormat, string][])(
    '%s leaves the pending insertion out, keeps the pending deletion and lists both',
    async (format, file) => {
      const result = await exportTo(format, file);
      const text = fs.readFileSync(result.path, 'utf8');
      expect(text).toContain('FC Nordhafen verliert in Rotheide.');
      expect(text).not.toContain('deutlich');
      expect(result.trackedChanges).toBe(false);
      expect(result.pendingSuggestions.map((s) => [s.kind, s.text, s.author])).toEqual([
        ['insert', ' deutlich', 'Lena Kowalczyk'],
        ['delete', ' in Rotheide', 'Lena Kowalczyk'],
      ]);
    },
  );

  it('DOCX with tracked changes carries them as w:ins / w:del; without, it is clean', async () => {
    const tracked = await exportTo('docx', 'tracked.docx', { trackedChanges: true });
    expect(tracked.trackedChanges).toBe(true);
    const xml = readZipEntry(fs.readFileSync(tracked.path), 'word/document.xml')!.toString('utf8');
    expect(xml).toMatch(/<w:ins [^>]*w:author="Lena Kowalczyk"/);
    expect(xml).toMatch(/<w:del [^>]*w:author="Lena Kowalczyk"/);

    const clean = await exportTo('docx', 'clean.docx');
    const cleanXml = readZipEntry(fs.readFileSync(clean.path), 'word/document.xml')!.toString('utf8');
    expect(cleanXml).not.toMatch(/<w:(ins|del) /);
    expect(cleanXml).not.toContain('deutlich');
  });

  it('refuses tracked changes for a format that cannot hold them, naming the field', async () => {
    const r = await dispatch(
      'export:article',
      { articleId, format: 'md', directory: out, fileName: 'x.md', trackedChanges: true },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields).toEqual([{ path: 'trackedChanges', message: 'only for docx' }]);
  });
});
