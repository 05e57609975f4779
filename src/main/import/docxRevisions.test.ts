import { describe, expect, it } from 'vitest';
import { blocksToBody, type Block } from '../../shared/article/blocks';
import { pendingSuggestions, withoutPendingSuggestions } from '../../shared/article/suggestedChanges';
import { plainText } from '../../shared/article/blocks';
import { checkBody } from '../../store/articleBody';
import { sampleMeta } from '../../shared/article/sampleArticle.fixture';
import { exportDocx } from '../export/docx';
import { importDocx } from './docx';
import { readZipEntry, trackedParagraphs } from './docxRevisions';

const lena = { author: 'Lena Kowalczyk', date: '2026-12-06T17:00:00.000Z' };
const jonas = { author: 'Jonas Brandt', date: '2026-12-05T09:30:00Z' };

/** A body with an insertion, a bold deletion and a deletion inside a link, as the editor stores them. */
function bodyWithSuggestions() {
  const blocks: Block[] = [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'SV Rotheide gewinnt', format: {} },
        { type: 'text', text: ' knapp', format: {}, suggestion: { id: 's-1', kind: 'insert', ...lena } },
        { type: 'text', text: ' das Derby ', format: {} },
        {
          type: 'text',
          text: 'gegen FC Nordhafen',
          format: { bold: true },
          suggestion: { id: 's-2', kind: 'delete', ...jonas },
        },
        { type: 'text', text: '.', format: {} },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'Ohne Änderung.', format: {} }] },
  ];
  return blocksToBody(blocks);
}

describe('DOCX tracked changes', () => {
  it('the body with suggestions is what the store accepts, and its clean reading leaves insertions out', () => {
    const body = bodyWithSuggestions();
    expect(checkBody(body)).toEqual([]);
    expect(plainText(withoutPendingSuggestions(body))).toBe(
      'SV Rotheide gewinnt das Derby gegen FC Nordhafen.\nOhne Änderung.',
    );
  });

  it('writes w:ins and w:del with author and date, and reads them back as the same suggestions', async () => {
    const body = bodyWithSuggestions();
    const file = await exportDocx(sampleMeta, body, { trackedChanges: true });
    const xml = readZipEntry(file, 'word/document.xml')!.toString('utf8');
    expect(xml).toMatch(/<w:ins [^>]*w:author="Lena Kowalczyk"[^>]*w:date="2026-12-06T17:00:00.000Z"/);
    expect(xml).toMatch(/<w:del [^>]*w:author="Jonas Brandt"/);
    expect(xml).toContain('<w:delText xml:space="preserve">gegen FC Nordhafen</w:delText>');
    const paragraphs = trackedParagraphs(xml, '2026-12-06T18:00:00Z');
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0].map((s) => [s.text, s.change?.kind ?? null])).toEqual([
      ['SV Rotheide gewinnt', null],
      [' knapp', 'insert'],
      [' das Derby ', null],
      ['gegen FC Nordhafen', 'delete'],
      ['.', null],
    ]);

    const imported = await importDocx(file, 'derby.docx');
    expect(imported.warnings.filter((w) => w.includes('Tracked'))).toEqual([]);
    expect(checkBody(imported.body)).toEqual([]);
    expect(
      pendingSuggestions(imported.body).map(({ kind, author, date, text }) => ({ kind, author, date, text })),
    ).toEqual([
      { kind: 'insert', author: 'Lena Kowalczyk', date: '2026-12-06T17:00:00.000Z', text: ' knapp' },
      { kind: 'delete', author: 'Jonas Brandt', date: '2026-12-05T09:30:00Z', text: 'gegen FC Nordhafen' },
    ]);
    expect(plainText(imported.body)).toBe(
      'SV Rotheide gewinnt knapp das Derby gegen FC Nordhafen.\nOhne Änderung.',
    );
    // The deleted text keeps its bold.
    expect(JSON.stringify(imported.body)).toMatch(/"format":1,[^}]*"text":"gegen FC Nordhafen"/);
  });

  it('a clean DOCX has no revisions: pending insertions out, deletions kept as text', async () => {
    const file = await exportDocx(sampleMeta, withoutPendingSuggestions(bodyWithSuggestions()));
    const xml = readZipEntry(file, 'word/document.xml')!.toString('utf8');
    expect(xml).not.toMatch(/<w:(ins|del) /);
    expect(xml).not.toContain('knapp');
    expect(xml).toContain('gegen FC Nordhafen');
  });

  it('ignores a document.xml with a DTD instead of expanding its entities', () => {
    const xml =
      '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document><w:body><w:p><w:ins w:author="x"><w:r><w:t>&a;</w:t></w:r></w:ins></w:p></w:body></w:document>';
    expect(trackedParagraphs(xml, '2026-12-06T18:00:00Z')).toEqual([]);
  });
});
