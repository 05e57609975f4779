import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { blocksToBody } from '../article/blocks';
import { NBSP, sampleBody, sampleMeta } from '../article/sampleArticle.fixture';
import { exportNitf } from './nitf';

// The NITF schema is not shipped, so the required structure is checked by reading the XML back.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  preserveOrder: false,
  isArray: (name) => ['p', 'li', 'hl2'].includes(name),
});

describe('exportNitf', () => {
  const xml = exportNitf(sampleMeta, sampleBody);
  const doc = parser.parse(xml);

  it('is well-formed XML with the NITF 3.6 root and head (title, docdata)', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(doc.nitf['@version']).toBe('-//IPTC//DTD NITF 3.6//EN');
    expect(doc.nitf['@baselang']).toBe('de');
    expect(doc.nitf.head.title).toBe('München zahlt sieben Millionen – und Rotheide jubelt');
    expect(doc.nitf.head.docdata['doc-id']['@id-string']).toBe('art-2026-0042');
    expect(doc.nitf.head.docdata['date.issue']['@norm']).toBe('20261124T093000Z');
    expect(doc.nitf.head.docdata['@management-status']).toBe('withheld');
  });

  it('fills body.head with hedline/hl1, kicker as hl2, byline, dateline and the lead as abstract', () => {
    const head = doc.nitf.body['body.head'];
    expect(head.hedline.hl1).toBe('München zahlt sieben Millionen – und Rotheide jubelt');
    expect(head.hedline.hl2).toEqual(['Fußball · Regionalliga Süd']);
    expect(head.byline).toBe('Von Jana Kowalczyk');
    expect(head.dateline).toBe('München, 24. November 2026');
    expect(head.abstract.p[0]).toContain(`7${NBSP}Mio. Euro`);
  });

  it('puts the body into body.content with subheads, block quote and lists and ends with body.end', () => {
    const content = doc.nitf.body['body.content'];
    expect(content.p).toHaveLength(4);
    expect(
      content.hl2.map((h: unknown) => (typeof h === 'string' ? h : (h as { '#text': string })['#text'])),
    ).toEqual(['Was der Wechsel für die Liga bedeutet', 'Die Zahlen im Überblick']);
    expect(content.bq.block.p[0]).toContain('„Wir haben lange verhandelt');
    expect(content.ul.li).toHaveLength(3);
    expect(content.ul.li[1].ul.li).toHaveLength(2);
    expect(content.ol.li).toEqual(['41 Tore in 38 Spielen', 'Spielerin des Jahres 2025']);
    expect(content.p[2].a['@href']).toBe('https://fc-almental.example/presse/sturzenegger');
    expect(content.p[1].strong).toBe(`7${NBSP}Mio. Euro`);
    expect(doc.nitf.body).toHaveProperty('body.end');
    expect(xml).not.toContain('c-amount');
  });

  it('escapes markup so that hostile text stays text', () => {
    const body = blocksToBody([
      { type: 'paragraph', content: [{ type: 'text', text: '</p><script>x</script> & Co.', format: {} }] },
    ]);
    const out = exportNitf({ ...sampleMeta, headline: 'A & B <C>' }, body);
    expect(XMLValidator.validate(out)).toBe(true);
    const parsed = new XMLParser({ processEntities: true }).parse(out);
    expect(parsed.nitf.head.title).toBe('A & B <C>');
    expect(parsed.nitf.body['body.content'].p).toBe('</p><script>x</script> & Co.');
  });
});
