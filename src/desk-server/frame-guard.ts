import * as Y from 'yjs';
import type { DeskRole } from '../shared/desk/names';
import { presenceProblem } from '../shared/desk/presence';
import { normalizeDeskUserName } from '../shared/desk/userName';

/**
 * What a desk client may send over its WebSocket, checked before Hocuspocus reads a byte of it.
 * Hocuspocus 3.4 answers a malformed frame with a stack trace on stderr (or, for a broken Yjs
 * update, with an acknowledgement after y-protocols swallowed the error), relays a client's
 * BroadcastStateless to every other client of the document — so one member could send everyone
 * a forged `desk:user` message and have their app record changes under another name — and
 * queues every frame for a document the socket has not authenticated until the socket closes.
 */

/** Hocuspocus' message types (its MessageType enum). */
const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
} as const;

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** Desk document names are short (src/shared/desk/names.ts); anything longer is not one. */
const MAX_NAME_BYTES = 256;

/**
 * Frames a socket may send for documents it has not asked to be let into, or was refused: the
 * provider sends a document's Auth first and its other frames (changes made offline, possibly
 * megabytes of facts) right after, before the answer, so those are not counted. Beyond this the
 * socket is closed instead of queued.
 */
export const UNAUTHENTICATED_BUDGET_BYTES = 4 * 1024 * 1024;

/** lib0's encoding, read strictly: a read past the end throws instead of yielding undefined. */
class FrameReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  uint(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      if (this.pos >= this.bytes.length) throw new RangeError('truncated');
      const byte = this.bytes[this.pos++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new RangeError('number too large');
  }

  bytesOf(length: number): Uint8Array {
    if (length > this.bytes.length - this.pos) throw new RangeError('truncated');
    const slice = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }

  byteArray(): Uint8Array {
    return this.bytesOf(this.uint());
  }

  string(maxBytes = Infinity): string {
    const length = this.uint();
    if (length > maxBytes) throw new RangeError('too long');
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytesOf(length));
  }
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

export type DeskFrame =
  | {
      ok: true;
      documentName: string;
      type: number;
      /** A live change (a sync update); a sync step 2 answers the server and often holds nothing new. */
      change: boolean;
      /** An awareness update's entries, each state still as its JSON text. */
      awareness?: AwarenessEntry[];
    }
  | { ok: false; documentName: string | null; problem: string };

/** Reads one client frame far enough to know it is well-formed; a Yjs update is decoded in full. */
export function readDeskFrame(data: Uint8Array): DeskFrame {
  const reader = new FrameReader(data);
  let documentName: string | null = null;
  try {
    documentName = reader.string(MAX_NAME_BYTES);
  } catch {
    return { ok: false, documentName, problem: 'not a Hocuspocus message (no document name)' };
  }
  const bad = (problem: string): DeskFrame => ({ ok: false, documentName, problem });
  try {
    const type = reader.uint();
    switch (type) {
      case MESSAGE.sync:
      case MESSAGE.syncReply: {
        const step = reader.uint();
        const payload = reader.byteArray();
        if (step === SYNC_STEP1) {
          try {
            Y.decodeStateVector(payload);
          } catch {
            return bad('a sync message whose state vector Yjs cannot read');
          }
          return { ok: true, documentName, type, change: false };
        }
        if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) return bad(`a sync message of unknown kind ${step}`);
        try {
          Y.decodeUpdate(payload);
        } catch {
          return bad('a document update Yjs cannot read');
        }
        return { ok: true, documentName, type, change: step === SYNC_UPDATE };
      }
      case MESSAGE.awareness: {
        const update = new FrameReader(reader.byteArray());
        const awareness: AwarenessEntry[] = [];
        try {
          const count = update.uint();
          for (let i = 0; i < count; i++) {
            const clientId = update.uint();
            const clock = update.uint();
            const state = update.string();
            JSON.parse(state);
            awareness.push({ clientId, clock, state });
          }
        } catch {
          return bad('an awareness update that cannot be read');
        }
        return { ok: true, documentName, type, change: false, awareness };
      }
      case MESSAGE.auth:
        reader.uint();
        reader.string();
        return { ok: true, documentName, type, change: false };
      case MESSAGE.stateless:
        reader.string();
        return { ok: true, documentName, type, change: false };
      case MESSAGE.queryAwareness:
      case MESSAGE.close:
        return { ok: true, documentName, type, change: false };
      case MESSAGE.broadcastStateless:
        // Only the server speaks to everyone (its desk:user message must be believable).
        return bad('a broadcast to the other members, which clients may not send');
      default:
        return bad(`a message of unknown type ${type}`);
    }
  } catch {
    return bad('a truncated message');
  }
}

export function isAuthFrame(frame: DeskFrame): boolean {
  return frame.ok && frame.type === MESSAGE.auth;
}

/** The server's awareness of one document, as far as the guard needs it (y-protocols' Awareness). */
export interface KnownAwareness {
  meta: ReadonlyMap<number, { clock: number }>;
  states: ReadonlyMap<number, unknown>;
  /** The name of the user whose connection brought this client's state, if one holds it. */
  ownerOf?(clientId: number): string | null;
}

/**
 * The first state in an awareness update that would show something under another name (or is
 * too large, or carries invisible characters), in words; null when every entry may go on.
 * An honest client also sends back the states of others it has received (the provider relays
 * every change of its awareness): an entry y-protocols would ignore — not newer than what the
 * server holds — changes nothing and is not checked. Removing a state (null) is always allowed.
 * A client another user's connection brought stays theirs; the same user's new connection (a
 * reconnect before the server noticed the old one gone) may take it over.
 */
export function awarenessProblem(
  entries: readonly AwarenessEntry[],
  user: { name: string; role: DeskRole },
  known: KnownAwareness | undefined,
): string | null {
  for (const entry of entries) {
    if (entry.state === 'null') continue;
    // y-protocols' applyAwarenessUpdate applies a non-null state only with a newer clock.
    if (known && entry.clock <= (known.meta.get(entry.clientId)?.clock ?? 0)) continue;
    const problem = presenceProblem(entry.state, user);
    if (problem) return problem;
    // Its own name in another member's client would replace that member's caret and presence.
    const owner = known?.ownerOf?.(entry.clientId) ?? null;
    if (owner !== null && owner !== normalizeDeskUserName(user.name))
      return `an awareness state for a client of another member (${JSON.stringify(owner)})`;
  }
  return null;
}

/**
 * One WebSocket's state as the guard sees it: which documents it has authenticated (and whether
 * read-only), and how many bytes it has sent for documents it has not.
 */
export class SocketGuard {
  private readonly documents = new Map<
    string,
    { user: string; role: DeskRole; readOnly: boolean; refusedChange: boolean }
  >();
  /** Documents whose Auth is on its way: their frames are the provider's normal pipeline. */
  private readonly asked = new Set<string>();
  private unauthenticatedBytes = 0;

  constructor(
    /** The client's address, for log lines. */
    readonly address: string,
    private readonly budget = UNAUTHENTICATED_BUDGET_BYTES,
  ) {}

  authenticated(documentName: string, user: { name: string; role: DeskRole }, readOnly: boolean): void {
    this.asked.delete(documentName);
    this.documents.set(documentName, { user: user.name, role: user.role, readOnly, refusedChange: false });
  }

  refused(documentName: string): void {
    this.asked.delete(documentName);
  }

  closed(documentName: string): void {
    this.documents.delete(documentName);
  }

  /** Who this socket is, for log lines: the first user it authenticated as, else its address. */
  who(): string {
    const [first] = this.documents.values();
    return first ? `${first.user} at ${this.address}` : this.address;
  }

  /**
   * The verdict on one frame: `close` with the reason to close the socket and drop the frame,
   * `note` for a line to log while the frame goes on, `again` when the frame may go on but must
   * be judged again when Hocuspocus hands it back (an awareness update queued until its document
   * is authenticated: only then is it known whose name it may carry), or nothing to say.
   * `awarenessOf` is the server's awareness of a document, if it holds the document.
   */
  admit(
    data: Uint8Array,
    binary: boolean,
    awarenessOf: (documentName: string) => KnownAwareness | undefined = () => undefined,
  ): { close?: string; note?: string; again?: true } {
    if (!binary) return { close: 'a text frame, not a Hocuspocus message' };
    const frame = readDeskFrame(data);
    if (!frame.ok)
      return {
        close:
          frame.documentName === null
            ? frame.problem
            : `${frame.problem} (document ${JSON.stringify(frame.documentName)})`,
      };
    const known = this.documents.get(frame.documentName);
    if (isAuthFrame(frame) && !known) this.asked.add(frame.documentName);
    else if (!known && !this.asked.has(frame.documentName)) {
      this.unauthenticatedBytes += data.byteLength;
      if (this.unauthenticatedBytes > this.budget)
        return {
          close: `more than ${formatBytes(this.budget)} for documents it has not been let into (last ${JSON.stringify(frame.documentName)})`,
        };
    }
    if (frame.awareness) {
      if (!known) return { again: true };
      const problem = awarenessProblem(
        frame.awareness,
        { name: known.user, role: known.role },
        awarenessOf(frame.documentName),
      );
      if (problem) return { close: `${problem} (document ${JSON.stringify(frame.documentName)})` };
    }
    if (known?.readOnly && frame.change && !known.refusedChange) {
      // Hocuspocus refuses it (read-only connection); said once per document and connection.
      known.refusedChange = true;
      return { note: `refused a change to ${frame.documentName} from ${known.user} (viewer, read-only)` };
    }
    return {};
  }
}

/** An error `ws` emits on a socket (it closes the socket itself), in words for the log. */
export function describeSocketError(error: Error & { code?: string }, maxPayload: number): string {
  if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH')
    return `a message larger than ${formatBytes(maxPayload)}, the limit`;
  return `a broken WebSocket frame (${error.message})`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
