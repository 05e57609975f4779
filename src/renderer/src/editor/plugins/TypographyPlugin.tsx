import { useEffect } from 'react';
import { useLatestRef } from '../../app/latestRef';
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_HIGH,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { TYPING_TRIGGERS, typographyForInput } from '../../../../shared/typography/typing';
import type { ArticleLanguage } from '../../../../shared/domain/articles';

/** Enough context for every rule (the open-‚ check reads back through the paragraph). */
const CONTEXT_CHARS = 400;

/** Text of the current block up to the caret, read backwards through sibling nodes. */
function textBeforeCaret(node: TextNode, offset: number): string {
  let text = node.getTextContent().slice(0, offset);
  let current: LexicalNode = node;
  while (text.length < CONTEXT_CHARS) {
    const previous: LexicalNode | null = current.getPreviousSibling();
    if (previous === null) {
      // Continue through inline parents (links, marks) but stop at the block.
      const parent = current.getParent();
      if (parent === null || !parent.isInline()) break;
      current = parent;
      continue;
    }
    text = previous.getTextContent() + text;
    current = previous;
  }
  return text;
}

/**
 * Applies the article language's typography to typed characters: quotes, apostrophes, dashes,
 * non-breaking spaces before units. It intercepts only `beforeinput` events whose character
 * has a rule, so ordinary typing keeps Lexical's fast native path, and it reads only text
 * before the caret, so changing the language never rewrites what is already written.
 */
export function TypographyPlugin({ language }: { language: ArticleLanguage }): null {
  const [editor] = useLexicalComposerContext();
  const languageRef = useLatestRef(language);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          BEFORE_INPUT_COMMAND,
          (event: InputEvent) => {
            const data = event.data;
            if (
              event.inputType !== 'insertText' ||
              data === null ||
              !TYPING_TRIGGERS.has(data) ||
              editor.isComposing()
            )
              return false;
            const selection = $getSelection();
            if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
            const anchor = selection.anchor;
            const node = anchor.getNode();
            const onText = $isTextNode(node) && anchor.type === 'text';
            const before = onText ? textBeforeCaret(node, anchor.offset) : '';
            const edit = typographyForInput(before, data, languageRef.current);
            if (edit === null) return false;
            if (edit.remove > 0) {
              // Replacing text only works inside one plain text node; elsewhere the character goes in as typed.
              if (!onText || !node.isSimpleText() || edit.remove > anchor.offset) return false;
              if (selection.format !== node.getFormat() || selection.style !== node.getStyle()) return false;
              event.preventDefault();
              node.spliceText(anchor.offset - edit.remove, edit.remove, edit.insert, true);
              return true;
            }
            event.preventDefault();
            selection.insertText(edit.insert);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, languageRef],
  );
  return null;
}
