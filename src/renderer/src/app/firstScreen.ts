import { useSyncExternalStore } from 'react';

/**
 * Whether the first screen — the article the app reopens, or the empty editor — has been painted.
 * The library and the right-hand panel render after it: their first render, their start-up calls
 * and their layout otherwise came before the article's text on a cold start (docs/performance.md,
 * "Renderer cold start"). Past `LATEST_MS` they render anyway, e.g. while a large shared article
 * still waits for its desk copy.
 */
const LATEST_MS = 1500;

let shown = false;
const listeners = new Set<() => void>();

function show(): void {
  if (shown) return;
  shown = true;
  for (const listener of listeners) listener();
}
const latest = setTimeout(show, LATEST_MS);

/** Called once the editor pane shows what it opened with; the panes follow after that frame. */
export function markFirstScreen(): void {
  if (shown) return;
  clearTimeout(latest);
  // A task queued from the frame's callback runs once that frame has been painted; a hidden page paints none.
  if (document.visibilityState === 'hidden') show();
  else requestAnimationFrame(() => setTimeout(show, 0));
}

export function useFirstScreenShown(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => shown,
  );
}
