import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { decodeText, extractDocument } from './extract';

describe('extractDocument', () => {
  it('reads a Word document by heading and paragraph', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: 'Protokoll der Vorstandssitzung', heading: HeadingLevel.HEADING_1 }),
              new Paragraph({ text: 'Der Vorstand des TSV Nordwald 1898 beschließt den Etat.' }),
              new Paragraph({ text: 'Gegenstimmen: keine.' }),
            ],
          },
        ],
      }),
    );
    const doc = await extractDocument('docx', new Uint8Array(docx));
    expect(doc.segments.map((s) => [s.kind, s.paragraph, s.heading, s.text])).toEqual([
      ['heading', null, 'Protokoll der Vorstandssitzung', 'Protokoll der Vorstandssitzung'],
      [
        'paragraph',
        1,
        'Protokoll der Vorstandssitzung',
        'Der Vorstand des TSV Nordwald 1898 beschließt den Etat.',
      ],
      ['paragraph', 2, 'Protokoll der Vorstandssitzung', 'Gegenstimmen: keine.'],
    ]);
  });

  it('says a damaged Word file is damaged', async () => {
    await expect(extractDocument('docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).rejects.toThrow(
      /Word document could not be read/,
    );
  });

  it('decodes UTF-8 text, else what a page declares, else Windows-1252', () => {
    expect(decodeText(new TextEncoder().encode('Grüße'))).toBe('Grüße');
    expect(decodeText(new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65]))).toBe('Grüße');
    expect(
      decodeText(new Uint8Array([...new TextEncoder().encode('<meta charset="iso-8859-2">'), 0xb3])),
    ).toBe('<meta charset="iso-8859-2">ł');
  });

  it('reads a saved page with loose text in sections and line breaks', async () => {
    const html =
      '<html><body><section>Vorspann ohne Absatz<div><p>Erster<br>Zweiter</p></div></section></body></html>';
    const doc = await extractDocument('html', new TextEncoder().encode(html));
    expect(doc.segments.map((s) => s.text)).toEqual(['Vorspann ohne Absatz', 'Erster Zweiter']);
  });
});
