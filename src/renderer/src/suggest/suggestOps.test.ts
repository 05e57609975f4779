import { describe, expect, it } from 'vitest';
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
  type TextNode,
  UNDO_COMMAND,
} from 'lexical';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $createMarkNode } from '@lexical/mark';
import { suggestionShapeProblems } from '../../../shared/article/suggestedChanges';
import { withoutPendingSuggestions, pendingSuggestions } from '../../../shared/article/suggestedChanges';
import { plainText } from '../../../shared/article/blocks';
import type {
  ArticleBody,
  SerializedEditorStateJSON,
  SerializedNodeJSON,
} from '../../../shared/domain/articles';
import { $markedClaims } from '../claims/editorMarks';
import {
  $resolveSuggestions,
  $reviewItems,
  $suggestDeleteCharacter,
  $suggestDeleteSelection,
  $suggestInsertText,
  $suggestionIdsAtSelection,
  type SuggestActor,
} from './suggestOps';
import { headlessArticleEditor } from '../editor/headlessEditor.testing';

function newEditor(): LexicalEditor {
  const editor = headlessArticleEditor();
  registerHistory(editor, createEmptyHistoryState(), 0);
  return editor;
}

function actor(author: string): SuggestActor {
  let n = 0;
  return {
    author,
    now: () => '2026-12-06T17:00:00.000Z',
    newId: () => `s-${author.replace(/\W/g, '')}-${++n}`,
  };
}

const lena = actor('Lena Kowalczyk');
const jonas = actor('Jonas Brandt');

function body(editor: LexicalEditor): ArticleBody {
  return {
    schemaVersion: 1,
    editorState: editor.getEditorState().toJSON() as unknown as SerializedEditorStateJSON,
  };
}

/** The editor's text with pending insertions in [+…] and deletions in [-…], claim marks in {…}. */
function shown(editor: LexicalEditor): string {
  return render(body(editor).editorState.root);
}

/** What the store's check says about every suggested change in the body (the store runs the same function). */
function shapeProblems(b: ArticleBody): string[] {
  const out: string[] = [];
  const visit = (node: SerializedNodeJSON, parent: string | null, inside: boolean) => {
    if (node.type === 'suggested-change')
      out.push(...suggestionShapeProblems(node, parent, inside).map((p) => `${p.field}: ${p.message}`));
    for (const child of node.children ?? [])
      visit(child, node.type, inside || node.type === 'suggested-change');
  };
  visit(b.editorState.root, null, false);
  return out;
}

function render(node: { type: string; text?: unknown; kind?: unknown; children?: unknown[] }): string {
  if (node.type === 'text') return String(node.text);
  if (node.type === 'linebreak') return '\n';
  const inner = ((node.children ?? []) as (typeof node)[]).map(render).join('');
  if (node.type === 'suggested-change') return node.kind === 'insert' ? `[+${inner}]` : `[-${inner}]`;
  if (node.type === 'mark') return `{${inner}}`;
  if (node.type === 'paragraph') return `${inner}¶`;
  return inner;
}

function update(editor: LexicalEditor, fn: () => void): void {
  editor.update(fn, { discrete: true });
}

/** One or more paragraphs of plain text. */
function fill(editor: LexicalEditor, ...paragraphs: string[]): void {
  update(editor, () => {
    $getRoot()
      .clear()
      .append(...paragraphs.map((p) => $createParagraphNode().append($createTextNode(p))));
  });
}

function $textAt(paragraph: number, child = 0): TextNode {
  const node = $getRoot().getChildAtIndex(paragraph) as import('lexical').ElementNode;
  const leaf = node.getAllTextNodes()[child];
  if (!$isTextNode(leaf)) throw new Error('no text');
  return leaf;
}

function $select(from: [TextNode, number], to: [TextNode, number]): void {
  const s = $createRangeSelection();
  s.anchor.set(from[0].getKey(), from[1], 'text');
  s.focus.set(to[0].getKey(), to[1], 'text');
  $setSelection(s);
}

function $caret(node: TextNode, offset: number): void {
  $select([node, offset], [node, offset]);
}

function del(editor: LexicalEditor, who: SuggestActor, from: [number, number], to: [number, number]): void {
  update(editor, () => {
    $select([$textAt(from[0]), from[1]], [$textAt(to[0]), to[1]]);
    const s = $getSelection();
    if ($isRangeSelection(s)) $suggestDeleteSelection(s, who, 'end');
  });
}

describe('suggest mode: insertions', () => {
  it('types into one insertion that grows, and the store accepts the body', () => {
    const editor = newEditor();
    fill(editor, 'SV Rotheide gewinnt.');
    update(editor, () => $caret($textAt(0), 11));
    for (const ch of [' ', 'k', 'l', 'a', 'r']) update(editor, () => void $suggestInsertText(ch, lena));
    expect(shown(editor)).toBe('SV Rotheide[+ klar] gewinnt.¶');
    expect(pendingSuggestions(body(editor))).toEqual([
      {
        id: 's-LenaKowalczyk-1',
        kind: 'insert',
        author: 'Lena Kowalczyk',
        date: '2026-12-06T17:00:00.000Z',
        text: ' klar',
      },
    ]);
    expect(shapeProblems(body(editor))).toEqual([]);
    expect(plainText(withoutPendingSuggestions(body(editor)))).toBe('SV Rotheide gewinnt.');
  });

  it("splits someone else's insertion instead of writing in their name", () => {
    const editor = newEditor();
    fill(editor, 'FC Nordhafen.');
    update(editor, () => $caret($textAt(0), 2));
    update(editor, () => void $suggestInsertText(' Ost', lena));
    update(editor, () => $caret($textAt(0, 1), 2));
    update(editor, () => void $suggestInsertText('-', jonas));
    expect(shown(editor)).toBe('FC[+ O][+-][+st] Nordhafen.¶');
    const items = editor.getEditorState().read($reviewItems);
    expect(items.map((i) => [i.author, i.text])).toEqual([
      ['Lena Kowalczyk', ' Ost'],
      ['Jonas Brandt', '-'],
    ]);
  });

  it('typing over a selection marks it deleted and inserts after it', () => {
    const editor = newEditor();
    fill(editor, 'Der Trainer lobte die Abwehr.');
    update(editor, () => {
      $select([$textAt(0), 18], [$textAt(0), 21]);
      $suggestInsertText('das', lena);
    });
    expect(shown(editor)).toBe('Der Trainer lobte [-die][+das] Abwehr.¶');
  });
});

describe('suggest mode: deletions', () => {
  it('marks text deleted across paragraphs as one suggestion, keeping it in the text', () => {
    const editor = newEditor();
    fill(editor, 'Erster Absatz endet hier.', 'Zweiter beginnt da.');
    del(editor, lena, [0, 14], [1, 8]);
    expect(shown(editor)).toBe('Erster Absatz [-endet hier.]¶[-Zweiter ]beginnt da.¶');
    const pending = pendingSuggestions(body(editor));
    expect(pending).toHaveLength(1);
    expect(pending[0].text).toBe('endet hier.Zweiter ');
    expect(shapeProblems(body(editor))).toEqual([]);
    // A clean export keeps pending deletions.
    expect(plainText(withoutPendingSuggestions(body(editor)))).toBe(
      'Erster Absatz endet hier.\nZweiter beginnt da.',
    );
    update(editor, () => void $resolveSuggestions(null, true));
    expect(shown(editor)).toBe('Erster Absatz ¶beginnt da.¶');
  });

  it('deletes inside a claim mark and across formatting without breaking the mark', () => {
    const editor = newEditor();
    update(editor, () => {
      $getRoot()
        .clear()
        .append(
          $createParagraphNode().append(
            $createTextNode('Almental zahlt '),
            $createMarkNode(['c-1']).append(
              $createTextNode('sieben '),
              $createTextNode('Millionen').toggleFormat('bold'),
            ),
            $createTextNode(' Euro.'),
          ),
        );
    });
    update(editor, () => {
      const [, seven, millions] = $getRoot().getAllTextNodes() as TextNode[];
      $select([seven, 3], [millions, 4]);
      const s = $getSelection();
      if ($isRangeSelection(s)) $suggestDeleteSelection(s, lena, 'end');
    });
    expect(shown(editor)).toBe('Almental zahlt {sie[-ben Mill]ionen} Euro.¶');
    expect(shapeProblems(body(editor))).toEqual([]);
    // The claim keeps its whole text while the deletion is pending.
    expect(editor.getEditorState().read($markedClaims)[0].text).toBe('sieben Millionen');
    update(editor, () => void $resolveSuggestions(null, true));
    expect(shown(editor)).toBe('Almental zahlt {sieionen} Euro.¶');
  });

  it("deleting one's own pending insertion removes it for real", () => {
    const editor = newEditor();
    fill(editor, 'Tor in der 90. Minute.');
    update(editor, () => $caret($textAt(0), 14));
    update(editor, () => void $suggestInsertText(' (+3)', lena));
    expect(shown(editor)).toBe('Tor in der 90.[+ (+3)] Minute.¶');
    for (let i = 0; i < 5; i++) update(editor, () => void $suggestDeleteCharacter(true, lena));
    expect(shown(editor)).toBe('Tor in der 90. Minute.¶');
    expect(pendingSuggestions(body(editor))).toEqual([]);
  });

  it('Backspace steps over deleted text and merges into one deletion; at a paragraph start it does nothing', () => {
    const editor = newEditor();
    fill(editor, 'abc', 'def');
    update(editor, () => $caret($textAt(0), 3));
    for (let i = 0; i < 3; i++) update(editor, () => void $suggestDeleteCharacter(true, lena));
    expect(shown(editor)).toBe('[-abc]¶def¶');
    expect(pendingSuggestions(body(editor))).toHaveLength(1);
    update(editor, () => void $suggestDeleteCharacter(true, lena));
    expect(shown(editor)).toBe('[-abc]¶def¶');
    update(editor, () => $caret($textAt(1), 0));
    update(editor, () => void $suggestDeleteCharacter(false, lena));
    expect(shown(editor)).toBe('[-abc]¶[-d]ef¶');
  });

  it('Delete forward skips deleted text to the next character', () => {
    const editor = newEditor();
    fill(editor, 'xyz');
    update(editor, () => $caret($textAt(0), 0));
    update(editor, () => void $suggestDeleteCharacter(false, lena));
    update(editor, () => void $suggestDeleteCharacter(false, lena));
    expect(shown(editor)).toBe('[-xy]z¶');
  });
});

describe('accept and reject', () => {
  function twoChanges(): LexicalEditor {
    const editor = newEditor();
    fill(editor, 'SV Rotheide siegt 2:1.');
    update(editor, () => $caret($textAt(0), 11));
    update(editor, () => void $suggestInsertText(' knapp', lena));
    del(editor, jonas, [0, 2], [0, 2]);
    update(editor, () => {
      const last = $getRoot().getAllTextNodes().at(-1) as TextNode;
      $select([last, 7], [last, 10]);
      const s = $getSelection();
      if ($isRangeSelection(s)) $suggestDeleteSelection(s, jonas, 'end');
    });
    return editor;
  }

  it('accepts and rejects each, and resolves all at once', () => {
    const editor = twoChanges();
    expect(shown(editor)).toBe('SV Rotheide[+ knapp] siegt [-2:1].¶');
    const [ins, dele] = editor.getEditorState().read($reviewItems);
    expect(ins.before).toBe('SV Rotheide siegt 2:1.');
    expect(ins.after).toBe('SV Rotheide knapp siegt 2:1.');
    expect(dele.after).toBe('SV Rotheide knapp siegt .');

    const rejected = newEditor();
    rejected.setEditorState(editor.getEditorState());
    update(rejected, () => void $resolveSuggestions(new Set([ins.id]), false));
    expect(shown(rejected)).toBe('SV Rotheide siegt [-2:1].¶');
    update(rejected, () => void $resolveSuggestions(new Set([dele.id]), false));
    expect(shown(rejected)).toBe('SV Rotheide siegt 2:1.¶');

    update(editor, () => expect($resolveSuggestions(null, true)).toBe(2));
    expect(shown(editor)).toBe('SV Rotheide knapp siegt .¶');
  });

  it('resolves only the suggestions the selection touches', () => {
    const editor = twoChanges();
    update(editor, () => {
      const nodes = $getRoot().getAllTextNodes();
      const knapp = nodes.find((n) => n.getTextContent() === ' knapp')!;
      $caret(knapp, 2);
    });
    const ids = editor.getEditorState().read($suggestionIdsAtSelection);
    expect(ids).toHaveLength(1);
    update(editor, () => void $resolveSuggestions(new Set(ids), true));
    expect(shown(editor)).toBe('SV Rotheide knapp siegt [-2:1].¶');
  });

  it('a claim inside a rejected insertion leaves the text and comes back with undo', () => {
    const editor = newEditor();
    fill(editor, 'Der Verein meldet.');
    update(editor, () => $caret($textAt(0), 10));
    update(editor, () => void $suggestInsertText(' 7 Mio. Euro Gewinn', lena));
    // Mark part of the inserted text as a claim (what "Mark as claim" does).
    update(editor, () => {
      const inserted = $getRoot()
        .getAllTextNodes()
        .find((n) => n.getTextContent().includes('Mio'))!;
      const [, claimText] = inserted.splitText(1, 12);
      const mark = $createMarkNode(['c-9']);
      claimText.insertBefore(mark);
      mark.append(claimText);
    });
    expect(shown(editor)).toBe('Der Verein[+ {7 Mio. Euro} Gewinn] meldet.¶');
    expect(shapeProblems(body(editor))).toEqual([]);
    update(editor, () => void $resolveSuggestions(null, false));
    expect(shown(editor)).toBe('Der Verein meldet.¶');
    expect(editor.getEditorState().read($markedClaims)).toEqual([]);
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    editor.update(() => undefined, { discrete: true });
    expect(
      editor
        .getEditorState()
        .read($markedClaims)
        .map((c) => c.text),
    ).toEqual(['7 Mio. Euro']);
  });
});
