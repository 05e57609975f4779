import type { ArticleMeta } from '../../../shared/domain/articles';

/**
 * "An article changed" between panes: the editor announces saves, the library announces
 * renames and trash moves, and each refreshes what it shows. Payload-free refreshes pass no meta.
 */
export interface ArticleChange {
  id: string | null;
  meta?: ArticleMeta;
  /** An autosave: frequent while someone writes, so listeners may refresh lazily. */
  autosave?: boolean;
}

type Listener = (change: ArticleChange) => void;
const listeners = new Set<Listener>();

export function announceArticleChange(change: ArticleChange): void {
  listeners.forEach((l) => l(change));
}

export function onArticleChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
