import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDeskDocName } from '../shared/desk/names';
import { applyPrunePlan, planPrune, type MirroredBy, type PruneRules } from './change-log-prune';
import type { DeskPruneRun, DeskStorage, MirrorReportRow } from './storage/storage';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface ChangeLogSettings extends PruneRules {
  /** A member not heard of for longer is not waited for (and is forgotten); it converges without the log. */
  memberHorizonMs: number;
  /** How often the job runs in the server process, and once at start; 0: only when asked. */
  everyMs: number;
}

export const DEFAULT_CHANGE_LOG_SETTINGS: ChangeLogSettings = {
  keepMs: 30 * DAY_MS,
  maxEntries: 1000,
  memberHorizonMs: 60 * DAY_MS,
  everyMs: 6 * HOUR_MS,
};

/**
 * Members report per document after every mirror round; the reports are written together, at
 * most once per `flushMs`, so a busy desk does not cost a storage write per member and change.
 */
export class MirrorReportBuffer {
  private pending = new Map<string, MirrorReportRow>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: DeskStorage,
    private readonly onError: (error: unknown) => void,
    private readonly flushMs = 1000,
  ) {}

  add(report: MirrorReportRow): void {
    // The newest report per member and document says all the older ones said.
    this.pending.set(`${report.member}\n${report.document ?? ''}`, report);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      this.timer.unref();
    }
  }

  /** Writes what is waiting; resolves once it (and every earlier write) is stored or reported failed. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const reports = [...this.pending.values()];
    this.pending = new Map();
    if (reports.length > 0)
      this.writing = this.writing.then(() => this.storage.saveMirrorReports(reports)).catch(this.onError);
    return this.writing;
  }
}

/**
 * One run over every facts document: entries older than `keepMs` (or beyond the newest
 * `maxEntries` of their document) that every member seen within the horizon has mirrored are
 * deleted from the live document (Hocuspocus direct connection: connected members get the
 * deletion like any other change) and the document is stored. Documents with nothing to prune
 * are only read — from memory when loaded, else from storage — and never written.
 */
export async function pruneChangeLogs(
  hocuspocus: Hocuspocus,
  storage: DeskStorage,
  settings: ChangeLogSettings,
  now: number,
): Promise<DeskPruneRun> {
  const startedAt = new Date().toISOString();
  const run: DeskPruneRun = {
    startedAt,
    finishedAt: startedAt,
    settings: {
      keepMs: settings.keepMs,
      maxEntries: settings.maxEntries,
      memberHorizonMs: settings.memberHorizonMs,
    },
    documents: 0,
    prunedDocuments: 0,
    removed: 0,
    left: 0,
    heldBack: 0,
    waitingFor: [],
    forgotten: [],
    problems: [],
  };
  const members = await storage.listMembers();
  const horizon = now - settings.memberHorizonMs;
  // A revoked user's machines will not connect again: waiting for them would stop pruning for good.
  const gone = members.filter((m) => m.revoked || !(Date.parse(m.lastSeen) >= horizon));
  const waited = members.filter((m) => !gone.includes(m));
  await storage.forgetMembers(gone.map((m) => m.member));
  run.forgotten = gone.map(({ member, user, lastSeen }) => ({ member, user, lastSeen }));

  const waitedIds = new Set(waited.map((m) => m.member));
  const vectors = new Map<string, Map<string, Map<number, number>>>();
  for (const row of await storage.listMemberDocuments()) {
    if (!waitedIds.has(row.member)) continue;
    const byMember = vectors.get(row.document) ?? vectors.set(row.document, new Map()).get(row.document)!;
    byMember.set(row.member, Y.decodeStateVector(row.stateVector));
  }

  const names = new Set<string>();
  for (const d of await storage.listDocuments()) names.add(d.name);
  for (const name of hocuspocus.documents.keys()) names.add(name);
  const lacking = new Map<string, number>();
  for (const name of [...names].sort()) {
    if (parseDeskDocName(name)?.kind !== 'facts') continue;
    const mirroredBy: MirroredBy[] = waited.map((m) => ({
      member: m.member,
      stateVector: vectors.get(name)?.get(m.member) ?? null,
    }));
    try {
      let doc: Y.Doc | undefined = hocuspocus.documents.get(name);
      if (!doc) {
        const state = await storage.fetchDocument(name);
        if (!state) continue;
        doc = new Y.Doc();
        Y.applyUpdate(doc, state);
      }
      let plan = planPrune(doc, mirroredBy, settings, now);
      if (plan.removed > 0) {
        const connection = await hocuspocus.openDirectConnection(name, { prune: true });
        try {
          await connection.transact((live) => {
            // Planned again on the live document: it may have changed (or been loaded) meanwhile.
            plan = planPrune(live, mirroredBy, settings, now);
            applyPrunePlan(live, plan, PRUNE_ORIGIN);
          });
        } finally {
          await connection.disconnect();
        }
      }
      run.documents++;
      if (plan.removed > 0) run.prunedDocuments++;
      run.removed += plan.removed;
      run.left += plan.left;
      run.heldBack += plan.heldBack;
      for (const [member, n] of plan.lacking) lacking.set(member, (lacking.get(member) ?? 0) + n);
    } catch (error) {
      run.problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  run.waitingFor = waited
    .filter((m) => lacking.has(m.member))
    .map(({ member, user, lastSeen }) => ({ member, user, lastSeen, lacking: lacking.get(member)! }));
  run.finishedAt = new Date().toISOString();
  return run;
}

/** The origin of the job's deletions (Yjs transaction origin), so they can be told apart. */
export const PRUNE_ORIGIN = 'factdesk-desk-prune';

/** One line for the server's log. */
export function pruneSummary(run: DeskPruneRun): string {
  const parts = [
    `change log pruned: ${run.removed} entries removed from ${run.prunedDocuments} of ${run.documents} facts documents, ${run.left} left`,
  ];
  if (run.heldBack > 0)
    parts.push(
      `${run.heldBack} held back for ${run.waitingFor.map((w) => `${w.user} (${w.lacking}, last seen ${w.lastSeen})`).join(', ')}`,
    );
  if (run.forgotten.length > 0)
    parts.push(
      `no longer waiting for ${run.forgotten.map((f) => `${f.user} (last seen ${f.lastSeen})`).join(', ')}`,
    );
  if (run.problems.length > 0)
    parts.push(`${run.problems.length} problems: ${run.problems.slice(0, 3).join('; ')}`);
  return parts.join('; ');
}
