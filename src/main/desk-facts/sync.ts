import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { appendChange, readChanges, type DeskFactChange } from '../../shared/desk/fact-changes';
import {
  DESK_FACT_FIELDS,
  readRecords,
  recordsMap,
  removeRecord,
  writeRecord,
  type FieldChange,
} from '../../shared/desk/fact-records';
import {
  DESK_FACT_KINDS,
  FACT_BUCKETS,
  factDocNameFor,
  factsDocName,
  type DeskFactKind,
} from '../../shared/desk/names';
import type { Db } from '../../store/db';
import { appendDocUpdate, loadDoc } from '../../store/desk-docs';
import {
  DESK_WRITE_ORDER,
  applyDeskRecord,
  changeSeen,
  hasLocalRecord,
  insertDeskRecords,
  deskAuditCursor,
  isLocalOnly,
  isShared,
  localRecord,
  markChangeSeen,
  markShared,
  pendingAuditEntries,
  removeDeskRecord,
  setDeskAuditCursor,
  sharedIds,
  unmarkShared,
  writeDeskAudit,
  type PendingAuditEntry,
} from '../../store/desk-facts';
import { takeShareRequest, unsharedIds } from '../../store/desk-facts-share';
import { uploadSourceFiles, uploadsWaiting } from './source-files';

/**
 * The shared fact store over the desk, on the Node side (main process or browser-shell
 * server, never the renderer): every `facts/<kind>/<bucket>` document is mirrored into the
 * local SQLite store with its search index, and local changes — from the app or the CLI, read
 * from the audit log — are pushed field by field with an entry in the document's change log.
 * Offline, pushes stay in the documents and the provider sends them on reconnect; what others
 * changed meanwhile arrives the same way and is mirrored.
 */
export interface DeskFactSyncOptions {
  db: Db;
  /** ws://… of the desk server. */
  url: string;
  token: string;
  /** Node 20 has no global WebSocket: pass the `ws` package. */
  WebSocketPolyfill?: unknown;
  /** The member's name for changes that are not one audit entry (sharing local facts). */
  user?: string;
  /** How often the audit log is read for local changes (the CLI writes from another process). */
  pollMs?: number;
  onProblem?(message: string): void;
  /** The data folder: attached source files of shared sources are uploaded from it. Without it, none are. */
  dataDir?: string;
  /** Facts from the desk were written here (created, changed or deleted): open views should fetch again. */
  onFactsChanged?(): void;
}

const PUSH = 'factdesk-desk-facts-push';
/** The document as it was stored here before this start: already mirrored, not stored again. */
const RESTORE = 'factdesk-desk-facts-restore';

interface FactDoc {
  kind: DeskFactKind;
  name: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /**
   * Change-log entries already read. Ids, not a position: an entry written offline can land
   * before entries read already once the documents merge.
   */
  changesRead: Set<string>;
}

export class DeskFactSync {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly docs = new Map<string, FactDoc>();
  private readonly dirty = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private readonly tag = randomUUID();
  private refusal: string | null = null;
  private stopped = false;
  readonly problems: string[] = [];

  constructor(private readonly options: DeskFactSyncOptions) {
    // Changes from here on are shared; facts from before joining are shared by shareExisting().
    deskAuditCursor(options.db);
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: options.WebSocketPolyfill,
      delay: 200,
      minDelay: 100,
      maxDelay: 2000,
    });
    for (const kind of DESK_FACT_KINDS) {
      for (let bucket = 0; bucket < FACT_BUCKETS; bucket++) this.open(kind, factsDocName(kind, bucket));
    }
    this.timer = setInterval(() => this.tick(), options.pollMs ?? 200);
  }

  private open(kind: DeskFactKind, name: string): void {
    const { db } = this.options;
    const doc = new Y.Doc();
    // The local copy first: edits pushed while offline survive a restart and reach the desk on
    // reconnect (the sync's state vectors find what the server lacks). Stored state means this
    // member had synced before, so pushing may start without waiting for the server.
    const stored = loadDoc(db, name, new Date().toISOString());
    if (stored.state) {
      Y.applyUpdate(doc, stored.state, RESTORE);
      this.restored = true;
    }
    // Every update is kept (as confirmed rows: the Yjs sync itself finds what the server lacks).
    // Ours in the same transaction as the push that made it; the desk's only once mirrored, so a
    // crash in between leaves the local copy without it and the server sends it again.
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === RESTORE || !db.open) return;
      if (origin === PUSH) appendDocUpdate(db, name, update, false, new Date().toISOString());
      else (this.unstored.get(name) ?? this.unstored.set(name, []).get(name)!).push(update);
    });
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      token: this.options.token,
      // 384 documents per member: presence belongs to articles, not to the fact store.
      awareness: null,
      onAuthenticationFailed: ({ reason }) => {
        this.refusal = reason;
      },
    });
    provider.attach();
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== PUSH) this.dirty.add(name);
    });
    this.docs.set(name, { kind, name, doc, provider, changesRead: new Set() });
  }

  /** Why the desk refused this member, if it did. */
  get refused(): string | null {
    return this.refusal;
  }

  /** True once every document has had its first sync with the server. */
  get synced(): boolean {
    for (const d of this.docs.values()) if (!d.provider.synced) return false;
    return true;
  }

  /** Nothing waiting in either direction: all synced, nothing unsent, nothing unmirrored, no local change unpushed. */
  get idle(): boolean {
    if (!this.synced || this.dirty.size > 0) return false;
    for (const d of this.docs.values()) if (d.provider.hasUnsyncedChanges) return false;
    if (this.uploading || (this.options.dataDir && uploadsWaiting(this.options.db, this.notUploadable) > 0))
      return false;
    return pendingAuditEntries(this.options.db, deskAuditCursor(this.options.db), 1).length === 0;
  }

  /** Changes waiting for the server (for the status item: "Offline (n changes waiting)"). */
  get waiting(): number {
    let n = 0;
    for (const d of this.docs.values()) n += d.provider.unsyncedChanges;
    return n;
  }

  /** Goes offline (as a cut network would); resolves once the connection is closed. */
  async disconnect(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      const done = () => {
        this.socket.off('disconnect', done);
        resolve();
      };
      this.socket.on('disconnect', done);
    });
    this.socket.disconnect();
    if (this.socket.status !== 'disconnected') await closed;
  }

  /** Back online: every document syncs again, sending what was changed meanwhile. */
  async reconnect(): Promise<void> {
    await this.socket.connect();
  }

  /** One round: push local changes, then mirror what arrived. Public so tests and benches can drive it. */
  tick(): void {
    if (this.stopped) return;
    try {
      // Pushing needs the desk's state first: on joining, nothing is written onto empty documents.
      if (!this.everSynced) {
        if (!this.synced && !this.restored) return;
        this.everSynced = true;
      }
      this.pushLocal();
      if (takeShareRequest(this.options.db)) this.shareUnshared();
      this.mirror();
      this.uploadFiles();
    } catch (error) {
      this.report(`desk facts: ${(error as Error).message}`);
    }
  }
  private everSynced = false;
  private restored = false;
  /** Updates from the desk not yet in the local copy (stored with the mirror that follows them). */
  private readonly unstored = new Map<string, Uint8Array[]>();

  /** Ids known to be shared, per document (candidates for "deleted by a member"); built once from the store. */
  private sharedByDoc: Map<string, Set<string>> | null = null;

  private sharedIn(name: string): Set<string> {
    if (!this.sharedByDoc) {
      this.sharedByDoc = new Map();
      for (const kind of DESK_FACT_KINDS) {
        for (const id of sharedIds(this.options.db, kind)) this.noteShared(factDocNameFor(kind, id), id);
      }
    }
    return this.sharedByDoc.get(name) ?? new Set();
  }

  private noteShared(name: string, id: string): void {
    if (!this.sharedByDoc) return; // the first sharedIn() reads them from the store
    (this.sharedByDoc.get(name) ?? this.sharedByDoc.set(name, new Set()).get(name)!).add(id);
  }

  private uploading = false;
  private nextUploadAt = 0;
  /** Files this app cannot give the desk in this session (another member's, damaged, refused). */
  private readonly notUploadable = new Set<string>();

  /** Starts a round of source-file uploads when online and none is running (HTTP, so asynchronous). */
  private uploadFiles(): void {
    const { db, dataDir } = this.options;
    if (!dataDir || this.uploading || Date.now() < this.nextUploadAt || this.socket.status !== 'connected')
      return;
    if (uploadsWaiting(db, this.notUploadable) === 0) return;
    this.uploading = true;
    void uploadSourceFiles(
      db,
      dataDir,
      { url: this.options.url, token: this.options.token },
      this.notUploadable,
      (m) => this.report(m),
    )
      .then((round) => {
        if (round.unavailable) this.nextUploadAt = Date.now() + 2000;
      })
      .catch((error: Error) => this.report(`desk files: ${error.message}`))
      .finally(() => {
        this.uploading = false;
      });
  }

  private report(message: string): void {
    this.problems.push(message);
    this.options.onProblem?.(message);
  }

  private pushLocal(): void {
    const { db } = this.options;
    let cursor = deskAuditCursor(db);
    for (;;) {
      const entries = pendingAuditEntries(db, cursor, 1000);
      if (entries.length === 0) break;
      db.transaction(() => {
        // Entries grouped by document (in order within each), one update per document.
        const byDoc = new Map<Y.Doc | null, PendingAuditEntry[]>();
        for (const entry of entries) {
          const doc = this.docs.get(factDocNameFor(entry.recordType, entry.recordId))?.doc ?? null;
          (byDoc.get(doc) ?? byDoc.set(doc, []).get(doc)!).push(entry);
        }
        for (const [doc, group] of byDoc) {
          if (doc) doc.transact(() => group.forEach((e) => this.push(e)), PUSH);
          else group.forEach((e) => this.push(e));
        }
        cursor = entries[entries.length - 1].seq;
        setDeskAuditCursor(db, cursor);
      })();
    }
  }

  private push(entry: PendingAuditEntry): void {
    const { db } = this.options;
    const kind = entry.recordType;
    if (!(DESK_FACT_KINDS as readonly string[]).includes(kind) || isLocalOnly(db, kind, entry.recordId))
      return;
    const target = this.docs.get(factDocNameFor(kind, entry.recordId));
    if (!target) return;
    const changeId = `${this.tag}:${entry.seq}`;
    target.doc.transact(() => {
      let changes: FieldChange[] = [];
      if (entry.action === 'delete') {
        // A fact that never reached the desk (e.g. a duplicate merged away on joining) leaves no trace there.
        if (!isShared(db, kind, entry.recordId) && !recordsMap(target.doc).has(entry.recordId)) return;
        removeRecord(target.doc, entry.recordId);
        unmarkShared(db, kind, entry.recordId);
      } else {
        const current = localRecord(db, kind, entry.recordId);
        if (!current) return; // deleted again since; that delete is its own entry
        const onDesk = recordsMap(target.doc).get(entry.recordId);
        if (entry.action === 'update' && onDesk instanceof Y.Map && entry.before && entry.after) {
          // Only the fields this edit changed: another member's edit of another field must survive.
          for (const field of DESK_FACT_FIELDS[kind] as readonly string[]) {
            const before = entry.before[field] ?? null;
            const after = entry.after[field] ?? null;
            if (JSON.stringify(before) === JSON.stringify(after)) continue;
            onDesk.set(field, Array.isArray(after) ? [...after] : after);
            changes.push({ field, before, after });
          }
        } else {
          changes = writeRecord(target.doc, kind, current as never);
          if (entry.action === 'create') changes = [];
        }
        markShared(db, kind, entry.recordId);
        this.noteShared(target.name, entry.recordId);
      }
      const change: DeskFactChange = {
        id: changeId,
        recordId: entry.recordId,
        action: entry.action,
        changes,
        by: entry.user,
        at: entry.at,
      };
      appendChange(target.doc, change);
    }, PUSH);
    markChangeSeen(db, changeId);
  }

  /** Shares every local fact not on the desk yet and not kept local ("share local facts"). */
  private shareUnshared(): void {
    const { db } = this.options;
    const at = new Date().toISOString();
    // One update per document rather than per record: sharing a large store sends hundreds of
    // messages, not hundreds of thousands.
    const byDoc = new Map<string, { kind: DeskFactKind; id: string }[]>();
    for (const kind of DESK_WRITE_ORDER) {
      for (const id of unsharedIds(db, kind)) {
        const name = factDocNameFor(kind, id);
        (byDoc.get(name) ?? byDoc.set(name, []).get(name)!).push({ kind, id });
      }
    }
    db.transaction(() => {
      for (const [name, items] of byDoc) {
        const target = this.docs.get(name);
        if (!target) continue;
        target.doc.transact(() => {
          for (const { kind, id } of items) {
            const record = localRecord(db, kind, id);
            if (!record) continue;
            const changeId = `${this.tag}:share:${kind}:${id}`;
            writeRecord(target.doc, kind, record as never);
            appendChange(target.doc, {
              id: changeId,
              recordId: id,
              action: 'create',
              changes: [],
              by: this.options.user ?? 'desk',
              at,
            });
            markShared(db, kind, id);
            this.noteShared(name, id);
            markChangeSeen(db, changeId);
          }
        }, PUSH);
      }
    })();
  }

  private mirror(): void {
    if (this.dirty.size === 0) return;
    const { db } = this.options;
    const names = [...this.dirty];
    this.dirty.clear();
    const docs = names.map((n) => this.docs.get(n)!).filter(Boolean);

    // The newest change per record names who changed it (for stale-claim notices).
    const lastChange = new Map<string, DeskFactChange>();
    const newChanges: [DeskFactKind, DeskFactChange][] = [];
    for (const d of docs) {
      const { changes, invalid } = readChanges(d.doc);
      if (invalid > 0)
        this.report(`${d.name}: ${invalid} change-log entries were not valid and were skipped`);
      for (const c of changes) {
        if (d.changesRead.has(c.id)) continue;
        d.changesRead.add(c.id);
        lastChange.set(`${d.kind}:${c.recordId}`, c);
        newChanges.push([d.kind, c]);
      }
    }

    let pending: { kind: DeskFactKind; record: { id: string } }[] = [];
    const present = new Map<string, Set<string>>();
    for (const kind of DESK_WRITE_ORDER) {
      for (const d of docs.filter((x) => x.kind === kind)) {
        const { records, problems } = readRecords(d.doc, kind);
        for (const p of problems) this.report(`${p.path}: ${p.message}`);
        const ids = new Set<string>();
        for (const r of records) {
          pending.push({ kind, record: r });
          ids.add(r.id);
        }
        present.set(d.name, ids);
      }
    }

    const actorOf = (kind: DeskFactKind, id: string) => {
      const c = lastChange.get(`${kind}:${id}`);
      return { actor: { user: c?.by ?? 'desk', via: 'desk' }, at: c?.at ?? new Date().toISOString() };
    };
    let changed = 0;
    // A record may refer to one that arrives in a later document or round; retry until nothing moves.
    // One transaction for the whole batch (each record in its own savepoint): joining a large desk
    // must not pay a sync to disk per record.
    db.transaction(() => {
      // Records new here (most of them when joining) go in one batch per kind, in write order;
      // the rest, and a batch the database refuses, take the record-by-record path below.
      const oneByOne: typeof pending = [];
      for (const kind of DESK_WRITE_ORDER) {
        const fresh: { id: string }[] = [];
        for (const p of pending) {
          if (p.kind !== kind) continue;
          if (!hasLocalRecord(db, kind, p.record.id) && !isLocalOnly(db, kind, p.record.id))
            fresh.push(p.record);
          else oneByOne.push(p);
        }
        if (fresh.length === 0) continue;
        try {
          insertDeskRecords(db, kind, fresh, (id) => actorOf(kind, id));
          changed += fresh.length;
        } catch {
          for (const record of fresh) oneByOne.push({ kind, record });
        }
      }
      pending = oneByOne;
      for (let round = 0; pending.length > 0 && round < 8; round++) {
        const next: typeof pending = [];
        for (const p of pending) {
          if (isLocalOnly(db, p.kind, p.record.id)) continue;
          const { actor, at } = actorOf(p.kind, p.record.id);
          try {
            if (applyDeskRecord(db, p.kind, p.record, actor, at) !== 'unchanged') changed++;
          } catch {
            next.push(p);
          }
        }
        if (next.length === pending.length) break;
        pending = next;
      }
    })();
    for (const p of pending) {
      this.report(
        `${p.kind} ${p.record.id} from the desk could not be stored yet (a record it refers to is missing); it is retried with the next change`,
      );
    }

    // Records shared before and gone from their document now were deleted by a member. Only the
    // changed documents' ids are looked at: a scan of every shared id per round made joining a
    // large desk quadratic.
    for (const kind of [...DESK_WRITE_ORDER].reverse()) {
      for (const d of docs.filter((x) => x.kind === kind)) {
        const here = present.get(d.name) ?? new Set<string>();
        const kept = new Set(here);
        for (const id of this.sharedIn(d.name)) {
          if (here.has(id) || !isShared(db, kind, id)) continue;
          const { actor, at } = actorOf(kind, id);
          const result = removeDeskRecord(db, kind, id, actor, at);
          if (result.refusal) {
            this.report(result.refusal);
            kept.add(id);
          }
          if (result.removed) changed++;
        }
        this.sharedByDoc!.set(d.name, kept);
      }
    }

    const now = new Date().toISOString();
    db.transaction(() => {
      for (const [kind, change] of newChanges) {
        if (changeSeen(db, change.id)) continue;
        writeDeskAudit(db, kind, change);
        changed++;
      }
      for (const name of names) {
        const updates = this.unstored.get(name);
        if (!updates) continue;
        this.unstored.delete(name);
        appendDocUpdate(db, name, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates), false, now);
      }
    })();
    if (changed > 0) this.options.onFactsChanged?.();
  }

  /** Pushes what is left, then closes every document and the connection. */
  stop(): void {
    if (this.stopped) return;
    this.tick();
    this.stopped = true;
    clearInterval(this.timer);
    for (const d of this.docs.values()) d.provider.destroy();
    // Stopping while a connection attempt is still open (desk unreachable): `ws` reports the
    // aborted handshake as an error event after Hocuspocus has removed its listeners, which
    // would crash the process.
    this.socket.webSocket?.addEventListener('error', () => {});
    this.socket.destroy();
  }
}
