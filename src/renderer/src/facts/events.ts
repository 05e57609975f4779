import { useEffect } from 'react';
import { useLatestRef } from '../app/latestRef';
import { api } from '../bridge';

// Any change to the fact store (a save, a delete, an import, a colleague's change arriving from
// the desk) tells every open list and detail view to fetch again; the store is local, so
// refetching is cheaper than patching.

type Listener = () => void;
const listeners = new Set<Listener>();
let offShell: (() => void) | null = null;

export function notifyFactsChanged(): void {
  for (const l of [...listeners]) l();
}

/** The shell's push for facts from the desk is heard only while some view listens. */
function listen(l: Listener): () => void {
  listeners.add(l);
  offShell ??= api.onFactsChanged(notifyFactsChanged);
  return () => {
    listeners.delete(l);
    if (listeners.size === 0) {
      offShell?.();
      offShell = null;
    }
  };
}

export function useFactsChanged(listener: Listener): void {
  const ref = useLatestRef(listener);
  useEffect(() => listen(() => ref.current()), [ref]);
}
