import { useEffect } from 'react';
import { useLatestRef } from '../app/latestRef';

// Any change to the fact store (a save, a delete, an import) tells every open list and
// detail view to fetch again; the store is local, so refetching is cheaper than patching.

type Listener = () => void;
const listeners = new Set<Listener>();

export function notifyFactsChanged(): void {
  for (const l of [...listeners]) l();
}

export function useFactsChanged(listener: Listener): void {
  const ref = useLatestRef(listener);
  useEffect(() => {
    const l = () => ref.current();
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, [ref]);
}
