/**
 * User Timing marks of a shared article's open, in DevTools' Performance panel and read by
 * `npm run bench:desk` to say where a newcomer's open time goes. Marks only: nothing waits on them.
 */
export type DeskOpenPhase =
  /** The local article for a desk article exists (library → "Open …"). */
  | 'adopted'
  /** The article's local Yjs copy is read. */
  | 'local copy read'
  /** The desk document is attached to the socket: the sync request is on its way. */
  | 'attached'
  /** The editor's binding observes the document: what arrives from now on reaches the editor. */
  | 'bound'
  /** The desk's state of the document has arrived and is in the Y.Doc. */
  | 'synced';

export function markDeskOpen(phase: DeskOpenPhase): void {
  performance.mark(`desk-open:${phase}`);
}
