import type { DeskStorage, DeskStorageOptions } from './storage';

// Apart from storage.ts, which the back ends import for its types and constants: the back ends
// load lazily from here, and storage.ts stays free of them.

/** Opens a storage back end; its module (and driver) load only when used. */
export async function openDeskStorage(options: DeskStorageOptions): Promise<DeskStorage> {
  if (options.kind === 'sqlite') return (await import('./sqlite-storage')).openSqliteStorage(options.file);
  return (await import('./postgres-storage')).openPostgresStorage(options.url);
}

/**
 * The schema version a storage has now, without creating or migrating anything (for
 * `desk doctor`): 0 for an empty database, null when there is no SQLite file yet.
 */
export async function peekDeskSchemaVersion(options: DeskStorageOptions): Promise<number | null> {
  if (options.kind === 'sqlite')
    return (await import('./sqlite-storage')).peekSqliteSchemaVersion(options.file);
  return (await import('./postgres-storage')).peekPostgresSchemaVersion(options.url);
}
