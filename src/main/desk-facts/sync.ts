import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import {
  appendChanges,
  deletesChanges,
  readChanges,
  type DeskFactChange,
} from '../../shared/desk/fact-changes';
import {
  DESK_FACT_FIELDS,
  checkRecord,
  hasRecord,
  rawRecords,
  recordsMap,
  removeRecord,
  writeFields,
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
import { writeAudit, writeCreateAudits, type Actor } from '../../store/audit';
import type { Db } from '../../store/db';
import { appendDocUpdate, loadDoc, replaceConfirmedState } from '../../store/desk-docs';
import { deskMemberId } from '../../store/desk-config';
import { isMemberId } from '../../shared/desk/mirror-report';
import { MirrorReporter } from './mirror-reporter';
import {
  DESK_TABLES,
  DESK_WRITE_ORDER,
  applyDeskRecord,
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
  type PendingAuditEntry,
} from '../../store/desk-facts';
import {
  localOnlyIds,
  markSharedMany,
  skipDeskAuditEntries,
  writeDeskAudits,
} from '../../store/desk-facts-batch';
import { changedFields, compareWithStored } from '../../store/records';
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
  /**
   * Facts from the desk were written here (created, changed or deleted): open views should fetch
   * again. At most once per FACTS_CHANGED_MS while rounds keep writing (a join writes for seconds).
   */
  onFactsChanged?(): void;
  /** Milliseconds per mirror phase are added here (the bench prints them). */
  phases?: MirrorPhases;
  /**
   * At most one round of mirror reports to the desk per this many milliseconds (default
   * REPORT_MS): they only decide what the server may prune, hours later.
   */
  reportMs?: number;
}

/** Where the mirror's time goes. */
export interface MirrorPhases {
  /** Yjs decoding and applying what the desk sent (not part of the mirror's rounds). */
  yjs: number;
  /** Y.Map entries of the changed documents → plain objects. */
  decode: number;
  /** Fact pack rules on every record, and the new change-log entries read and checked. */
  validate: number;
  /** Rows with their search index, shared marks, updates (with stale-claim checks). */
  write: number;
  /** Records members deleted. */
  deletes: number;
  /** Audit entries: the change log's, and those for changes the log no longer holds. */
  audit: number;
  /** The documents' updates into the local copy, and the commit. */
  commit: number;
  rounds: number;
}

export function emptyPhases(): MirrorPhases {
  return { yjs: 0, decode: 0, validate: 0, write: 0, deletes: 0, audit: 0, commit: 0, rounds: 0 };
}

const FACTS_CHANGED_MS = 500;
const REPORT_MS = 5000;
/** Longest a joining member's round waits for more documents (see mirror()). */
const JOIN_ROUND_WAIT_MS = 2000;

/**
 * Who a change is put down to when the change log does not hold it (pruned while this machine
 * was away, see docs/desk-facts.md): the desk; `via = 'desk'` keeps it from being pushed back.
 */
const DESK_ACTOR: Actor = { user: 'desk', via: 'desk' };

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
  private readonly reporter: MirrorReporter;
  private refusal: string | null = null;
  private stopped = false;
  readonly problems: string[] = [];

  constructor(private readonly options: DeskFactSyncOptions) {
    // Changes from here on are shared; facts from before joining are shared by shareExisting().
    deskAuditCursor(options.db);
    // This store's id towards the desk's change-log pruning; a hand-edited one is replaced for the session.
    const member = deskMemberId(options.db, () => randomUUID());
    this.reporter = new MirrorReporter(
      isMemberId(member) ? member : randomUUID(),
      options.reportMs ?? REPORT_MS,
    );
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
    const phases = this.options.phases;
    if (phases) {
      let started = 0;
      doc.on('beforeTransaction', (tr: Y.Transaction) => {
        if (!tr.local) started = performance.now();
      });
      doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (!tr.local) phases.yjs += performance.now() - started;
      });
    }
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== PUSH) this.dirty.add(name);
      this.recordCounts.delete(name);
    });
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (!tr.local && deletesChanges(tr, doc)) this.compactable.add(name);
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
      if (!this.everSynced && (this.synced || this.restored)) this.everSynced = true;
      if (this.everSynced) {
        this.pushLocal();
        if (takeShareRequest(this.options.db)) this.shareUnshared();
        this.notePushedMirrored();
      }
      // Mirroring need not wait for all 384 documents: each one is written once it has the desk's
      // state, while the others still arrive.
      this.mirror();
      if (this.everSynced) this.uploadFiles();
      this.sendReports(false);
      this.compactPruned();
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
      if (entries.length === 0) {
        skipDeskAuditEntries(db, cursor);
        break;
      }
      db.transaction(() => {
        // Entries grouped by document (in order within each), one update per document.
        const byDoc = new Map<Y.Doc | null, PendingAuditEntry[]>();
        for (const entry of entries) {
          const doc = this.docs.get(factDocNameFor(entry.recordType, entry.recordId))?.doc ?? null;
          (byDoc.get(doc) ?? byDoc.set(doc, []).get(doc)!).push(entry);
        }
        for (const [doc, group] of byDoc) {
          if (!doc) continue; // not a shared kind
          doc.transact(() => {
            const log: DeskFactChange[] = [];
            for (const e of group) this.push(e, log);
            appendChanges(doc, log);
          }, PUSH);
        }
        cursor = entries[entries.length - 1].seq;
        setDeskAuditCursor(db, cursor);
      })();
    }
  }

  /** Writes one local change into its document (inside the caller's transaction); its log entry goes into `log`. */
  private push(entry: PendingAuditEntry, log: DeskFactChange[]): void {
    const { db } = this.options;
    const kind = entry.recordType;
    if (!(DESK_FACT_KINDS as readonly string[]).includes(kind) || isLocalOnly(db, kind, entry.recordId))
      return;
    const target = this.docs.get(factDocNameFor(kind, entry.recordId));
    if (!target) return;
    this.pushedTo.add(target.name);
    const changeId = `${this.tag}:${entry.seq}`;
    let changes: FieldChange[] = [];
    if (entry.action === 'delete') {
      // A fact that never reached the desk (e.g. a duplicate merged away on joining) leaves no trace there.
      if (!isShared(db, kind, entry.recordId) && !hasRecord(target.doc, entry.recordId)) return;
      removeRecord(target.doc, kind, entry.recordId);
      unmarkShared(db, kind, entry.recordId);
    } else {
      const current = localRecord(db, kind, entry.recordId);
      if (!current) return; // deleted again since; that delete is its own entry
      if (entry.action === 'update' && hasRecord(target.doc, entry.recordId) && entry.before && entry.after) {
        // Only the fields this edit changed: another member's edit of another field must survive.
        const values: Record<string, unknown> = {};
        for (const field of DESK_FACT_FIELDS[kind] as readonly string[]) {
          const before = entry.before[field] ?? null;
          const after = entry.after[field] ?? null;
          if (JSON.stringify(before) === JSON.stringify(after)) continue;
          values[field] = after;
          changes.push({ field, before, after });
        }
        writeFields(target.doc, entry.recordId, values);
      } else {
        changes = writeRecord(target.doc, kind, current as never);
        if (entry.action === 'create') changes = [];
      }
      markShared(db, kind, entry.recordId);
      this.noteShared(target.name, entry.recordId);
    }
    log.push({
      id: changeId,
      recordId: entry.recordId,
      action: entry.action,
      changes,
      by: entry.user,
      at: entry.at,
    });
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
        this.pushedTo.add(name);
        target.doc.transact(() => {
          const log: DeskFactChange[] = [];
          for (const { kind, id } of items) {
            const record = localRecord(db, kind, id);
            if (!record) continue;
            const changeId = `${this.tag}:share:${kind}:${id}`;
            writeRecord(target.doc, kind, record as never);
            log.push({
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
          appendChanges(target.doc, log);
        }, PUSH);
      }
    })();
  }

  /**
   * Log entries read for records that could not be stored yet (a reference missing): they still
   * explain the record's change when it is stored in a later round.
   */
  private carriedOver = new Map<string, Set<DeskFactChange['action']>>();
  /** Records in the documents mirrored before the first complete sync (see mirror()). */
  private joinedRecords = 0;
  /** Records per document while joining, until the document changes again. */
  private readonly recordCounts = new Map<string, number>();
  private lastRoundAt = Date.now();

  private mirror(): void {
    if (this.dirty.size === 0) return;
    const { db } = this.options;
    const phases = this.options.phases;
    let mark = performance.now();
    const lap = (phase: Exclude<keyof MirrorPhases, 'rounds'>) => {
      if (!phases) return;
      const t = performance.now();
      phases[phase] += t - mark;
      mark = t;
    };
    // Before the first complete sync, only documents that have the desk's state (a half-arrived
    // one would look as if its records had been deleted).
    const names = [...this.dirty].filter((n) => this.everSynced || this.docs.get(n)?.provider.synced);
    if (names.length === 0) return;
    // While joining, a round waits until it brings at least as many records as the rounds before
    // it: every round then at least doubles the tables and writes through the bulk path (indexes
    // built once after the rows), and a join takes a handful of rounds, not one per document.
    // Cut off halfway, what has arrived is written at once; and a round waits at most
    // JOIN_ROUND_WAIT_MS after the last one, so a document that never syncs cannot hold back the others.
    if (!this.everSynced) {
      let arriving = 0;
      for (const n of names) {
        // Y.Map's size walks every entry: counted once per document state, not on every tick of the wait.
        let count = this.recordCounts.get(n);
        if (count === undefined) this.recordCounts.set(n, (count = recordsMap(this.docs.get(n)!.doc).size));
        arriving += count;
      }
      const wait = this.socket.status === 'connected' && Date.now() - this.lastRoundAt < JOIN_ROUND_WAIT_MS;
      if (wait && arriving < this.joinedRecords) return;
      this.joinedRecords += arriving;
    }
    if (phases) phases.rounds++;
    for (const name of names) this.dirty.delete(name);
    const docs = names.map((n) => this.docs.get(n)).filter((d): d is FactDoc => d !== undefined);

    // Decode: every record of the changed documents as a plain object.
    const raw = new Map<DeskFactKind, { doc: FactDoc; id: string; raw: Record<string, unknown> | null }[]>();
    for (const d of docs) {
      const list = raw.get(d.kind) ?? raw.set(d.kind, []).get(d.kind)!;
      for (const { id, raw: fields } of rawRecords(d.doc, d.kind)) list.push({ doc: d, id, raw: fields });
    }
    lap('decode');

    // Validate: the records with the fact pack's rules, the change log's new entries.
    const valid = new Map<DeskFactKind, { id: string }[]>();
    const present = new Map<string, Set<string>>(docs.map((d) => [d.name, new Set<string>()]));
    for (const [kind, list] of raw) {
      const records: { id: string }[] = [];
      for (const item of list) {
        const read = checkRecord(kind, item.id, item.raw);
        if (!read.ok) {
          for (const p of read.problems) this.report(`${p.path}: ${p.message}`);
          continue;
        }
        records.push(read.record);
        present.get(item.doc.name)!.add(item.id);
      }
      records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      valid.set(kind, records);
    }
    // The newest change per record names who changed it (for stale-claim notices); the actions
    // read per record tell which writes the log explains.
    const lastChange = new Map<string, DeskFactChange>();
    const explained = new Map(this.carriedOver);
    const newChanges: [DeskFactKind, DeskFactChange][] = [];
    const readNow: [FactDoc, string][] = [];
    for (const d of docs) {
      const { changes, invalid } = readChanges(d.doc, d.changesRead);
      if (invalid > 0)
        this.report(`${d.name}: ${invalid} change-log entries were not valid and were skipped`);
      for (const c of changes) {
        d.changesRead.add(c.id);
        readNow.push([d, c.id]);
        const key = `${d.kind}:${c.recordId}`;
        lastChange.set(key, c);
        (explained.get(key) ?? explained.set(key, new Set()).get(key)!).add(c.action);
        newChanges.push([d.kind, c]);
      }
    }
    lap('validate');

    const actorOf = (kind: DeskFactKind, id: string) => {
      const c = lastChange.get(`${kind}:${id}`);
      return { actor: { user: c?.by ?? 'desk', via: 'desk' }, at: c?.at ?? new Date().toISOString() };
    };
    const logHas = (kind: DeskFactKind, id: string, ...actions: DeskFactChange['action'][]) =>
      actions.some((a) => explained.get(`${kind}:${id}`)?.has(a));
    const now = new Date().toISOString();
    let changed = 0;
    let pending: { kind: DeskFactKind; record: { id: string }; stored?: { id: string } }[] = [];
    try {
      // One transaction per round: a join writes many rounds, and each commit costs.
      db.transaction(() => {
        const created = new Map<DeskFactKind, string[]>();
        const updated: { kind: DeskFactKind; stored: { id: string }; record: { id: string } }[] = [];
        for (const kind of DESK_WRITE_ORDER) {
          let records = valid.get(kind) ?? [];
          if (records.length === 0) continue;
          const local = localOnlyIds(
            db,
            kind,
            records.map((r) => r.id),
          );
          if (local.size > 0) records = records.filter((r) => !local.has(r.id));
          // Which records are new here, the same, or different, in one query: joining writes the
          // new ones as one batch, a later round compares a document's records without a read each.
          const { missing, differing } = compareWithStored(db, DESK_TABLES[kind], records);
          const isMissing = new Set(missing.map((r) => r.id));
          markSharedMany(
            db,
            kind,
            records.filter((r) => !isMissing.has(r.id)).map((r) => r.id),
          );
          if (missing.length > 0) {
            try {
              insertDeskRecords(db, kind, missing, (id) => actorOf(kind, id));
              created.set(
                kind,
                missing.map((r) => r.id),
              );
              changed += missing.length;
            } catch {
              // A reference not here yet: record by record below, in later passes too.
              for (const record of missing) pending.push({ kind, record });
            }
          }
          for (const { stored, record } of differing) pending.push({ kind, record, stored });
        }
        // A record may refer to one that arrives in a later document or round; retry until nothing moves.
        for (let round = 0; pending.length > 0 && round < 8; round++) {
          const next: typeof pending = [];
          for (const p of pending) {
            const { actor, at } = actorOf(p.kind, p.record.id);
            try {
              const result = applyDeskRecord(db, p.kind, p.record, actor, at);
              if (result === 'created')
                (created.get(p.kind) ?? created.set(p.kind, []).get(p.kind)!).push(p.record.id);
              if (result === 'updated' && p.stored)
                updated.push({ kind: p.kind, stored: p.stored, record: p.record });
              if (result !== 'unchanged') changed++;
            } catch {
              next.push(p);
            }
          }
          if (next.length === pending.length) break;
          pending = next;
        }
        lap('write');

        // Records shared before and gone from their document now were deleted by a member. Only
        // the changed documents' ids are looked at: a scan of every shared id per round made
        // joining a large desk quadratic.
        const deleted: { kind: DeskFactKind; record: { id: string } }[] = [];
        for (const kind of [...DESK_WRITE_ORDER].reverse()) {
          for (const d of docs) {
            if (d.kind !== kind) continue;
            const here = present.get(d.name)!;
            const kept = new Set(here);
            for (const id of this.sharedIn(d.name)) {
              if (here.has(id) || !isShared(db, kind, id)) continue;
              const record = localRecord(db, kind, id);
              const { actor, at } = actorOf(kind, id);
              const result = removeDeskRecord(db, kind, id, actor, at);
              if (result.refusal) {
                this.report(result.refusal);
                kept.add(id);
              }
              if (result.removed && record) {
                changed++;
                deleted.push({ kind, record });
              }
            }
            this.sharedByDoc!.set(d.name, kept);
          }
        }
        lap('deletes');

        // The log's entries with their authors and times; a write the log does not explain (its
        // entries were pruned while this machine was away) gets an entry by "desk" with what
        // changed, so the audit log still shows every change.
        changed += writeDeskAudits(db, newChanges);
        for (const [kind, ids] of created) {
          const unexplained = ids.filter((id) => !logHas(kind, id, 'create'));
          writeCreateAudits(db, kind, unexplained, DESK_ACTOR, now);
        }
        for (const u of updated) {
          if (logHas(u.kind, u.record.id, 'update', 'create')) continue;
          const fields = changedFields(DESK_TABLES[u.kind], u.stored, u.record);
          const side = (k: 'before' | 'after') => Object.fromEntries(fields.map((f) => [f.field, f[k]]));
          writeAudit(db, u.kind, u.record.id, 'update', side('before'), side('after'), DESK_ACTOR, now);
        }
        for (const { kind, record } of deleted) {
          if (!logHas(kind, record.id, 'delete'))
            writeAudit(db, kind, record.id, 'delete', record, null, DESK_ACTOR, now);
        }
        lap('audit');

        for (const name of names) {
          const updates = this.unstored.get(name);
          if (!updates) continue;
          this.unstored.delete(name);
          appendDocUpdate(db, name, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates), false, now);
        }
      })();
    } catch (error) {
      // Nothing of this round was written: the same documents are read again next round.
      for (const name of names) this.dirty.add(name);
      for (const [d, id] of readNow) d.changesRead.delete(id);
      this.sharedByDoc = null;
      throw error;
    }
    lap('commit');
    this.noteMirrored(names, pending);
    // From the end of a round: a long round must not make the next one start without waiting.
    this.lastRoundAt = Date.now();
    this.carriedOver = new Map();
    for (const p of pending) {
      const key = `${p.kind}:${p.record.id}`;
      const actions = explained.get(key);
      if (actions) this.carriedOver.set(key, actions);
      this.report(
        `${p.kind} ${p.record.id} from the desk could not be stored yet (a record it refers to is missing); it is retried with the next change`,
      );
    }
    if (changed > 0) this.factsChanged();
  }

  /** Documents whose change log the desk pruned: their local copy can shrink. */
  private readonly compactable = new Set<string>();

  /**
   * The local copy keeps the content of entries the desk pruned (folding updates keeps deleted
   * content); the document re-encoded keeps only their tombstones. Only a document whose copy
   * holds exactly its state — nothing unmirrored, nothing unstored — is rewritten.
   */
  private compactPruned(): void {
    for (const name of this.compactable) {
      if (this.dirty.has(name) || this.unstored.has(name)) continue;
      const doc = this.docs.get(name)!.doc;
      replaceConfirmedState(this.options.db, name, Y.encodeStateAsUpdate(doc), new Date().toISOString());
      this.compactable.delete(name);
    }
  }

  /** Documents pushed to in this round. */
  private readonly pushedTo = new Set<string>();
  /** Documents with a record that could not be stored yet: not reported as mirrored until it is. */
  private readonly unsettled = new Set<string>();

  private noteMirrored(
    names: readonly string[],
    pending: readonly { kind: DeskFactKind; record: { id: string } }[],
  ): void {
    const waiting = new Set(pending.map((p) => factDocNameFor(p.kind, p.record.id)));
    for (const name of names) {
      if (waiting.has(name)) {
        this.unsettled.add(name);
        continue;
      }
      this.unsettled.delete(name);
      this.reporter.mirrored(name, this.docs.get(name)!.doc);
    }
  }

  /** A push onto a document with nothing unmirrored leaves it mirrored up to the push: ours are in our audit log. */
  private notePushedMirrored(): void {
    for (const name of this.pushedTo) {
      if (!this.dirty.has(name) && !this.unsettled.has(name))
        this.reporter.mirrored(name, this.docs.get(name)!.doc);
    }
    this.pushedTo.clear();
  }

  private sendReports(force: boolean): void {
    this.providers ??= new Map([...this.docs].map(([name, d]) => [name, d.provider]));
    this.reporter.send(this.socket.status === 'connected', this.providers, force);
  }
  private providers: Map<string, HocuspocusProvider> | null = null;

  private notifiedAt = 0;
  private notifyTimer: NodeJS.Timeout | null = null;

  /** Tells the renderer at once, or once the last notice is FACTS_CHANGED_MS old (leading and trailing). */
  private factsChanged(): void {
    const wait = this.notifiedAt + FACTS_CHANGED_MS - Date.now();
    const notify = () => {
      this.notifyTimer = null;
      this.notifiedAt = Date.now();
      this.options.onFactsChanged?.();
    };
    if (wait <= 0 && !this.notifyTimer) notify();
    else this.notifyTimer ??= setTimeout(notify, Math.max(0, wait));
  }

  /** Pushes what is left, then closes every document and the connection. */
  stop(): void {
    if (this.stopped) return;
    this.tick();
    this.sendReports(true);
    this.stopped = true;
    clearInterval(this.timer);
    if (this.notifyTimer) {
      // What was written is announced before the sync goes.
      clearTimeout(this.notifyTimer);
      this.notifyTimer = null;
      this.options.onFactsChanged?.();
    }
    for (const d of this.docs.values()) d.provider.destroy();
    // Stopping while a connection attempt is still open (desk unreachable): `ws` reports the
    // aborted handshake as an error event after Hocuspocus has removed its listeners, which
    // would crash the process.
    this.socket.webSocket?.addEventListener('error', () => {});
    this.socket.destroy();
  }
}
