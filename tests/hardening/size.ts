/**
 * The hardening suites run twice: at CI size inside `npm test`, at full size under
 * `npm run test:hardening` (FACTDESK_HARDENING=full). Each suite picks its counts here.
 */
export const FULL = process.env.FACTDESK_HARDENING === 'full';

export function sized<T>(ci: T, full: T): T {
  return FULL ? full : ci;
}
