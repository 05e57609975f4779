import { createHeadlessEditor } from '@lexical/headless';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { describe, expect, it } from 'vitest';
import type { ArticleBody } from '../domain/articles';
import {
  blocksPlainText,
  blocksToBody,
  bodyToBlocks,
  claimRanges,
  plainText,
  withoutClaimMarks,
  type Block,
  type ListBlock,
} from './blocks';
import { NBSP, sampleBody, sampleClaims } from './sampleArticle.fixture';

function editor() {
  return createHeadlessEditor({
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, MarkNode],
    onError: (error) => {
      throw error;
    },
  });
}

/** Loads JSON into a real Lexical 0.52 editor and serializes it again. */
function throughLexical(body: ArticleBody): unknown {
  const e = editor();
  const state = e.parseEditorState(JSON.stringify(body.editorState));
  return state.toJSON();
}

describe('bodyToBlocks', () => {
  it('reads the sample article, which a real Lexical editor loads without changing it', () => {
    expect(throughLexical(sampleBody)).toEqual(sampleBody.editorState);
    const blocks = bodyToBlocks(sampleBody);
    expect(blocks.map((b) => (b.type === 'heading' ? `h${b.level}` : b.type))).toEqual([
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
  });

  it('attaches a nested list to the item before it instead of making an empty item', () => {
    const bullets = bodyToBlocks(sampleBody)[5] as ListBlock;
    expect(bullets.ordered).toBe(false);
    expect(bullets.items).toHaveLength(3);
    expect(bullets.items[1].lists).toHaveLength(1);
    expect(bullets.items[1].lists[0].items.map((i) => i.content)).toEqual([
      [{ type: 'text', text: 'Option auf ein weiteres Jahr', format: {} }],
      [{ type: 'text', text: 'Ausstiegsklausel für Erstligisten', format: {} }],
    ]);
  });

  it('keeps claim ids, bold text inside a mark and the link target', () => {
    const blocks = bodyToBlocks(sampleBody);
    const second = blocks[1] as Extract<Block, { type: 'paragraph' }>;
    expect(second.content[1]).toEqual({
      type: 'claim',
      ids: ['c-amount'],
      children: [{ type: 'text', text: `7${NBSP}Mio. Euro`, format: { bold: true } }],
    });
    const withLink = blocks[3] as Extract<Block, { type: 'paragraph' }>;
    expect(withLink.content[1]).toMatchObject({
      type: 'link',
      url: 'https://fc-almental.example/presse/sturzenegger',
    });
  });

  it('turns unknown nodes into text and survives a body without a root', () => {
    const odd: ArticleBody = {
      schemaVersion: 1,
      editorState: {
        root: {
          type: 'root',
          version: 1,
          children: [
            { type: 'callout', version: 1, children: [{ type: 'emoji', version: 1, text: '⚽' }] },
            { type: 'text', version: 1, text: 'lose im Root', format: 2 },
          ],
        },
      },
    };
    expect(blocksPlainText(bodyToBlocks(odd))).toBe('⚽\nlose im Root');
    expect(bodyToBlocks({ schemaVersion: 1, editorState: {} as never })).toEqual([]);
  });
});

describe('blocksToBody', () => {
  it('writes JSON that a real editor loads and serializes back identically (sample round trip)', () => {
    const rebuilt = blocksToBody(bodyToBlocks(sampleBody));
    expect(rebuilt).toEqual(sampleBody);
    expect(throughLexical(rebuilt)).toEqual(rebuilt.editorState);
  });

  it('numbers ordered lists from their start and nests items with the right indent', () => {
    const blocks: Block[] = [
      {
        type: 'list',
        ordered: true,
        start: 4,
        items: [
          {
            content: [{ type: 'text', text: 'vier', format: {} }],
            lists: [
              {
                type: 'list',
                ordered: false,
                start: 1,
                items: [{ content: [{ type: 'text', text: 'a', format: {} }], lists: [] }],
              },
            ],
          },
          { content: [{ type: 'text', text: 'fünf', format: {} }], lists: [] },
        ],
      },
    ];
    const body = blocksToBody(blocks);
    expect(throughLexical(body)).toEqual(body.editorState);
    const list = body.editorState.root.children![0];
    expect(list.children!.map((i) => i.value)).toEqual([4, 5, 5]);
    expect(list.children![1].children![0].children![0].indent).toBe(1);
    expect(bodyToBlocks(body)).toEqual(blocks);
  });

  it('stores tabs as tab nodes and drops empty links and marks', () => {
    const body = blocksToBody([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Tor\t90.', format: {} },
          { type: 'link', url: 'https://example.org', title: null, children: [] },
          { type: 'claim', ids: ['x'], children: [] },
        ],
      },
    ]);
    expect(throughLexical(body)).toEqual(body.editorState);
    expect(body.editorState.root.children![0].children!.map((n) => n.type)).toEqual(['text', 'tab', 'text']);
  });

  it('gives an empty document one empty paragraph so the editor has a place for the caret', () => {
    const body = blocksToBody([]);
    expect(throughLexical(body)).toEqual(body.editorState);
    expect(plainText(body)).toBe('');
  });
});

describe('plainText and claimRanges', () => {
  it('puts every block and list item on its own line, joined by a single newline', () => {
    const text = plainText(sampleBody);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '„Das ist ein großer Tag für unseren Verein“, sagte Almentals Präsidentin Elke Maiwald am Montagabend.',
    );
    expect(lines[2]).toBe('Was der Wechsel für die Liga bedeutet');
    expect(lines.slice(5, 10)).toEqual([
      `Ablöse: 7${NBSP}Mio. Euro, zahlbar in zwei Raten`,
      'Vertragslaufzeit bis Juni 2029',
      'Option auf ein weiteres Jahr',
      'Ausstiegsklausel für Erstligisten',
      'Übertragung der Spiele beim Streamingdienst Strivo',
    ]);
    // The line break inside the last paragraph is a newline too.
    expect(lines.slice(-2)).toEqual([
      `Strivo zahlt laut Almentaler Kurier 1,2${NBSP}Mio. Euro pro Saison für die Rechte.`,
      'Der Sender selbst äußerte sich nicht.',
    ]);
    expect(text).not.toContain('\n\n');
  });

  it('reports claim offsets that slice exactly the marked text out of plainText', () => {
    const text = plainText(sampleBody);
    const ranges = claimRanges(sampleBody);
    expect(ranges.map((r) => r.claimId)).toEqual(['c-quote', 'c-role', 'c-amount', 'c-date', 'c-strivo']);
    for (const range of ranges) {
      expect(text.slice(range.start, range.end)).toBe(range.text);
      expect(range.text).toBe(sampleClaims.find((c) => c.id === range.claimId)!.text);
    }
    expect(ranges[0].start).toBe(0);
  });

  it('merges the two halves of a claim split around a link into one range', () => {
    const body = blocksToBody([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Laut ', format: {} },
          { type: 'claim', ids: ['k'], children: [{ type: 'text', text: 'Strivo ', format: {} }] },
          {
            type: 'link',
            url: 'https://strivo.example',
            title: null,
            children: [
              { type: 'claim', ids: ['k', 'm'], children: [{ type: 'text', text: 'zahlt', format: {} }] },
            ],
          },
        ],
      },
    ]);
    expect(claimRanges(body)).toEqual([
      { claimId: 'k', start: 5, end: 17, text: 'Strivo zahlt' },
      { claimId: 'm', start: 12, end: 17, text: 'zahlt' },
    ]);
  });

  it('removes claim marks but keeps their text for clean exports', () => {
    const clean = withoutClaimMarks(bodyToBlocks(sampleBody));
    expect(JSON.stringify(clean)).not.toContain('"claim"');
    expect(blocksPlainText(clean)).toBe(plainText(sampleBody));
  });
});
