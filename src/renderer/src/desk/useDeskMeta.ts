import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { ArticleSession } from '../../../shared/autosave/articleSession';
import { metaChangesForDesk, metaPatchFromDesk } from '../../../shared/desk/articleMeta';
import { ARTICLE_DOC_KEYS } from '../../../shared/desk/names';
import { updateIndexHeadline } from './deskClient';
import type { DeskDoc } from './deskDoc';

/**
 * Keeps the article's news fields and the desk document's 'meta' map in step. Changes from the
 * desk (and the replayed local copy) go into the autosave session like typing would; local
 * changes are written to the map field by field. Only the one sharing seeds an empty map, so a
 * stale local copy never overwrites what the desk holds.
 */
export function useDeskMeta(
  desk: DeskDoc | null,
  session: ArticleSession,
  seed: boolean,
  readOnly: boolean,
): void {
  useEffect(() => {
    if (!desk) return;
    const map = desk.doc.getMap<unknown>(ARTICLE_DOC_KEYS.meta);
    let applying = false;
    let lastMeta = session.meta;

    const apply = () => {
      const patch = metaPatchFromDesk(map as unknown as ReadonlyMap<string, unknown>, session.meta);
      if (Object.keys(patch).length === 0) return;
      applying = true;
      session.setMeta(patch);
      lastMeta = session.meta;
      applying = false;
    };
    const pull = (_event: Y.YMapEvent<unknown>, tx: Y.Transaction) => {
      if (!tx.local) apply();
    };
    const push = () => {
      if (applying || readOnly || session.meta === lastMeta) return;
      const previous = lastMeta;
      lastMeta = session.meta;
      const changed = (Object.keys(session.meta) as (keyof typeof previous)[]).some(
        (k) => previous[k] !== session.meta[k],
      );
      if (!changed) return;
      const changes = metaChangesForDesk(map as unknown as ReadonlyMap<string, unknown>, session.meta);
      if (Object.keys(changes).length === 0) return;
      desk.doc.transact(() => {
        for (const [field, value] of Object.entries(changes)) map.set(field, value);
      });
      if (changes.headline !== undefined) updateIndexHeadline(session.id, changes.headline);
    };

    map.observe(pull);
    const off = session.subscribe(push);
    // The local copy may have been replayed before this effect ran (the editor's effects run first).
    if (map.size > 0) apply();
    else if (seed && !readOnly) {
      desk.doc.transact(() => {
        for (const [field, value] of Object.entries(metaChangesForDesk(new Map(), session.meta)))
          map.set(field, value);
      });
    }
    return () => {
      map.unobserve(pull);
      off();
    };
  }, [desk, session, seed, readOnly]);
}
