import * as Y from 'yjs';

// The article document keeps claims, comment threads and corrections the same way: one entry per
// record, keyed by its id, each a map of fields. The hooks that keep those maps and the local
// tables in step (useDeskClaims, useDeskComments, useDeskCorrections) share these pieces.

/** The records of such a map as `parse` reads them; entries that are not field maps or do not parse are skipped. */
export function readRecordMap<R>(
  map: Y.Map<unknown>,
  parse: (key: string, fields: Record<string, unknown>) => R | null,
): R[] {
  const records: R[] = [];
  map.forEach((value, key) => {
    if (!(value instanceof Y.Map)) return;
    const record = parse(key, value.toJSON() as Record<string, unknown>);
    if (record) records.push(record);
  });
  return records;
}

/**
 * Writes each record's fields into its entry, creating the entry if needed, and only the fields
 * whose value differs: two members changing different fields of one record at once both keep
 * their change. Call inside a transaction of the map's document, so the others get one update.
 */
export function writeRecordFields<R extends { id: string }>(
  map: Y.Map<unknown>,
  records: readonly R[],
  fieldsOf: (record: R) => Record<string, unknown>,
): void {
  for (const record of records) {
    let entry = map.get(record.id);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      map.set(record.id, entry);
    }
    const fields = entry as Y.Map<unknown>;
    for (const [key, value] of Object.entries(fieldsOf(record)))
      if (JSON.stringify(fields.get(key)) !== JSON.stringify(value)) fields.set(key, value);
  }
}

export interface TaskQueue {
  /** Runs after every task queued before it has finished; a failure is logged, the queue goes on. */
  run(task: () => Promise<void>): void;
  /** Tasks not yet started never start: the hook's article or desk is gone. */
  stop(): void;
  readonly stopped: boolean;
}

/**
 * One queue for both directions of a sync, so a pull (desk → local tables) and a push (local
 * tables → desk) never interleave: a push reading the tables while a pull writes them would send
 * back a half-applied state.
 */
export function taskQueue(label: string): TaskQueue {
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  return {
    run(task) {
      queue = queue
        .then(() => (stopped ? undefined : task()))
        .catch((err: unknown) => console.error(`[desk] ${label}`, err instanceof Error ? err.message : err));
    },
    stop() {
      stopped = true;
    },
    get stopped() {
      return stopped;
    },
  };
}
