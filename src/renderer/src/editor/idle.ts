/**
 * Runs work when the main thread is idle, but within `timeoutMs` at the latest, so an
 * autosave never waits behind a long typing burst for more than a moment.
 */
export function whenIdle(fn: () => void, timeoutMs = 300): void {
  if (typeof window !== 'undefined' && 'requestIdleCallback' in window)
    window.requestIdleCallback(() => fn(), { timeout: timeoutMs });
  else setTimeout(fn, 0);
}
