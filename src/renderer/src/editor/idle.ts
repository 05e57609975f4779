/**
 * Runs work when the main thread is idle, but within `timeoutMs` at the latest, so an
 * autosave never waits behind a long typing burst for more than a moment.
 */
export function whenIdle(fn: () => void, timeoutMs = 300): void {
  if (typeof window !== 'undefined' && 'requestIdleCallback' in window)
    window.requestIdleCallback(() => fn(), { timeout: timeoutMs });
  else setTimeout(fn, 0);
}

/** A hidden page paints no frames; past this the work runs anyway. */
const PAINT_WAIT_LIMIT_MS = 1000;

/**
 * `whenIdle`, but only once the frame being prepared now has been painted. An idle callback's
 * timeout can fire before the next frame on a busy machine: detection, counts or the first
 * full serialisation queued while an article opens then ran before its text was on screen at
 * all (≈ 150 ms of detection before the first frame of a cold start under load). Work that
 * follows the text, not work the text waits for.
 */
export function whenIdleAfterPaint(fn: () => void, timeoutMs = 300): void {
  if (typeof window === 'undefined' || typeof requestAnimationFrame === 'undefined')
    return whenIdle(fn, timeoutMs);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    clearTimeout(limit);
    whenIdle(fn, timeoutMs);
  };
  // A task queued from the frame's callback runs once that frame has been handed to the compositor.
  const limit = setTimeout(start, PAINT_WAIT_LIMIT_MS);
  if (document.visibilityState === 'hidden') start();
  else requestAnimationFrame(() => setTimeout(start, 0));
}
