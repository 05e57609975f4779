import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { blocksToBody } from '../../shared/article/blocks';
import { NBSP, sampleBody, sampleMeta } from '../../shared/article/sampleArticle.fixture';
import { exportDocx } from './docx';

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Kicker'] => p.kicker:fresh",
  "p[style-name='Lead'] => p.lead:fresh",
  "p[style-name='Byline'] => p.byline:fresh",
  "p[style-name='Dateline'] => p.dateline:fresh",
];

async function readBack(buffer: Buffer): Promise<{ html: string; warnings: string[] }> {
  const result = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP });
  return { html: result.value, warnings: result.messages.map((m) => m.message) };
}

describe('exportDocx', () => {
  it('writes a DOCX that Word readers open, with Title, named meta styles and Heading 2/3', async () => {
    const buffer = await exportDocx(sampleMeta, sampleBody);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const { html, warnings } = await readBack(buffer);
    expect(warnings).toEqual([]);
    expect(html).toContain(
      '<p class="kicker">Fußball · Regionalliga Süd</p><h1>München zahlt sieben Millionen – und Rotheide jubelt</h1>',
    );
    expect(html).toContain(
      `<p class="lead">Der FC Almental holt Torjägerin Mia Sturzenegger für 7${NBSP}Mio. Euro`,
    );
    expect(html).toContain(
      '<p class="byline">Von Jana Kowalczyk</p><p class="dateline">München, 24. November 2026</p>',
    );
    expect(html).toContain('<h2>Was der Wechsel für die Liga bedeutet</h2>');
    expect(html).toContain('<h3>Die Zahlen im Überblick</h3>');
  });

  it('keeps real lists, the block quote, the hyperlink, bold, italic and the line break', async () => {
    const { html } = await readBack(await exportDocx(sampleMeta, sampleBody));
    expect(html).toContain(
      '<ul><li>Ablöse: 7\u00a0Mio. Euro, zahlbar in zwei Raten</li><li>Vertragslaufzeit bis Juni 2029<ul><li>Option auf ein weiteres Jahr</li><li>Ausstiegsklausel für Erstligisten</li></ul></li><li>Übertragung der Spiele beim Streamingdienst Strivo</li></ul>',
    );
    expect(html).toContain('<ol><li>41 Tore in 38 Spielen</li><li>Spielerin des Jahres 2025</li></ol>');
    expect(html).toContain(
      '<blockquote><p>„Wir haben lange verhandelt, aber am Ende hat alles gepasst.“ – Geschäftsführer Till Brandauer</p></blockquote>',
    );
    expect(html).toContain(
      '<a href="https://fc-almental.example/presse/sturzenegger">Pressemitteilung des Vereins</a>',
    );
    expect(html).toContain(`<strong>7${NBSP}Mio. Euro</strong>`);
    expect(html).toContain('<em>Rekordsumme</em>');
    expect(html).toContain('für die Rechte.<br />Der Sender selbst äußerte sich nicht.');
  });

  it('has the same text as the article, paragraph by paragraph', async () => {
    const raw = await mammoth.extractRawText({ buffer: await exportDocx(sampleMeta, sampleBody) });
    const paragraphs = raw.value
      .split('\n\n')
      .map((p) => p.trim())
      .filter(Boolean);
    expect(paragraphs.slice(0, 5)).toEqual([
      sampleMeta.kicker,
      sampleMeta.headline,
      sampleMeta.lead,
      sampleMeta.byline,
      sampleMeta.dateline,
    ]);
    expect(paragraphs[5]).toBe(
      '„Das ist ein großer Tag für unseren Verein“, sagte Almentals Präsidentin Elke Maiwald am Montagabend.',
    );
    expect(paragraphs).toContain('Ausstiegsklausel für Erstligisten');
    expect(raw.value).not.toContain('c-amount');
  });

  it('restarts numbering per list and honours a list that starts at 4', async () => {
    const body = blocksToBody([
      {
        type: 'list',
        ordered: true,
        start: 4,
        items: [{ content: [{ type: 'text', text: 'vier', format: {} }], lists: [] }],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'dazwischen', format: {} }] },
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [{ content: [{ type: 'text', text: 'eins', format: {} }], lists: [] }],
      },
    ]);
    const buffer = await exportDocx({ ...sampleMeta, kicker: '', lead: '' }, body);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(buffer);
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*>\s*<w:start w:val="4"\/>/);
    const document = await zip.file('word/document.xml')!.async('string');
    const numIds = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(new Set(numIds).size).toBe(2);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:val="de-DE"');
  });
});
