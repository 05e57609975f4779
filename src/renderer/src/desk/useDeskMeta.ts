import { useLayoutEffect } from 'react';
import type * as Y from 'yjs';
import type { ArticleSession } from '../../../shared/autosave/articleSession';
import type { ArticleMetaPatch } from '../../../shared/contract/articles';
import { metaChangesForDesk, metaPatchFromDesk } from '../../../shared/desk/articleMeta';
import { ARTICLE_DOC_KEYS } from '../../../shared/desk/names';
import { updateIndexHeadline } from './deskClient';
import { isLocalReplay, type DeskDoc } from './deskDoc';

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
  // From the commit that mounts the fields: a passive effect runs later on a loaded machine, and a
  // key typed before it never reached the map, and the local copy's older value then replaced it.
  useLayoutEffect(() => {
    if (!desk) return;
    const map = desk.doc.getMap<unknown>(ARTICLE_DOC_KEYS.meta);
    const values = map as unknown as ReadonlyMap<string, unknown>;
    let applying = false;
    let lastMeta = session.meta;
    // The local copy is replayed when the editor's binding connects, renders after this. Fields
    // typed before are newer than the copy, whose entries Yjs sees as concurrent with theirs.
    let replayPending = desk.replayPending;
    const typedBeforeReplay = new Set<string>();

    const apply = (keep: ReadonlySet<string> = new Set()) => {
      const patch: Record<string, unknown> = metaPatchFromDesk(values, session.meta);
      for (const field of keep) delete patch[field];
      if (Object.keys(patch).length === 0) return;
      applying = true;
      session.setMeta(patch as ArticleMetaPatch);
      lastMeta = session.meta;
      applying = false;
    };
    const write = (changes: Record<string, unknown>) => {
      desk.doc.transact(() => {
        for (const [field, value] of Object.entries(changes)) map.set(field, value);
      });
      if (typeof changes.headline === 'string') updateIndexHeadline(session.id, changes.headline);
    };
    const pull = (_event: Y.YMapEvent<unknown>, tx: Y.Transaction) => {
      if (tx.local) return;
      if (!isLocalReplay(tx.origin)) return apply();
      replayPending = false;
      apply(typedBeforeReplay);
      // Where the copy's entry won in the map, the typed value goes in again, after it.
      const again = Object.entries(metaChangesForDesk(values, session.meta)).filter(([field]) =>
        typedBeforeReplay.has(field),
      );
      typedBeforeReplay.clear();
      if (again.length > 0 && !readOnly) write(Object.fromEntries(again));
    };
    const push = () => {
      if (applying || readOnly || session.meta === lastMeta) return;
      const previous = lastMeta;
      lastMeta = session.meta;
      const changed = (Object.keys(session.meta) as (keyof typeof previous)[]).some(
        (k) => previous[k] !== session.meta[k],
      );
      if (!changed) return;
      const changes = metaChangesForDesk(values, session.meta);
      if (Object.keys(changes).length === 0) return;
      if (replayPending) for (const field of Object.keys(changes)) typedBeforeReplay.add(field);
      write(changes);
    };

    map.observe(pull);
    const off = session.subscribe(push);
    // The local copy may be in already, when the binding connected before this ran.
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
