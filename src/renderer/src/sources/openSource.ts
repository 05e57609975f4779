import { useEffect } from 'react';
import { useLatestRef } from '../app/latestRef';
import { runCommand } from '../app/commands';

/** A place in a source: what a citation or claim link says (shared/sources/locator.ts). */
export interface SourcePlace {
  sourceId: string;
  locator: string | null;
  excerpt: string | null;
}

// The claims panel and the report ask the facts panel to open a source at a place. The facts
// tab may not be mounted when they ask (the panel shows one tab at a time), so the request
// waits here until a facts browser takes it.

let pending: SourcePlace | null = null;
const listeners = new Set<() => void>();

export function openSourceAt(place: SourcePlace): void {
  pending = place;
  runCommand('panel.show-tab', 'facts');
  for (const l of [...listeners]) l();
}

/** Calls `take` with each request, including one made before the component mounted. */
export function useOpenSourceRequests(take: (place: SourcePlace) => void): void {
  const ref = useLatestRef(take);
  useEffect(() => {
    const l = () => {
      if (!pending) return;
      const place = pending;
      pending = null;
      ref.current(place);
    };
    listeners.add(l);
    l();
    return () => {
      listeners.delete(l);
    };
  }, [ref]);
}
