import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NBSP, sampleBody, sampleContext, sampleMeta } from '../../shared/article/sampleArticle.fixture';
import type { Correction } from '../../shared/domain/corrections';
import { exportAnnotatedHtml } from '../../shared/export/annotated';
import { claimReviews } from '../../shared/export/claimreview';
import { exportFactCheckReport } from '../../shared/export/factCheckReport';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { exportNewsml } from '../../shared/export/newsml';
import { exportNitf } from '../../shared/export/nitf';
import { exportText } from '../../shared/export/text';
import { exportDocx } from './docx';
import { findChromium, printHtmlToPdf } from './pdf';
import { pdfPagesText } from './pdfText.testing';

// Two corrections of the sample article (invented clubs and people), written on different days.
const corrections: Correction[] = [
  {
    id: 'k-2',
    articleId: sampleMeta.id,
    wrong: 'Der Sender zahlt 1,2 Millionen Euro pro Saison.',
    right: 'Es sind 1,5 Millionen Euro pro Saison.',
    claimIds: ['c-strivo'],
    facts: [{ type: 'deal', id: 'd-strivo' }],
    createdBy: 'Lena Kowalczyk',
    createdAt: '2026-12-06T09:15:00.000Z',
    updatedAt: '2026-12-06T09:15:00.000Z',
    exportedAt: null,
    history: [
      {
        action: 'created',
        wrong: 'Der Sender zahlt 1,2 Millionen Euro pro Saison.',
        right: 'Es sind 1,5 Millionen Euro pro Saison.',
        by: 'Lena Kowalczyk',
        at: '2026-12-06T09:15:00.000Z',
      },
    ],
  },
  {
    id: 'k-1',
    articleId: sampleMeta.id,
    wrong: 'Elke Maiwald ist Vizepräsidentin <des> FC Almental & Co.',
    right: 'Sie ist Präsidentin.',
    claimIds: ['c-role'],
    facts: [],
    createdBy: 'Ruth Okafor',
    createdAt: '2026-11-30T17:00:00.000Z',
    updatedAt: '2026-11-30T17:00:00.000Z',
    exportedAt: '2026-11-30T18:00:00.000Z',
    history: [
      { action: 'created', wrong: 'x', right: 'y', by: 'Ruth Okafor', at: '2026-11-30T17:00:00.000Z' },
      { action: 'exported', wrong: 'x', right: 'y', by: 'Ruth Okafor', at: '2026-11-30T18:00:00.000Z' },
    ],
  },
];
const meta = { ...sampleMeta, status: 'published' as const };
const flat = (s: string) => s.replace(/\s+/g, ' ');

const SCHEMA_DIR = join(__dirname, '../../../resources/schemas/newsml-g2');

describe('corrections in the exports', () => {
  it('HTML: a corrections section under the article, oldest first, dated in the article language, escaped', () => {
    const html = exportHtml(meta, sampleBody, { corrections });
    const section = html.slice(html.indexOf('<section class="corrections">'));
    expect(section).toContain('<h2>Korrekturen</h2>');
    expect(section.indexOf('Korrektur vom 30. November 2026:')).toBeLessThan(
      section.indexOf('Korrektur vom 6. Dezember 2026:'),
    );
    expect(section).toContain(
      'Wir hatten geschrieben: Elke Maiwald ist Vizepräsidentin &lt;des&gt; FC Almental &amp; Co. Richtig ist: Sie ist Präsidentin.',
    );
    expect(section.indexOf('</section>')).toBeLessThan(section.indexOf('</article>'));
    expect(exportHtml(meta, sampleBody)).not.toContain('corrections');
    // English article, English labels.
    expect(exportHtml({ ...meta, language: 'en' }, sampleBody, { corrections })).toContain(
      '<strong>Correction, 6 December 2026:</strong> We wrote:',
    );
  });

  it('Markdown and text: a heading and one paragraph per correction', () => {
    const md = exportMarkdown(meta, sampleBody, { corrections });
    expect(md).toContain(
      '## Korrekturen\n\n**Korrektur vom 30. November 2026:** Wir hatten geschrieben: Elke Maiwald ist Vizepräsidentin \\<des\\> FC Almental & Co. Richtig ist: Sie ist Präsidentin.',
    );
    expect(md.trimEnd().endsWith('Richtig ist: Es sind 1,5 Millionen Euro pro Saison.')).toBe(true);
    const txt = exportText(meta, sampleBody, { corrections });
    expect(txt).toContain('Korrekturen\n\nKorrektur vom 30. November 2026: Wir hatten geschrieben:');
  });

  it('DOCX: read back by mammoth as a heading and the notes after the body', async () => {
    const buffer = await exportDocx(meta, sampleBody, { corrections });
    const html = (await mammoth.convertToHtml({ buffer })).value;
    expect(html).toContain('<h2>Korrekturen</h2>');
    expect(html).toContain(
      '<p><strong>Korrektur vom 6. Dezember 2026:</strong> Wir hatten geschrieben: Der Sender zahlt 1,2 Millionen Euro pro Saison. Richtig ist: Es sind 1,5 Millionen Euro pro Saison.</p>',
    );
    expect(html.indexOf('Der Sender selbst äußerte sich nicht.')).toBeLessThan(html.indexOf('Korrekturen'));
  });

  it.skipIf(typeof findChromium() !== 'string')('PDF: the printed article has the corrections', async () => {
    const text = flat(
      (await pdfPagesText(await printHtmlToPdf(exportHtml(meta, sampleBody, { corrections })))).join('\n'),
    );
    expect(text).toContain('Korrekturen');
    expect(text).toContain(
      'Korrektur vom 6. Dezember 2026: Wir hatten geschrieben: Der Sender zahlt 1,2 Millionen Euro pro Saison.',
    );
  });

  it('NewsML-G2: a correction signal and editorial notes in itemMeta, the section in the body, valid against the IPTC schema', async () => {
    const xml = exportNewsml(meta, sampleBody, { corrections });
    const result = await validateXML({
      xml: [{ fileName: 'item.xml', contents: xml }],
      schema: [
        {
          fileName: 'NewsML-G2_2.35-spec-All-Power.xsd',
          contents: readFileSync(join(SCHEMA_DIR, 'NewsML-G2_2.35-spec-All-Power.xsd'), 'utf8'),
        },
      ],
      preload: [{ fileName: 'xml.xsd', contents: readFileSync(join(SCHEMA_DIR, 'xml.xsd'), 'utf8') }],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    const item = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).newsItem;
    expect(item.itemMeta.signal['@qcode']).toBe('sig:correction');
    expect(
      item.itemMeta.edNote.map((n: { '#text': string; '@role': string }) => [
        n['@role'],
        n['#text'].slice(0, 32),
      ]),
    ).toEqual([
      ['fdrole:correction', 'Korrektur vom 30. November 2026:'],
      ['fdrole:correction', 'Korrektur vom 6. Dezember 2026: '],
    ]);
    expect(item.contentSet.inlineXML.html.body.section.h2).toBe('Korrekturen');
    expect(exportNewsml(meta, sampleBody)).not.toContain('signal');
  });

  it('NITF: correction elements in docdata and the section in the body', () => {
    const xml = exportNitf(meta, sampleBody, { corrections });
    expect(XMLValidator.validate(xml)).toBe(true);
    const nitf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).nitf;
    expect(nitf.head.docdata.correction[1]['@info']).toBe(
      'Korrektur vom 6. Dezember 2026: Wir hatten geschrieben: Der Sender zahlt 1,2 Millionen Euro pro Saison. Richtig ist: Es sind 1,5 Millionen Euro pro Saison.',
    );
    expect(xml).toContain('Korrekturen');
  });

  it('ClaimReview: the corrected claim gets dateModified, the correction as review text and CorrectionComments', () => {
    const reviews = claimReviews(sampleContext({ meta, corrections }), {
      publisher: { name: 'Rotheider Kurier' },
    });
    const strivo = reviews.find((r) => r.claimReviewed === `1,2${NBSP}Mio. Euro pro Saison`)!;
    expect(strivo.dateModified).toBe('2026-12-06');
    expect(strivo.reviewBody).toBe(
      'Korrektur vom 6. Dezember 2026: Wir hatten geschrieben: Der Sender zahlt 1,2 Millionen Euro pro Saison. Richtig ist: Es sind 1,5 Millionen Euro pro Saison.',
    );
    expect(strivo.correction).toEqual([
      { '@type': 'CorrectionComment', text: strivo.reviewBody, datePublished: '2026-12-06' },
    ]);
    expect(strivo.dateModified! >= strivo.datePublished).toBe(true);
    const untouched = reviews.find((r) => r.claimReviewed.startsWith('„Das ist'))!;
    expect(untouched.dateModified).toBeUndefined();
    expect(untouched.correction).toBeUndefined();
  });

  it('fact-check report and annotated HTML: the corrections with claims, facts, author, export state and history', () => {
    const report = flat(
      exportFactCheckReport(sampleContext({ meta, corrections, uiLanguage: 'en' }), {
        generatedAt: '2026-12-06T10:00:00.000Z',
      }),
    );
    const section = report.slice(report.indexOf('<section class="corrections">'));
    expect(section).toContain('<h2>Corrections</h2>');
    expect(section).toContain('Correction, 30 November 2026:');
    expect(section).toMatch(/Claims concerned: Claim \d+ · Written by Ruth Okafor/);
    expect(section).toContain('First exported');
    expect(section).toContain('not exported yet');
    expect(section).toMatch(/Facts concerned: [^·]*Strivo/);
    expect(section).toContain('exported · Ruth Okafor');
    expect(exportAnnotatedHtml(sampleContext({ meta, corrections }))).toContain('<h2>Korrekturen</h2>');
  });
});
