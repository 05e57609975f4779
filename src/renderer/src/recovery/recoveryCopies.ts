import type { ArticleMetaPatch } from '../../../shared/contract/articles';
import type { SerializedEditorStateJSON } from '../../../shared/domain/articles';
import type { ArticleSession } from '../../../shared/autosave/articleSession';

/**
 * Text the store has not acknowledged, kept in the page's own storage while the local server
 * does not answer. It is only ever a recovery copy: the database stays the record, and the
 * copy is dropped as soon as a save goes through. The next start in this browser offers what
 * is left (see RecoveryGate).
 */
export interface RecoveryCopy {
  articleId: string;
  headline: string;
  baseRev: number;
  keptAt: string;
  meta: ArticleMetaPatch;
  editorState: SerializedEditorStateJSON | null;
}

/** Storage key prefix of the copies (read early by public/early-boot.js too). */
export const RECOVERY_PREFIX = 'factdesk.recovery.v1.';
const PREFIX = RECOVERY_PREFIX;

/** Writes the session's unsaved changes (nothing when all is saved). Synchronous, so it also works while the page unloads. */
export function keepRecoveryCopy(session: ArticleSession): void {
  const unsaved = session.unsaved();
  if (unsaved === null) return;
  const copy: RecoveryCopy = {
    articleId: session.id,
    headline: session.meta.headline,
    keptAt: new Date().toISOString(),
    ...unsaved,
  };
  try {
    localStorage.setItem(PREFIX + session.id, JSON.stringify(copy));
  } catch (err) {
    // A full or disabled storage loses only the copy; the editor still shows the text and keeps trying to save.
    console.warn('[recovery] could not keep a recovery copy', err);
  }
}

export function dropRecoveryCopy(articleId: string): void {
  localStorage.removeItem(PREFIX + articleId);
}

function isCopy(value: unknown): value is RecoveryCopy {
  const v = value as Partial<RecoveryCopy> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.articleId === 'string' &&
    typeof v.headline === 'string' &&
    typeof v.keptAt === 'string' &&
    typeof v.meta === 'object' &&
    v.meta !== null &&
    (v.editorState === null || typeof v.editorState === 'object')
  );
}

/** Every copy left in this browser for this server, oldest first; unreadable entries are removed. */
/** Whether any copy is kept, without reading one (the start-up path asks before it opens an article). */
export function hasRecoveryCopies(): boolean {
  for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i)?.startsWith(PREFIX)) return true;
  return false;
}

export function listRecoveryCopies(): RecoveryCopy[] {
  const copies: RecoveryCopy[] = [];
  const broken: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
      if (isCopy(value)) copies.push(value);
      else broken.push(key);
    } catch {
      broken.push(key);
    }
  }
  broken.forEach((key) => localStorage.removeItem(key));
  return copies.sort((a, b) => a.keptAt.localeCompare(b.keptAt));
}
