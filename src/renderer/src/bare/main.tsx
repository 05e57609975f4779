import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { ARTICLE_NODES } from '../editor/nodes/articleNodes';
import { ARTICLE_THEME } from '../editor/config';
import '../styles/app.css';
import '../styles/editor.css';

/**
 * The benchmark's baseline: the same Lexical version, nodes, theme and column width as the
 * article editor, with every Factdesk plugin and the app around it left out. `bench/editor.ts`
 * loads the same 10,000-word body here and in the app and compares keystroke-to-paint times.
 */
declare global {
  interface Window {
    factdeskBare?: { load(editorStateJson: string): void };
  }
}

function BareEditor() {
  const [state, setState] = useState<{ json: string; key: number } | null>(null);
  // The bench waits for this hook before it loads the article.
  useEffect(() => {
    window.factdeskBare = { load: (json) => setState((s) => ({ json, key: (s?.key ?? 0) + 1 })) };
  }, []);
  if (!state) return null;
  return (
    <LexicalComposer
      key={state.key}
      initialConfig={{
        namespace: 'bare',
        nodes: [...ARTICLE_NODES],
        theme: ARTICLE_THEME,
        onError: (e) => console.error(e),
        editorState: state.json,
      }}
    >
      <div className="editor-scroll" style={{ height: '100vh' }}>
        <div className="reading-column reading-width">
          <RichTextPlugin
            contentEditable={<ContentEditable className="editor-body" ariaLabel="Article body" />}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
      </div>
    </LexicalComposer>
  );
}

createRoot(document.getElementById('root')!).render(<BareEditor />);
