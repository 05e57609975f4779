import { performance } from 'node:perf_hooks';

/**
 * When the app last asked its shell for something. Background work a shell starts on its own
 * (loading the import and export libraries ahead of need) waits for a quiet moment, so it does
 * not sit in front of a call somebody is waiting for — opening an article right after start.
 */
let inFlight = 0;
let lastCallAt = -Infinity;

export function callStarted(): void {
  inFlight++;
  lastCallAt = performance.now();
}

export function callFinished(): void {
  inFlight = Math.max(0, inFlight - 1);
  lastCallAt = performance.now();
}

/** Milliseconds since the last call started or finished; 0 while one is running. */
export function quietForMs(): number {
  return inFlight > 0 ? 0 : performance.now() - lastCallAt;
}
