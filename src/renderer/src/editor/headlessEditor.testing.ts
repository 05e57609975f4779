import type { LexicalEditor } from 'lexical';
import { createHeadlessEditor } from '@lexical/headless';
import { articleEditorConfig } from './config';

/** For tests: a headless editor with the article editor's nodes and theme that throws its errors. */
export function headlessArticleEditor(): LexicalEditor {
  const config = articleEditorConfig(null);
  return createHeadlessEditor({
    nodes: config.nodes,
    theme: config.theme,
    onError: (e) => {
      throw e;
    },
  });
}
