import { useEffect } from 'react';
import type { ArticleSession } from '../../../shared/autosave/articleSession';
import { dropRecoveryCopy, keepRecoveryCopy } from './recoveryCopies';

/**
 * Keeps a recovery copy of the open article while its saves fail and whenever the page goes
 * away with changes not yet stored; drops it once everything is saved.
 */
export function useRecoveryCopy(session: ArticleSession): void {
  useEffect(() => {
    const onState = () => {
      if (session.state.kind === 'failed') keepRecoveryCopy(session);
      else if (session.state.kind === 'saved') dropRecoveryCopy(session.id);
    };
    // Before the final flush starts: it may not finish while the page unloads.
    const onLeaving = () => keepRecoveryCopy(session);
    const onHidden = () => {
      if (document.visibilityState === 'hidden') onLeaving();
    };
    const off = session.subscribe(onState);
    window.addEventListener('pagehide', onLeaving, { capture: true });
    document.addEventListener('visibilitychange', onHidden, { capture: true });
    return () => {
      off();
      window.removeEventListener('pagehide', onLeaving, { capture: true });
      document.removeEventListener('visibilitychange', onHidden, { capture: true });
    };
  }, [session]);
}
