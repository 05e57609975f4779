import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { blocksToBody } from '../article/blocks';
import { NBSP, sampleBody, sampleMeta } from '../article/sampleArticle.fixture';
import { exportHtml } from './html';

describe('exportHtml', () => {
  const html = exportHtml(sampleMeta, sampleBody);

  it('writes a self-contained document with charset, language and inline CSS but no scripts or external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="de">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8" />');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
    expect(html).toContain(`default-src 'none'`);
  });

  it('keeps „…“, ß, umlauts and the no-break space as characters', () => {
    expect(html).toContain('„Das ist ein großer Tag für unseren Verein“');
    expect(html).toContain(`<strong>7${NBSP}Mio. Euro</strong>`);
    expect(html).toContain('<title>München zahlt sieben Millionen – und Rotheide jubelt</title>');
    expect(html).toContain('äußerte');
  });

  it('renders headings, quote, nested lists and the link semantically and drops claim marks', () => {
    expect(html).toContain('<h1>München zahlt sieben Millionen – und Rotheide jubelt</h1>');
    expect(html).toContain('<p class="kicker">Fußball · Regionalliga Süd</p>');
    expect(html).toContain('<h2>Was der Wechsel für die Liga bedeutet</h2>');
    expect(html).toContain('<h3>Die Zahlen im Überblick</h3>');
    expect(html).toContain('<blockquote><p>„Wir haben lange verhandelt');
    expect(html).toMatch(
      /<li>Vertragslaufzeit bis Juni 2029\n\s*<ul>\n\s*<li>Option auf ein weiteres Jahr<\/li>/,
    );
    expect(html).toContain(
      '<a href="https://fc-almental.example/presse/sturzenegger">Pressemitteilung des Vereins</a>',
    );
    expect(html).toContain('Rechte.<br />Der Sender');
    expect(html).not.toMatch(/<mark|c-amount|data-claim/);
  });

  it('is well-formed XML as well, so the same markup can be embedded as XHTML', () => {
    expect(XMLValidator.validate(html.replace('<!DOCTYPE html>\n', ''))).toBe(true);
  });

  it('escapes markup in metadata and text and writes unsafe links as plain text', () => {
    const body = blocksToBody([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'A <b> & "B"', format: {} },
          {
            type: 'link',
            url: 'javascript:alert(1)',
            title: null,
            children: [{ type: 'text', text: 'klick', format: {} }],
          },
        ],
      },
    ]);
    const out = exportHtml({ ...sampleMeta, headline: 'Tor & <Sieg>', lead: 'Er sagte "ja"' }, body);
    expect(out).toContain('<h1>Tor &amp; &lt;Sieg&gt;</h1>');
    expect(out).toContain('<meta name="description" content="Er sagte &quot;ja&quot;" />');
    expect(out).toContain('<p>A &lt;b&gt; &amp; "B"klick</p>');
    expect(out).not.toContain('javascript:');
  });
});
