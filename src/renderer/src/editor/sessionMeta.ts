import { useEffect, useLayoutEffect, useReducer, useRef, useSyncExternalStore } from 'react';
import type { ArticleSession } from '../../../shared/autosave/articleSession';
import type { ArticleMeta } from '../../../shared/domain/articles';

/**
 * The session's news fields, for controlled inputs. useSyncExternalStore alone subscribes in a
 * passive effect, which a loaded machine runs well after the commit that autofocused the headline:
 * a key typed in between changed the session but re-rendered nothing, so React put the field's
 * old value back and the next key's change event overwrote the first key (issue 12, "okal geht es
 * weiter"). A listener from the commit on bridges that gap and leaves once useSyncExternalStore
 * listens; it re-renders only for a new meta (the session also reports every save state).
 */
export function useSessionMeta(session: ArticleSession): ArticleMeta {
  const meta = useSyncExternalStore(session.subscribe, () => session.meta);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const bridge = useRef<() => void>(() => undefined);
  useLayoutEffect(() => {
    const check = () => {
      if (session.meta !== meta) rerender();
    };
    const off = session.subscribe(check);
    bridge.current = off;
    // A change between this render and the commit (a key typed into a focused field meanwhile).
    check();
    return off;
    // `meta` is the value rendered when subscribing; the bridge leaves before it could go stale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
  // Passive effects run in order: useSyncExternalStore's subscription above is in place now.
  useEffect(() => bridge.current(), [session]);
  return meta;
}
