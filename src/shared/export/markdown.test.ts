import { describe, expect, it } from 'vitest';
import { blocksToBody, type Inline } from '../article/blocks';
import { NBSP, sampleBody, sampleMeta } from '../article/sampleArticle.fixture';
import MarkdownIt from 'markdown-it';
import { exportMarkdown } from './markdown';

function md(content: Inline[]): string {
  return exportMarkdown({ ...sampleMeta, headline: '' }, blocksToBody([{ type: 'paragraph', content }]), {
    frontMatter: false,
  }).trim();
}

describe('exportMarkdown', () => {
  const out = exportMarkdown(sampleMeta, sampleBody);

  it('puts kicker, lead, byline, dateline and language into front matter and the headline into an h1', () => {
    expect(out.startsWith('---\nkicker: "Fußball · Regionalliga Süd"\n')).toBe(true);
    expect(out).toContain(`lead: "Der FC Almental holt Torjägerin Mia Sturzenegger für 7${NBSP}Mio. Euro`);
    expect(out).toContain('language: "de"\n---\n\n# München zahlt sieben Millionen – und Rotheide jubelt\n');
  });

  it('writes headings, bold, italic, link, block quote, nested and numbered lists and hard breaks', () => {
    expect(out).toContain(
      `Der FC Almental überweist **7${NBSP}Mio. Euro** an den SV Rotheide – eine *Rekordsumme* für`,
    );
    expect(out).toContain('\n## Was der Wechsel für die Liga bedeutet\n');
    expect(out).toContain('\n### Die Zahlen im Überblick\n');
    expect(out).toContain('[Pressemitteilung des Vereins](https://fc-almental.example/presse/sturzenegger)');
    expect(out).toContain('\n> „Wir haben lange verhandelt');
    expect(out).toContain(
      '- Vertragslaufzeit bis Juni 2029\n  - Option auf ein weiteres Jahr\n  - Ausstiegsklausel für Erstligisten\n- Übertragung',
    );
    expect(out).toContain('1. 41 Tore in 38 Spielen\n2. Spielerin des Jahres 2025');
    expect(out).toContain('für die Rechte.\\\nDer Sender selbst äußerte sich nicht.');
  });

  it('escapes characters that Markdown would read as syntax', () => {
    expect(md([{ type: 'text', text: '3*4 = 12 und [Anm.] <b>', format: {} }])).toBe(
      '3\\*4 = 12 und \\[Anm.\\] \\<b\\>',
    );
    expect(md([{ type: 'text', text: '1. FC Almental', format: {} }])).toBe('1\\. FC Almental');
    expect(md([{ type: 'text', text: '# kein Titel', format: {} }])).toBe('\\# kein Titel');
  });

  it('nests bold and italic instead of writing clashing delimiters, with spaces outside', () => {
    expect(
      md([
        { type: 'text', text: 'fett ', format: { bold: true } },
        { type: 'text', text: 'und kursiv', format: { bold: true, italic: true } },
        { type: 'text', text: ' normal', format: {} },
      ]),
    ).toBe('**fett *und kursiv*** normal');
    expect(
      md([
        { type: 'text', text: 'Sieg ', format: { bold: true } },
        { type: 'text', text: 'heute', format: {} },
      ]),
    ).toBe('**Sieg** heute');
  });

  it('drops links with unsafe schemes but keeps their text', () => {
    expect(
      md([
        {
          type: 'link',
          url: 'javascript:alert(1)',
          title: null,
          children: [{ type: 'text', text: 'hier', format: {} }],
        },
      ]),
    ).toBe('hier');
  });
});

describe('exportMarkdown with hostile text', () => {
  const payload = '<img src=x onerror=alert(1)>';
  /** Raw HTML a CommonMark renderer would pass through: a "<" not escaped by a backslash and outside a code span. */
  const liveHtml = (markdown: string) => /(^|[^\\])<img/m.test(markdown.replace(/`[^`\n]*`/g, ''));

  it('keeps a code run with a blank line in one code span, so what follows it stays text', () => {
    const out = md([{ type: 'text', text: `x\n\n${payload}`, format: { code: true } }]);
    expect(out).not.toMatch(/\n\s*\n/);
    expect(out).toBe(`\`x  ${payload}\``);
  });

  it('writes a line ending in a plain run as a hard break, never as a paragraph end', () => {
    const out = md([{ type: 'text', text: `Rotheide\n\n${payload}`, format: {} }]);
    expect(out).not.toMatch(/\n\s*\n/);
    expect(liveHtml(out)).toBe(false);
  });

  it('folds a link title with a blank line onto one line and escapes its markup', () => {
    const out = md([
      {
        type: 'link',
        url: 'https://sv-rotheide.example/',
        title: `Tabelle"\n\n${payload}`,
        children: [{ type: 'text', text: 'Tabelle', format: {} }],
      },
    ]);
    expect(out).not.toMatch(/\n/);
    expect(liveHtml(out)).toBe(false);
    expect(out).toBe(
      '[Tabelle](https://sv-rotheide.example/ "Tabelle\\" \\<img src=x onerror=alert\\(1\\)\\>")',
    );
  });

  it('writes markup in front matter as \\u escapes, inert where a renderer shows front matter as text', () => {
    const out = exportMarkdown(
      { ...sampleMeta, kicker: `<script>alert(1)</script> & ${payload}`, lead: 'Rotheide > Nordhafen' },
      blocksToBody([]),
    );
    const frontMatter = out.split('\n---')[0];
    expect(frontMatter).not.toMatch(/[<>&]/);
    expect(frontMatter).toContain(
      'kicker: "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u003cimg src=x onerror=alert(1)\\u003e"',
    );
    // CommonMark with raw HTML on, unaware of front matter: no element comes out of it.
    const html = new MarkdownIt({ html: true }).render(out);
    expect(html).not.toMatch(/<(script|img)/);
  });
});
