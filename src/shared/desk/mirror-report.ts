import * as Y from 'yjs';
import { BASE64_PATTERN, base64ToBytes, bytesToBase64 } from './base64';

/**
 * A member tells the desk server how far it has mirrored a facts document into its local store:
 * the Yjs state vector of the document as it was when mirrored (or when this member pushed to it
 * with nothing unmirrored waiting). The server prunes a change-log entry only when every member
 * it waits for reports a state vector that covers it (docs/desk-facts.md, "Change log and pruning").
 * Without a state vector the message only says the member is still around.
 */
export const DESK_MIRRORED_TYPE = 'desk:mirrored';

/** A random id per local store: two machines of one person are two members. */
const MEMBER_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A state vector names each Yjs client once (a few bytes each); far more than any desk has. */
const MAX_STATE_VECTOR_BYTES = 64 * 1024;

export interface MirrorReport {
  member: string;
  /** The encoded Yjs state vector; null when the message only says "still here". */
  stateVector: Uint8Array | null;
}

export function isMemberId(value: unknown): value is string {
  return typeof value === 'string' && MEMBER_PATTERN.test(value);
}

export function mirrorReportMessage(member: string, stateVector: Uint8Array | null): string {
  return JSON.stringify({
    type: DESK_MIRRORED_TYPE,
    member,
    ...(stateVector ? { sv: bytesToBase64(stateVector) } : {}),
  });
}

/** The report in a stateless payload; null for any other message, junk, or a state vector Yjs cannot read. */
export function parseMirrorReport(payload: string): MirrorReport | null {
  let value: { type?: unknown; member?: unknown; sv?: unknown };
  try {
    value = JSON.parse(payload) as typeof value;
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || value.type !== DESK_MIRRORED_TYPE) return null;
  if (!isMemberId(value.member)) return null;
  if (value.sv === undefined) return { member: value.member, stateVector: null };
  if (
    typeof value.sv !== 'string' ||
    value.sv.length > (MAX_STATE_VECTOR_BYTES * 4) / 3 + 4 ||
    !BASE64_PATTERN.test(value.sv)
  )
    return null;
  try {
    const stateVector = base64ToBytes(value.sv);
    Y.decodeStateVector(stateVector);
    return { member: value.member, stateVector };
  } catch {
    return null;
  }
}
