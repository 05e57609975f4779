import type { EditorThemeClasses, LexicalEditor } from 'lexical';
import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import type { ArticleBody } from '../../../shared/domain/articles';
import { ARTICLE_NODES } from './nodes/articleNodes';

/** Class names for editor nodes; styled in styles/editor.css. */
export const ARTICLE_THEME: EditorThemeClasses = {
  paragraph: 'ed-p',
  heading: { h2: 'ed-h2', h3: 'ed-h3' },
  quote: 'ed-quote',
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-li-nested' },
  },
  link: 'ed-link',
  mark: 'ed-mark',
  markOverlap: 'ed-mark-overlap',
  text: { bold: 'ed-bold', italic: 'ed-italic' },
};

export const ARTICLE_NAMESPACE = 'factdesk-article';

function reportError(error: Error, _editor: LexicalEditor): void {
  // A broken update must not silently eat text; the error boundary shows it and autosave keeps the last good state.
  console.error('[editor]', error);
}

/** The composer config for an article body: the one place that lists nodes and theme. */
export function articleEditorConfig(
  body: ArticleBody | null,
  namespace = ARTICLE_NAMESPACE,
): InitialConfigType {
  return {
    namespace,
    nodes: [...ARTICLE_NODES],
    theme: ARTICLE_THEME,
    onError: reportError,
    editorState: body ? JSON.stringify(body.editorState) : undefined,
  };
}
