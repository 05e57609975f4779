import * as Y from 'yjs';

/**
 * Folding a document's stored updates into one. Y.mergeUpdates works on the encoded updates
 * without building a document, so the store can compact without knowing the document's shape.
 */
export function mergeDocUpdates(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 1) return updates[0];
  return Y.mergeUpdates([...updates]);
}

/** Throws on bytes that are not a Yjs update, before they are stored next to good ones. */
export function assertDocUpdate(update: Uint8Array): void {
  Y.decodeUpdate(update);
}
