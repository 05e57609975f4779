import type { ArticleSession } from '../../../shared/autosave/articleSession';

/**
 * The open article's autosave session, so the library can flush it before it renames,
 * duplicates or trashes that article, and "New article" can flush before switching.
 */
let active: ArticleSession | null = null;

export function setActiveSession(session: ArticleSession): void {
  active = session;
}

export function clearActiveSession(session: ArticleSession): void {
  if (active === session) active = null;
}

export function getActiveSession(): ArticleSession | null {
  return active;
}

/** Saves the open article's pending changes; resolves when stored (or when a save failed). */
export async function flushActiveSession(): Promise<void> {
  await active?.flush();
}
