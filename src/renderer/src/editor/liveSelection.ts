import { $createRangeSelectionFromDom, $getSelection, $isRangeSelection, $setSelection, type BaseSelection, type LexicalEditor } from 'lexical';

/**
 * The selection the user sees, for commands run from a shortcut. Lexical learns of a keyboard
 * selection through the browser's asynchronous selectionchange event, and outside that event
 * it keeps its previous selection; a shortcut pressed right after Shift+Home can arrive first
 * and would then act on a stale (often collapsed) selection. Call inside an update.
 */
export function $liveSelection(editor: LexicalEditor): BaseSelection | null {
  const current = $getSelection();
  const root = editor.getRootElement();
  const dom = root?.ownerDocument.defaultView?.getSelection() ?? null;
  if (!root || !dom || dom.rangeCount === 0 || !root.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return current;
  const seen = $createRangeSelectionFromDom(dom, editor);
  if (seen === null || ($isRangeSelection(current) && seen.is(current))) return current;
  $setSelection(seen);
  return seen;
}
