import { describe, expect, it } from 'vitest';
import {
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $getRoot,
  $createLineBreakNode,
} from 'lexical';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createAutoLinkNode, $createLinkNode } from '@lexical/link';
import { $createMarkNode } from '@lexical/mark';
import { $createSuggestedChangeNode } from './nodes/SuggestedChangeNode';
import { ARTICLE_NODE_TYPES } from '../../../shared/contract/articles';
import type { SerializedNodeJSON } from '../../../shared/domain/articles';
import { headlessArticleEditor } from './headlessEditor.testing';

function newEditor(state?: string) {
  const editor = headlessArticleEditor();
  if (state) editor.setEditorState(editor.parseEditorState(state));
  return editor;
}

function types(node: SerializedNodeJSON): string[] {
  return [node.type, ...(node.children ?? []).flatMap(types)];
}

/** One of everything an article body can hold, built through Lexical's own API. */
function buildEverything() {
  const editor = newEditor();
  editor.update(
    () => {
      const bold = $createTextNode('Strivo').toggleFormat('bold');
      const claim = $createMarkNode(['claim-1']).append($createTextNode('zahlt 12 Mio. Euro'));
      $getRoot()
        .clear()
        .append(
          $createHeadingNode('h2').append($createTextNode('Rechte')),
          $createParagraphNode().append(
            bold,
            $createTextNode(' '),
            claim,
            $createLineBreakNode(),
            $createTabNode(),
            $createLinkNode('https://rotheide.example').append($createTextNode('Bericht')),
            $createAutoLinkNode('mailto:presse@almental.example').append(
              $createTextNode('presse@almental.example'),
            ),
          ),
          $createQuoteNode().append(
            $createTextNode('Wir bleiben '),
            $createSuggestedChangeNode({
              kind: 'insert',
              id: 's-1',
              author: 'Lena Kowalczyk',
              date: '2026-12-06T17:00:00.000Z',
            }).append($createTextNode('ganz ')),
            $createTextNode('oben.'),
          ),
          $createListNode('bullet').append($createListItemNode().append($createTextNode('Eins'))),
          $createListNode('number').append(
            $createListItemNode().append($createTextNode('Zwei').toggleFormat('italic')),
          ),
        );
    },
    { discrete: true },
  );
  return editor;
}

describe('article editor config', () => {
  it('exports only node types the store accepts', () => {
    const json = buildEverything().getEditorState().toJSON();
    const used = new Set(types(json.root as unknown as SerializedNodeJSON));
    for (const type of used) expect(ARTICLE_NODE_TYPES).toContain(type);
    expect(used).toEqual(new Set(ARTICLE_NODE_TYPES));
  });

  it('keeps claim marks and their ids through a save and load', () => {
    const saved = JSON.stringify(buildEverything().getEditorState().toJSON());
    const reloaded = newEditor(saved);
    const again = reloaded.getEditorState().toJSON();
    expect(JSON.stringify(again)).toBe(saved);
    const marks = types(again.root as unknown as SerializedNodeJSON).filter((t) => t === 'mark');
    expect(marks).toHaveLength(1);
    expect(saved).toContain('"ids":["claim-1"]');
  });
});
