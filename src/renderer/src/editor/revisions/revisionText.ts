import { $getRoot, createEditor, type LexicalEditor } from 'lexical';
import type { ArticleBody } from '../../../../shared/domain/articles';
import { ARTICLE_NODES } from '../nodes/articleNodes';

let reader: LexicalEditor | null = null;

/**
 * A revision's body as text, read by Lexical itself so it matches the live editor's
 * `getTextContent()` exactly (paragraphs separated the same way) and the diff shows only real changes.
 */
export function bodyText(body: ArticleBody): string {
  reader ??= createEditor({
    namespace: 'factdesk-revision-reader',
    nodes: [...ARTICLE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  return reader.parseEditorState(JSON.stringify(body.editorState)).read(() => $getRoot().getTextContent());
}
