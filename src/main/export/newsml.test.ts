import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { blocksToBody } from '../../shared/article/blocks';
import { NBSP, sampleBody, sampleMeta } from '../../shared/article/sampleArticle.fixture';
import { exportNewsml } from '../../shared/export/newsml';

// The NewsML exporter is pure (src/shared); its schema check needs files, so it runs here in Node.
const SCHEMA_DIR = join(__dirname, '../../../resources/schemas/newsml-g2');
const schema = readFileSync(join(SCHEMA_DIR, 'NewsML-G2_2.35-spec-All-Power.xsd'), 'utf8');
const xmlXsd = readFileSync(join(SCHEMA_DIR, 'xml.xsd'), 'utf8');

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: 'item.xml', contents: xml }],
    schema: [{ fileName: 'NewsML-G2_2.35-spec-All-Power.xsd', contents: schema }],
    preload: [{ fileName: 'xml.xsd', contents: xmlXsd }],
  });
}

describe('exportNewsml', () => {
  it('validates against the IPTC NewsML-G2 2.35 schema', async () => {
    const result = await validate(exportNewsml(sampleMeta, sampleBody));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is rejected by the same check once a required part is missing, so the check is real', async () => {
    const broken = exportNewsml(sampleMeta, sampleBody).replace(/<itemMeta>[\s\S]*<\/itemMeta>/, '');
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors[0].message).toMatch(/itemMeta|contentMeta/);
  });

  it('carries headline, kicker, by, dateline, language, lead and the XHTML body with typography intact', () => {
    const xml = exportNewsml(sampleMeta, sampleBody);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).newsItem;
    expect(doc['@xml:lang']).toBe('de');
    expect(doc['@standardversion']).toBe('2.35');
    expect(doc.itemMeta.itemClass['@qcode']).toBe('ninat:text');
    const cm = doc.contentMeta;
    expect(cm.language['@tag']).toBe('de');
    expect(cm.headline).toEqual([
      { '#text': 'Fußball · Regionalliga Süd', '@role': 'fdrole:kicker' },
      sampleMeta.headline,
    ]);
    expect(cm.by).toBe('Von Jana Kowalczyk');
    expect(cm.dateline).toBe('München, 24. November 2026');
    expect(cm.description['#text']).toContain(`7${NBSP}Mio. Euro`);
    const body = doc.contentSet.inlineXML.html.body;
    expect(body.h2).toBe('Was der Wechsel für die Liga bedeutet');
    expect(body.blockquote.p).toContain('„Wir haben lange verhandelt');
    expect(xml).not.toContain('c-amount');
  });

  it('stays valid with hostile characters in metadata and body', async () => {
    const body = blocksToBody([
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'A & B </p><x> "q" \u0007 ende', format: { bold: true } }],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [{ content: [{ type: 'text', text: 'drei', format: {} }], lists: [] }],
      },
    ]);
    const xml = exportNewsml(
      {
        ...sampleMeta,
        headline: 'Tor <&> "Sieg"',
        byline: '',
        dateline: '',
        lead: '',
        kicker: '',
        status: 'published',
      },
      body,
    );
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(xml).toContain('<pubStatus qcode="stat:usable"/>');
    expect(xml).toContain('<ol start="3">');
    expect(xml).not.toContain('\u0007');
  });
});
