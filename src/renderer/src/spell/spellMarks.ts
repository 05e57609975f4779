import { $setSelection, type LexicalEditor } from 'lexical';
import type { Misspelling, SpellLanguage } from '../../../shared/spell/checker';
import { $editorTextMap, $selectionOf } from '../detect/editorText';

/** A misspelling painted on screen, with the DOM range it was painted over. */
export interface PaintedMisspelling {
  miss: Misspelling;
  range: Range;
}

interface Marks {
  editor: LexicalEditor;
  lang: SpellLanguage;
  painted: PaintedMisspelling[];
}

// Only the editor whose plugin painted last; the context menu asks about the editor it opened in.
let current: Marks | null = null;

export function setSpellMarks(marks: Marks | null): void {
  current = marks;
}

export interface MisspellingHit {
  miss: Misspelling;
  lang: SpellLanguage;
}

/**
 * The underlined word at a point of the screen (a right click) or, for a menu opened from the
 * keyboard (0,0), at the caret.
 */
export function misspellingAt(editor: LexicalEditor, x: number, y: number): MisspellingHit | null {
  if (!current || current.editor !== editor) return null;
  let node: Node | null = null;
  let offset = 0;
  if (x !== 0 || y !== 0) {
    const caret = document.caretRangeFromPoint?.(x, y);
    if (caret) ({ startContainer: node, startOffset: offset } = caret);
  } else {
    const selection = window.getSelection();
    if (selection?.anchorNode) ({ anchorNode: node, anchorOffset: offset } = selection);
  }
  if (!node) return null;
  for (const p of current.painted) {
    try {
      if (p.range.isPointInRange(node, offset)) return { miss: p.miss, lang: current.lang };
    } catch {
      // A point in another document or a detached node is simply not in the range.
    }
  }
  return null;
}

/** Replaces the misspelt word, unless the text there has changed since it was checked. */
export function replaceMisspelling(editor: LexicalEditor, miss: Misspelling, replacement: string): void {
  editor.update(() => {
    const selection = $selectionOf($editorTextMap(), miss.start, miss.end, miss.word);
    if (!selection) return;
    $setSelection(selection);
    selection.insertText(replacement);
  });
}
