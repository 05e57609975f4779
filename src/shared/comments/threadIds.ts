/**
 * Comment threads and claims share the body's marks (a MarkNode carries ids of both), so a mark id
 * says which it is by its prefix: `t-…` is a thread, anything else a claim. Claim code reads only
 * claim ids and comment code only thread ids, so neither takes the other's ids for strangers.
 */
export const THREAD_ID_PREFIX = 't-';

export function isThreadId(id: string): boolean {
  return id.startsWith(THREAD_ID_PREFIX);
}

export function claimIdsOf(ids: readonly string[]): string[] {
  return ids.filter((id) => !isThreadId(id));
}

export function threadIdsOf(ids: readonly string[]): string[] {
  return ids.filter(isThreadId);
}
