import { useEffect, useSyncExternalStore } from 'react';
import type { LexicalEditor } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/**
 * The open article's Lexical editor, for code outside the editor tree (the right-hand panel
 * dispatches claim commands to it). The panes are siblings in the shell, so a plain React
 * context cannot reach across; this is a tiny external store read with a hook instead.
 */
export interface ActiveEditor {
  articleId: string;
  editor: LexicalEditor;
}

let active: ActiveEditor | null = null;
const listeners = new Set<() => void>();

function setActive(next: ActiveEditor | null): void {
  active = next;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The editor of the open article, or null while none is open. */
export function useArticleEditor(): ActiveEditor | null {
  return useSyncExternalStore(subscribe, () => active);
}

export function getArticleEditor(): ActiveEditor | null {
  return active;
}

/** Mounted inside the article's composer; publishes its editor while mounted. */
export function ActiveEditorPlugin({ articleId }: { articleId: string }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const entry = { articleId, editor };
    setActive(entry);
    return () => {
      if (active === entry) setActive(null);
    };
  }, [articleId, editor]);
  return null;
}
