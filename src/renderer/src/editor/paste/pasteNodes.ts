import {
  $createParagraphNode,
  $createTextNode,
  $isElementNode,
  $isTextNode,
  IS_BOLD,
  IS_ITALIC,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $generateNodesFromDOM } from '@lexical/html';
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode } from '@lexical/list';
import { allowedLinkUrl } from '../../../../shared/article/links';

/**
 * Strips what the sanitiser cannot see from imported nodes: formats other than bold and
 * italic, inline styles, alignment and indentation, link targets. A link whose address is not
 * http/https/mailto is replaced by its text.
 */
function $clean(nodes: LexicalNode[]): LexicalNode[] {
  const out: LexicalNode[] = [];
  for (const node of nodes) {
    if ($isTextNode(node)) {
      node.setFormat(node.getFormat() & (IS_BOLD | IS_ITALIC));
      node.setStyle('');
      out.push(node);
      continue;
    }
    if ($isLinkNode(node)) {
      const children = $clean(node.getChildren());
      if (allowedLinkUrl(node.getURL()) === null) {
        out.push(...children);
        continue;
      }
      node.setTarget(null);
      node.setRel(null);
      node.setTitle(null);
    }
    if ($isElementNode(node)) {
      const children = $clean(node.getChildren());
      node.clear();
      node.append(...children);
      node.setFormat('');
      if (!$isListItemNode(node)) node.setIndent(0);
    }
    out.push(node);
  }
  return out;
}

/** Nodes for a sanitised document; call inside an editor update. */
export function $nodesFromSanitizedHtml(editor: LexicalEditor, doc: Document): LexicalNode[] {
  return $clean($generateNodesFromDOM(editor, doc));
}

/**
 * Plain text keeps its paragraphs: every non-empty line becomes one. A single line is
 * inserted as text, so pasting a name mid-sentence does not split the paragraph.
 */
export function $nodesFromPlainText(text: string): LexicalNode[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''));
  const paragraphs = lines.filter((l) => l.trim() !== '');
  if (paragraphs.length === 0) return [];
  if (lines.length === 1) return [$createTextNode(paragraphs[0])];
  return paragraphs.map((line) => $createParagraphNode().append($createTextNode(line)));
}
