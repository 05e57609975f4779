import type { DeskRole } from '../../shared/desk/names';

/** Where a desk server keeps its documents, users and files. */
export type DeskStorageOptions = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface DeskUserRecord {
  name: string;
  role: DeskRole;
  createdAt: string;
  /** Null while the user may connect. */
  revokedAt: string | null;
}

export interface DeskDocumentInfo {
  name: string;
  bytes: number;
  updatedAt: string;
}

export interface DeskFileInfo {
  sha256: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

/** A member's word that it has mirrored a facts document up to a state vector (or only that it is around). */
export interface MirrorReportRow {
  /** The random id of the member's local store. */
  member: string;
  /** The desk user whose token the member connected with. */
  user: string;
  /** Null with a null state vector: the member is still around, nothing more. */
  document: string | null;
  stateVector: Uint8Array | null;
  at: string;
}

export interface DeskMemberRecord {
  member: string;
  user: string;
  lastSeen: string;
  /** The user was revoked (or is gone): the member will not come back and is not waited for. */
  revoked: boolean;
}

export interface DeskMemberDocument {
  member: string;
  document: string;
  stateVector: Uint8Array;
}

/** What one run of the change-log pruning did (docs/desk-facts.md); `desk doctor` shows the last one. */
export interface DeskPruneRun {
  startedAt: string;
  finishedAt: string;
  settings: { keepMs: number; maxEntries: number; memberHorizonMs: number };
  /** Facts documents looked at. */
  documents: number;
  /** Documents entries were removed from. */
  prunedDocuments: number;
  removed: number;
  /** Entries still in the change logs after the run. */
  left: number;
  /** Entries old enough (or over the limit) but kept because a member has not mirrored them yet. */
  heldBack: number;
  waitingFor: { member: string; user: string; lastSeen: string; lacking: number }[];
  /** Members not seen within the horizon: forgotten by this run, no longer waited for. */
  forgotten: { member: string; user: string; lastSeen: string }[];
  problems: string[];
}

/** How many runs the storage keeps (the log of runs must not grow without bound either). */
export const DESK_PRUNE_RUNS_KEPT = 50;

/**
 * The desk server's storage layer: the only code that speaks SQL. Both back ends (SQLite for a
 * desk on one office machine, PostgreSQL for a real server) implement it and create their
 * tables through the same numbered migrations (./migrations.ts).
 */
export interface DeskStorage {
  readonly kind: DeskStorageOptions['kind'];
  /** A human description of where data lives (file path, or the URL without its password). */
  readonly location: string;
  schemaVersion(): Promise<number>;

  fetchDocument(name: string): Promise<Uint8Array | null>;
  /** Replaces the stored Yjs state of a document (the whole state as one update). */
  storeDocument(name: string, state: Uint8Array): Promise<void>;
  listDocuments(): Promise<DeskDocumentInfo[]>;

  /** Adds a user, or gives a revoked user a new token; false when an active user has that name. */
  addUser(name: string, role: DeskRole, tokenSha256: string): Promise<boolean>;
  listUsers(): Promise<DeskUserRecord[]>;
  /** False when there is no active user of that name. */
  revokeUser(name: string): Promise<boolean>;
  /** The active user holding the token with this hash. */
  userByTokenHash(tokenSha256: string): Promise<{ name: string; role: DeskRole } | null>;

  /** Stores a verified file once (a second put of the same hash is a no-op). */
  putFile(sha256: string, bytes: Uint8Array, uploadedBy: string): Promise<void>;
  getFile(sha256: string): Promise<Uint8Array | null>;
  listFiles(): Promise<DeskFileInfo[]>;

  /**
   * Stores reports in one transaction. A member id stays with the user who reported it first: a
   * report for it under another user's token is ignored.
   */
  saveMirrorReports(reports: readonly MirrorReportRow[]): Promise<void>;
  listMembers(): Promise<DeskMemberRecord[]>;
  listMemberDocuments(): Promise<DeskMemberDocument[]>;
  /** Removes members and their reports. */
  forgetMembers(members: readonly string[]): Promise<void>;
  /** Records a run and keeps only the newest DESK_PRUNE_RUNS_KEPT. */
  recordPruneRun(run: DeskPruneRun): Promise<void>;
  /** Newest first. */
  listPruneRuns(limit: number): Promise<DeskPruneRun[]>;

  /**
   * Makes this process the desk's one server until close(): two servers on one storage would each
   * keep their own copy of a document in memory and overwrite each other's stored state.
   * Throws DeskStorageBusyError while another server holds it; a killed server's claim ends with it.
   */
  claimServer(): Promise<void>;

  close(): Promise<void>;
}

export class DeskStorageBusyError extends Error {
  constructor(location: string) {
    super(
      `another desk server is already serving ${location}; stop that one first (one desk, one server), or give this one its own storage`,
    );
    this.name = 'DeskStorageBusyError';
  }
}
