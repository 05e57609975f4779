import * as Y from 'yjs';
import { changesArray } from '../shared/desk/fact-changes';

/**
 * Which entries of a facts document's change log can go (docs/desk-facts.md, "Change log and
 * pruning"). The log is how a change reaches every member's audit log with its author; once every
 * member the desk waits for has mirrored an entry, it has done its work everywhere.
 */
export interface PruneRules {
  /** Entries younger than this stay, so a member coming back soon still gets authors and times. */
  keepMs: number;
  /** Per document, entries beyond the newest this many go even when they are younger. */
  maxEntries: number;
}

export interface MirroredBy {
  member: string;
  /** Client id → clock: the member has every struct of that client below the clock. Null: never reported this document. */
  stateVector: Map<number, number> | null;
}

export interface PrunePlan {
  /** [index, length] of the entries to delete, highest index first (so earlier runs keep their indices). */
  runs: [number, number][];
  removed: number;
  left: number;
  /** Entries old enough (or over the limit) that a member has not mirrored yet. */
  heldBack: number;
  /** Member → entries held back for it. */
  lacking: Map<string, number>;
}

/** An author's clock more than this far ahead cannot be believed: such an entry's age counts as unknown. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * An entry (Yjs id client, clock) is covered by a member's state vector when sv[client] > clock.
 * Entries whose age cannot be read (a broken client's, or a clock far ahead) count as old: the
 * members' coverage alone decides for them.
 */
export function planPrune(
  doc: Y.Doc,
  mirroredBy: readonly MirroredBy[],
  rules: PruneRules,
  now: number,
): PrunePlan {
  const entries: { index: number; client: number; clock: number; at: unknown }[] = [];
  let index = 0;
  // The array's items, not toArray(): the Yjs id of each entry is what the state vectors speak of.
  // One item holds several entries when one client appended them in a row (Yjs merges them).
  for (let item = changesArray(doc)._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const values = item.content.getContent() as unknown[];
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as { at?: unknown } | null;
      entries.push({ index: index++, client: item.id.client, clock: item.id.clock + i, at: value?.at });
    }
  }
  const oldBefore = now - rules.keepMs;
  const overLimit = entries.length - rules.maxEntries;
  const lacking = new Map<string, number>();
  const doomed: number[] = [];
  let heldBack = 0;
  for (const entry of entries) {
    const at = typeof entry.at === 'string' ? Date.parse(entry.at) : NaN;
    const old = !Number.isFinite(at) || at > now + CLOCK_SKEW_MS || at <= oldBefore;
    if (!old && entry.index >= overLimit) continue;
    let covered = true;
    for (const m of mirroredBy) {
      if ((m.stateVector?.get(entry.client) ?? 0) > entry.clock) continue;
      covered = false;
      lacking.set(m.member, (lacking.get(m.member) ?? 0) + 1);
    }
    if (covered) doomed.push(entry.index);
    else heldBack++;
  }
  const runs: [number, number][] = [];
  for (const i of doomed) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  }
  runs.reverse();
  return { runs, removed: doomed.length, left: entries.length - doomed.length, heldBack, lacking };
}

/** Deletes the plan's entries in one transaction; the plan must have been made on this document as it is now. */
export function applyPrunePlan(doc: Y.Doc, plan: PrunePlan, origin: unknown): void {
  if (plan.runs.length === 0) return;
  const log = changesArray(doc);
  doc.transact(() => {
    for (const [index, length] of plan.runs) log.delete(index, length);
  }, origin);
}
