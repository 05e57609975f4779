import { describe, expect, it } from 'vitest';
import {
  bodyToBlocks,
  canonicalBlocks,
  plainText,
  withoutClaimMarks,
  type Inline,
} from '../../shared/article/blocks';
import { NBSP, sampleBody, sampleMeta } from '../../shared/article/sampleArticle.fixture';
import { exportMarkdown } from '../../shared/export/markdown';
import { importMarkdown } from './markdown';
import { parseInline } from './markdownInline';

function firstParagraph(md: string): Inline[] {
  const block = bodyToBlocks(importMarkdown(md).body)[0];
  return block.type === 'list' ? [] : block.content;
}

describe('importMarkdown', () => {
  it('reads the Markdown export back with the same text, structure and metadata', () => {
    const imported = importMarkdown(exportMarkdown(sampleMeta, sampleBody));
    expect(plainText(imported.body)).toBe(plainText(sampleBody));
    expect(imported.meta).toEqual({
      kicker: sampleMeta.kicker,
      headline: sampleMeta.headline,
      lead: sampleMeta.lead,
      byline: sampleMeta.byline,
      dateline: sampleMeta.dateline,
      language: 'de',
    });
    const types = bodyToBlocks(imported.body).map((b) => (b.type === 'heading' ? `h${b.level}` : b.type));
    expect(types).toEqual([
      'paragraph',
      'paragraph',
      'h2',
      'paragraph',
      'quote',
      'list',
      'h3',
      'list',
      'paragraph',
    ]);
    // Everything except the claim marks survives, so the blocks equal the clean original.
    expect(bodyToBlocks(imported.body)).toEqual(canonicalBlocks(withoutClaimMarks(bodyToBlocks(sampleBody))));
  });

  it('reads markup in the front matter back from its escapes', () => {
    const kicker = '<Derby> & „Rückspiel“';
    const imported = importMarkdown(
      exportMarkdown({ ...sampleMeta, kicker, byline: 'Lena <Kowalczyk>' }, sampleBody),
    );
    expect(imported.meta.kicker).toBe(kicker);
    expect(imported.meta.byline).toBe('Lena <Kowalczyk>');
  });

  it('takes the first heading as headline and maps the other levels to h2 and h3', () => {
    const imported = importMarkdown('# Rotheide siegt\n\nText.\n\n## Halbzeit\n\n#### Details\n');
    expect(imported.meta.headline).toBe('Rotheide siegt');
    expect(bodyToBlocks(imported.body).map((b) => (b.type === 'heading' ? b.level : b.type))).toEqual([
      'paragraph',
      2,
      3,
    ]);
  });

  it('does not take a subhead in the middle of the text as headline', () => {
    const imported = importMarkdown('Erster Absatz.\n\n## Zwischentitel\n\nMehr.');
    expect(imported.meta.headline).toBeUndefined();
    expect(plainText(imported.body)).toBe('Erster Absatz.\nZwischentitel\nMehr.');
  });

  it('reads setext headings, soft breaks as spaces and hard breaks as line breaks', () => {
    const imported = importMarkdown('Titel\n=====\n\nZeile eins\nweiter  \nneue Zeile\\\nletzte');
    expect(imported.meta.headline).toBe('Titel');
    expect(plainText(imported.body)).toBe('Zeile eins weiter\nneue Zeile\nletzte');
  });

  it('parses nested emphasis, code spans, escapes and strikethrough', () => {
    expect(parseInline('**fett *und kursiv*** normal')).toEqual([
      { type: 'text', text: 'fett ', format: { bold: true } },
      { type: 'text', text: 'und kursiv', format: { bold: true, italic: true } },
      { type: 'text', text: ' normal', format: {} },
    ]);
    expect(parseInline('snake_case_name und _kursiv_')).toEqual([
      { type: 'text', text: 'snake_case_name und ', format: {} },
      { type: 'text', text: 'kursiv', format: { italic: true } },
    ]);
    expect(parseInline('`a*b*` \\*kein\\* ~~weg~~ 3 * 4')).toEqual([
      { type: 'text', text: 'a*b*', format: { code: true } },
      { type: 'text', text: ' *kein* ', format: {} },
      { type: 'text', text: 'weg', format: { strikethrough: true } },
      { type: 'text', text: ' 3 * 4', format: {} },
    ]);
    expect(parseInline('**offen')).toEqual([{ type: 'text', text: '**offen', format: {} }]);
  });

  it('keeps http(s) and mailto links with titles, autolinks, drops images and javascript links', () => {
    expect(
      firstParagraph('[Bericht](https://kurier.example/a_(b) "Quelle") und <https://strivo.example>'),
    ).toEqual([
      {
        type: 'link',
        url: 'https://kurier.example/a_(b)',
        title: 'Quelle',
        children: [{ type: 'text', text: 'Bericht', format: {} }],
      },
      { type: 'text', text: ' und ', format: {} },
      {
        type: 'link',
        url: 'https://strivo.example',
        title: null,
        children: [{ type: 'text', text: 'https://strivo.example', format: {} }],
      },
    ]);
    const imported = importMarkdown(
      'Bild ![Logo](https://x.example/p.gif) [klick](javascript:alert(1)) [Mail](mailto:desk@example.org)',
    );
    expect(bodyToBlocks(imported.body)[0]).toEqual({
      type: 'paragraph',
      content: [
        // The dropped image leaves both of the spaces around it.
        { type: 'text', text: 'Bild  klick ', format: {} },
        {
          type: 'link',
          url: 'mailto:desk@example.org',
          title: null,
          children: [{ type: 'text', text: 'Mail', format: {} }],
        },
      ],
    });
    expect(imported.warnings[0]).toMatch(/Removed 1 link target/);
  });

  it('nests lists by indentation, keeps the start number and joins continuation lines', () => {
    const blocks = bodyToBlocks(
      importMarkdown('3. drei\n   weiter\n4. vier\n   - a\n   - b\n5. fünf\n').body,
    );
    expect(blocks).toEqual([
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          { content: [{ type: 'text', text: 'drei weiter', format: {} }], lists: [] },
          {
            content: [{ type: 'text', text: 'vier', format: {} }],
            lists: [
              {
                type: 'list',
                ordered: false,
                start: 1,
                items: [
                  { content: [{ type: 'text', text: 'a', format: {} }], lists: [] },
                  { content: [{ type: 'text', text: 'b', format: {} }], lists: [] },
                ],
              },
            ],
          },
          { content: [{ type: 'text', text: 'fünf', format: {} }], lists: [] },
        ],
      },
    ]);
  });

  it('turns each paragraph of a block quote into a quote block and keeps NBSP and quotes', () => {
    const blocks = bodyToBlocks(importMarkdown(`> „Erster“ Satz mit 7${NBSP}Mio.\n>\n> Zweiter\n`).body);
    expect(blocks).toEqual([
      { type: 'quote', content: [{ type: 'text', text: `„Erster“ Satz mit 7${NBSP}Mio.`, format: {} }] },
      { type: 'quote', content: [{ type: 'text', text: 'Zweiter', format: {} }] },
    ]);
  });

  it('drops raw HTML tags but keeps their text and reads fenced code as code text', () => {
    const text = plainText(
      importMarkdown('Vor <span onclick="x()">Mitte</span><br>nach\n\n```\nzeile 1\nzeile 2\n```\n').body,
    );
    expect(text).toBe('Vor Mitte\nnach\nzeile 1\nzeile 2');
  });
});

describe('importMarkdown on hostile nesting', () => {
  // Found by the malformed-files suite (tests/hardening): 2,000 nested quote markers overflowed the stack ("internal").
  it('reads thousands of nested quote markers as one quote, and caps list nesting', () => {
    const quoted = importMarkdown(`${'> '.repeat(20_000)}FC Nordhafen gewinnt`);
    expect(bodyToBlocks(quoted.body)).toEqual([
      { type: 'quote', content: [{ type: 'text', text: 'FC Nordhafen gewinnt', format: {} }] },
    ]);
    expect(bodyToBlocks(importMarkdown('> > SV Rotheide\n> > führt').body)).toEqual(
      bodyToBlocks(importMarkdown('> SV Rotheide\n> führt').body),
    );

    const list = importMarkdown(
      Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- Ebene ${i}`).join('\n'),
    );
    let depth = 0;
    let level = bodyToBlocks(list.body)[0] as { items: { lists: unknown[] }[] } | undefined;
    while (level) {
      depth++;
      level = level.items[level.items.length - 1]?.lists[0] as typeof level;
    }
    expect(depth).toBe(16);
    expect(plainText(list.body)).toContain('Ebene 1999');
  });
});
