import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { mirrorReportMessage } from '../../shared/desk/mirror-report';

/** A member is still around even when nothing changes: the server waits only for members seen within its horizon. */
const STILL_HERE_MS = 60 * 60 * 1000;

/**
 * Tells the desk how far each facts document is mirrored into this store (the server prunes the
 * change log only behind every member; docs/desk-facts.md) and, now and then, that this member is
 * still around. After a reconnect everything is told again: a report sent before may have been
 * lost with the connection.
 */
export class MirrorReporter {
  /** State vector per document up to which everything is in the local store (facts and audit log). */
  private readonly mirroredTo = new Map<string, Uint8Array>();
  private readonly unreported = new Set<string>();
  private reportedAt = 0;
  private stillHereAt = 0;
  private connectedBefore = false;

  constructor(
    private readonly member: string,
    /** At most one round of reports per this many milliseconds. */
    private readonly everyMs: number,
  ) {}

  /** Everything in `doc` as it is now is in the local store. */
  mirrored(name: string, doc: Y.Doc): void {
    this.mirroredTo.set(name, Y.encodeStateVector(doc));
    this.unreported.add(name);
  }

  /** Sends what changed since the last round, if connected and the last round is old enough (or `force`). */
  send(connected: boolean, providers: ReadonlyMap<string, HocuspocusProvider>, force = false): void {
    if (!connected) {
      this.connectedBefore = false;
      return;
    }
    const now = Date.now();
    if (!this.connectedBefore) {
      this.connectedBefore = true;
      for (const name of this.mirroredTo.keys()) this.unreported.add(name);
      this.stillHereAt = 0;
    }
    if (!force && now - this.reportedAt < this.everyMs) return;
    this.reportedAt = now;
    for (const name of [...this.unreported]) {
      const provider = providers.get(name);
      if (!provider?.isAuthenticated || !provider.synced) continue;
      provider.sendStateless(mirrorReportMessage(this.member, this.mirroredTo.get(name)!));
      this.unreported.delete(name);
    }
    if (now - this.stillHereAt >= STILL_HERE_MS) {
      const first = providers.values().next().value;
      if (first?.isAuthenticated) {
        first.sendStateless(mirrorReportMessage(this.member, null));
        this.stillHereAt = now;
      }
    }
  }
}
