import * as Y from 'yjs';
import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { base64ToBytes, bytesToBase64 } from '../../../shared/desk/base64';
import { ARTICLE_INDEX_DOC } from '../../../shared/desk/names';
import { api } from '../bridge';
import { markDeskOpen } from './openTiming';
import { errorSentence } from '../errors/errorSentence';

const APPEND_BATCH_MS = 150;
/**
 * Updates received from the desk are on the desk already: a crash before they are stored here
 * costs nothing (they come again on the next connection), so colleagues' typing is stored in
 * larger batches — fewer writes while this user types.
 */
const RECEIVED_BATCH_MS = 1000;
/**
 * The desk acknowledges every update sent; confirming them in the local copy costs a call. A
 * confirmation only moves updates from "waiting" to "stored" — one that comes late resends
 * nothing the desk would not ignore — so while someone types, it comes at most this often.
 */
const CONFIRM_EVERY_MS = 1000;

/** Marks the update that replays the local copy into a fresh Y.Doc: it is already stored. */
const LOCAL_REPLAY = Symbol('desk-local-replay');

/** True for the transaction that replayed the local copy: older than anything typed since the article opened. */
export const isLocalReplay = (origin: unknown): boolean => origin === LOCAL_REPLAY;

/** Puts a local copy's stored state into a document, marked as that replay. */
export function applyLocalReplay(doc: Y.Doc, update: Uint8Array): void {
  Y.applyUpdate(doc, update, LOCAL_REPLAY);
}

export interface DeskDocEvents {
  /**
   * Updates stored here that the desk has not confirmed yet changed (for "n changes waiting"),
   * with their number in all documents when the store said it.
   */
  onPendingChanged(total?: number): void;
  /** A stateless message from the desk (who this token belongs to). */
  onStateless?(payload: string): void;
  onRefused?(reason: string): void;
}

/**
 * One desk document on this machine: a Y.Doc, its Hocuspocus provider on the shared socket, and
 * the local copy in SQLite. Every update — typed here or received — is appended to the local
 * copy in order; updates typed here are stored as pending until the desk confirms it has them,
 * so an offline edit survives a restart and is sent again on the next connection.
 */
export class DeskDoc {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  private stored: Uint8Array | null;
  private replayed = false;
  private lastSeq: number;
  private writes: Promise<void> = Promise.resolve();
  /** Updates not yet handed to the store, batched so a typing burst costs one write, not one per key. */
  private buffered: { update: Uint8Array; pending: boolean }[] = [];
  private bufferTimer: ReturnType<typeof setTimeout> | undefined;
  private bufferDueAt = Infinity;
  private writeError: string | null = null;
  private confirmTimer: ReturnType<typeof setTimeout> | undefined;
  private lastConfirmAt = -Infinity;
  private closed = false;
  /** An article's first open is marked for DevTools and bench:desk (the index document is not). */
  private timed: boolean;

  private constructor(
    readonly name: string,
    socket: HocuspocusProviderWebsocket,
    token: string,
    stored: { state: Uint8Array | null; lastSeq: number },
    private readonly events: DeskDocEvents,
  ) {
    this.stored = stored.state;
    this.lastSeq = stored.lastSeq;
    this.timed = name !== ARTICLE_INDEX_DOC;
    this.provider = new HocuspocusProvider({ websocketProvider: socket, name, document: this.doc, token });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL_REPLAY) return;
      this.append(update, origin !== this.provider);
    });
    this.provider.on('unsyncedChanges', () => this.confirmIfSynced());
    this.provider.on('synced', () => {
      if (this.timed) markDeskOpen('synced');
      this.timed = false;
      this.confirmIfSynced();
    });
    this.provider.on('stateless', ({ payload }: { payload: string }) => events.onStateless?.(payload));
    this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => events.onRefused?.(reason));
    // Like the article's autosave: whatever is buffered is stored when the app is closed or hidden.
    this.offClose = api.onBeforeClose(() => this.flushed());
    document.addEventListener('visibilitychange', this.onHidden);
  }

  private readonly offClose: () => void;
  private readonly onHidden = () => {
    if (document.visibilityState === 'hidden') this.writeBuffered();
  };

  /** Reads the local copy first, so the document opens with the last known state even offline. */
  static async open(
    name: string,
    socket: HocuspocusProviderWebsocket,
    token: string,
    events: DeskDocEvents,
  ): Promise<DeskDoc> {
    const r = await api.desk.loadDoc({ doc: name });
    if (!r.ok) throw new Error(errorSentence(r.error));
    const state = r.value.state === null ? null : base64ToBytes(r.value.state);
    if (name !== ARTICLE_INDEX_DOC) markDeskOpen('local copy read');
    return new DeskDoc(name, socket, token, { state, lastSeq: r.value.lastSeq }, events);
  }

  /** True when the local copy had anything in it. */
  get hasLocalState(): boolean {
    return this.stored !== null;
  }

  /** A stored local copy has yet to be put into the document (by connect()). */
  get replayPending(): boolean {
    return !this.replayed && this.stored !== null;
  }

  /**
   * Puts the local copy into the document. Kept apart from open() because @lexical/yjs only
   * mirrors changes it observes: the editor binding must exist before the state arrives.
   */
  replayLocal(): void {
    if (this.replayed) return;
    this.replayed = true;
    if (this.stored) applyLocalReplay(this.doc, this.stored);
    this.stored = null;
  }

  connect(): void {
    this.replayLocal();
    if (this.closed) return;
    this.provider.attach();
    if (this.timed) markDeskOpen('attached');
  }

  disconnect(): void {
    this.provider.detach();
  }

  /** Waits until every update so far is in the local copy. */
  flushed(): Promise<void> {
    this.writeBuffered();
    return this.writes;
  }

  get storageError(): string | null {
    return this.writeError;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.offClose();
    document.removeEventListener('visibilitychange', this.onHidden);
    clearTimeout(this.confirmTimer);
    await this.flushed();
    this.provider.destroy();
    this.doc.destroy();
  }

  private append(update: Uint8Array, pending: boolean): void {
    this.buffered.push({ update, pending });
    // Within autosave's durability: a burst is stored at most this long after its last key.
    const delay = pending ? APPEND_BATCH_MS : RECEIVED_BATCH_MS;
    if (Date.now() + delay >= this.bufferDueAt) return;
    clearTimeout(this.bufferTimer);
    this.bufferDueAt = Date.now() + delay;
    this.bufferTimer = setTimeout(() => this.writeBuffered(), delay);
  }

  /**
   * Hands the buffered updates to the store: those received in one write, those typed here in
   * another. Yjs updates commute, so a batch need not keep the order they interleaved in (this
   * user typing while colleagues' keys arrive would otherwise cost a write per alternation).
   */
  private writeBuffered(): void {
    clearTimeout(this.bufferTimer);
    this.bufferTimer = undefined;
    this.bufferDueAt = Infinity;
    const batch = this.buffered;
    this.buffered = [];
    const runs = [false, true]
      .map((pending) => ({
        pending,
        updates: batch.filter((b) => b.pending === pending).map((b) => b.update),
      }))
      .filter((run) => run.updates.length > 0);
    for (const run of runs) {
      const text = bytesToBase64(run.updates.length === 1 ? run.updates[0] : Y.mergeUpdates(run.updates));
      this.writes = this.writes.then(async () => {
        const r = await api.desk.appendUpdate({ doc: this.name, update: text, pending: run.pending });
        if (r.ok) {
          this.lastSeq = r.value.seq;
          this.writeError = null;
        } else this.writeError = errorSentence(r.error);
        if (run.pending) this.events.onPendingChanged();
      });
    }
  }

  private confirmIfSynced(): void {
    if (!this.provider.isSynced || this.provider.unsyncedChanges > 0 || this.confirmTimer) return;
    const wait = this.lastConfirmAt + CONFIRM_EVERY_MS - Date.now();
    if (wait <= 0) return this.confirm();
    this.confirmTimer = setTimeout(() => {
      this.confirmTimer = undefined;
      // Something typed since may still be on its way; its acknowledgement confirms it.
      if (this.provider.isSynced && this.provider.unsyncedChanges === 0) this.confirm();
    }, wait);
  }

  private confirm(): void {
    if (this.closed) return;
    this.lastConfirmAt = Date.now();
    // Everything the desk acknowledged must be stored before it can be confirmed.
    this.writeBuffered();
    // Queued behind the appends made so far, so it confirms exactly what the desk has acknowledged.
    this.writes = this.writes.then(async () => {
      if (this.lastSeq === 0) return;
      const r = await api.desk.markSynced({ doc: this.name, upTo: this.lastSeq });
      if (r.ok) this.events.onPendingChanged(r.value.total);
    });
  }
}
