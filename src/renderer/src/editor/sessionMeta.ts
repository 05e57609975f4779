import { useLayoutEffect, useReducer, useSyncExternalStore } from 'react';
import type { ArticleSession } from '../../../shared/autosave/articleSession';
import type { ArticleMeta } from '../../../shared/domain/articles';

/**
 * The session's news fields, for controlled inputs. useSyncExternalStore alone subscribes in a
 * passive effect, which a loaded machine runs well after the commit that autofocused the headline:
 * a key typed in between changed the session but re-rendered nothing, so React put the field's
 * old value back and the next key's change event overwrote the first key (issue 12, "okal geht es
 * weiter"). Listening from the commit on re-renders the field within the key's own event.
 */
export function useSessionMeta(session: ArticleSession): ArticleMeta {
  const meta = useSyncExternalStore(session.subscribe, () => session.meta);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const off = session.subscribe(rerender);
    // A change between this render and the commit (a key typed into a focused field meanwhile).
    if (session.meta !== meta) rerender();
    return off;
    // `meta` is the value rendered when subscribing; later renders need no new subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
  return meta;
}
