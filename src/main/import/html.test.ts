import { describe, expect, it } from 'vitest';
import { bodyToBlocks, canonicalBlocks, plainText, withoutClaimMarks } from '../../shared/article/blocks';
import { NBSP, sampleBody, sampleMeta } from '../../shared/article/sampleArticle.fixture';
import { exportHtml } from '../../shared/export/html';
import { importHtml } from './html';

describe('importHtml', () => {
  it('reads the HTML export back with the same text, structure and metadata', () => {
    const imported = importHtml(exportHtml(sampleMeta, sampleBody));
    expect(plainText(imported.body)).toBe(plainText(sampleBody));
    expect(bodyToBlocks(imported.body)).toEqual(canonicalBlocks(withoutClaimMarks(bodyToBlocks(sampleBody))));
    expect(imported.meta).toMatchObject({
      kicker: sampleMeta.kicker,
      headline: sampleMeta.headline,
      lead: sampleMeta.lead,
      byline: sampleMeta.byline,
      dateline: sampleMeta.dateline,
      language: 'de',
    });
  });

  it('removes scripts, styles, iframes, forms, event handlers, images and tracking pixels', () => {
    const html = `<html><head><style>p{color:red}</style><script>steal()</script></head><body>
      <p onclick="steal()" style="color:red">Rotheide <b onmouseover="x()">gewinnt</b><img src="https://t.example/p.gif" width="1" height="1"></p>
      <iframe src="https://ads.example"></iframe><script>document.write('böse')</script>
      <form action="https://x.example"><input value="Eingabe"><button>Senden</button></form>
      <noscript>Bitte JavaScript aktivieren</noscript>
      <p>Ende</p></body></html>`;
    const imported = importHtml(html);
    const json = JSON.stringify(imported.body);
    expect(plainText(imported.body)).toBe('Rotheide gewinnt\nEnde');
    for (const bad of ['steal', 'böse', 'p.gif', 'ads.example', 'onclick', 'color', 'Senden', 'JavaScript'])
      expect(json).not.toContain(bad);
    expect(imported.warnings[0]).toMatch(/Removed \d+ unsafe/);
  });

  it('keeps only http(s) and mailto links and drops foreign classes', () => {
    const imported = importHtml(
      '<p class="article-text big">Mehr bei <a href="https://kurier.example/s" title="Kurier" class="ext">Kurier</a>, <a href="javascript:alert(1)">hier</a> und <a href="mailto:desk@example.org">Mail</a> <a href="/relativ">relativ</a></p>',
    );
    expect(bodyToBlocks(imported.body)).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Mehr bei ', format: {} },
          {
            type: 'link',
            url: 'https://kurier.example/s',
            title: 'Kurier',
            children: [{ type: 'text', text: 'Kurier', format: {} }],
          },
          { type: 'text', text: ', hier und ', format: {} },
          {
            type: 'link',
            url: 'mailto:desk@example.org',
            title: null,
            children: [{ type: 'text', text: 'Mail', format: {} }],
          },
          { type: 'text', text: ' relativ', format: {} },
        ],
      },
    ]);
    expect(JSON.stringify(imported)).not.toContain('article-text');
  });

  it('collapses HTML whitespace but keeps no-break spaces, „…“ and ß', () => {
    const imported = importHtml(
      `<p>  Der   Verein\n zahlt <strong> 7${NBSP}Mio. </strong> Euro – „ganz groß“ </p>`,
    );
    expect(plainText(imported.body)).toBe(`Der Verein zahlt 7${NBSP}Mio. Euro – „ganz groß“`);
  });

  it('maps h1 to the headline, deeper headings to h2/h3, and nested lists inside items', () => {
    const imported = importHtml(
      '<title>Seitentitel | Kurier</title><h1>Almental holt Sturzenegger</h1><h2>Erste</h2><h4>Zweite</h4><ol start="2"><li><p>zwei</p><ul><li>a</li></ul></li><li>drei</li></ol>',
    );
    expect(imported.meta.headline).toBe('Almental holt Sturzenegger');
    const blocks = bodyToBlocks(imported.body);
    expect(blocks.slice(0, 2)).toEqual([
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Erste', format: {} }] },
      { type: 'heading', level: 3, content: [{ type: 'text', text: 'Zweite', format: {} }] },
    ]);
    expect(blocks[2]).toEqual({
      type: 'list',
      ordered: true,
      start: 2,
      items: [
        {
          content: [{ type: 'text', text: 'zwei', format: {} }],
          lists: [
            {
              type: 'list',
              ordered: false,
              start: 1,
              items: [{ content: [{ type: 'text', text: 'a', format: {} }], lists: [] }],
            },
          ],
        },
        { content: [{ type: 'text', text: 'drei', format: {} }], lists: [] },
      ],
    });
  });

  it('uses the page title as headline when the body has no h1', () => {
    expect(
      importHtml('<html><head><title>Nur Titel</title></head><body><p>Text</p></body></html>').meta.headline,
    ).toBe('Nur Titel');
  });
});

describe('importHtml on hostile nesting', () => {
  // Found by the malformed-files suite (tests/hardening): 20,000 nested <div>s ran jsdom for minutes, then overflowed the stack ("internal").
  it('refuses HTML nested deeper than any article, naming the file and the problem', () => {
    const deep = `<!doctype html><body>${'<div>'.repeat(20_000)}SV Rotheide${'</div>'.repeat(20_000)}</body>`;
    expect(() => importHtml(deep, 'tief.html')).toThrow(
      'Cannot import "tief.html": the HTML nests its elements more than 1000 levels deep',
    );
    expect(
      plainText(importHtml(`<body>${'<div>'.repeat(200)}FC Nordhafen${'</div>'.repeat(200)}</body>`).body),
    ).toBe('FC Nordhafen');
  });
});
