import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type LexicalEditor,
} from 'lexical';

/**
 * Makes the editor's selection the one the user sees, for a shortcut's command. Lexical learns
 * of a keyboard selection through the browser's asynchronous selectionchange event, and in a
 * keydown it keeps its previous selection; a shortcut pressed right after Shift+Home can
 * arrive first and would then act on a stale, often collapsed, selection. Only for keyboard
 * commands: a command started elsewhere (a panel button) may have set the selection itself.
 * Call inside an update.
 */
export function $adoptDomSelection(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  const dom = root?.ownerDocument.defaultView?.getSelection() ?? null;
  if (
    !root ||
    !dom ||
    dom.rangeCount === 0 ||
    !root.contains(dom.anchorNode) ||
    !root.contains(dom.focusNode)
  )
    return;
  const seen = $createRangeSelectionFromDom(dom, editor);
  const current = $getSelection();
  if (seen !== null && !($isRangeSelection(current) && seen.is(current))) $setSelection(seen);
}
