import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/index';
import { startDeskServer, type RunningDeskServer } from '../../desk-server/server';
import type { DeskPruneRun, DeskStorageOptions } from '../../desk-server/storage/storage';
import { eventually } from '../../desk-server/testing/client';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../desk-server/testing/postgres';
import { DESK_SERVER_DATABASE_FILE } from '../../desk-server/usage';
import { addDeskUser } from '../../desk-server/users';
import { changesArray } from '../../shared/desk/fact-changes';
import { parseDeskDocName } from '../../shared/desk/names';
import { getDeal } from '../../store/deals';
import { canonicalFactDump } from '../../store/desk-facts';
import type { Db } from '../../store/db';
import { dispatch, type HandlerContext } from '../handlers';
import { disposeContext, tempContext } from '../handlers/testing';
import { DeskFactSync } from './sync';

/**
 * The change log under pruning, end to end: a real desk server (SQLite file or a throwaway
 * PostgreSQL cluster) pruning with "keep nothing older than now" while three members keep
 * changing deals — one offline across a prune, one away longer than the horizon. The server's
 * clock is the test's, so "eleven days later" takes no time.
 */
const DAY = 24 * 60 * 60 * 1000;
const HORIZON = 10 * DAY;

interface Member {
  name: string;
  ctx: HandlerContext;
  sync: DeskFactSync;
}

let dir = '';
let server: RunningDeskServer;
let storageOptions: DeskStorageOptions;
let postgres: ThrowawayPostgres | null = null;
/** How far the server's clock is ahead of the real one. */
let ahead = 0;
const members: Member[] = [];

async function ok<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function joinDesk(name: string, role: 'checker' | 'viewer' = 'checker'): Promise<Member> {
  const { token } = await addDeskUser(server.storage, name, role);
  const ctx = tempContext({ prefix: 'factdesk-prune-', userName: name });
  // Ticks are driven by the test; reports go out on every tick.
  const sync = new DeskFactSync({
    db: ctx.db,
    url: server.url,
    token,
    WebSocketPolyfill: WebSocket,
    pollMs: 3_600_000,
    reportMs: 0,
  });
  const member = { name, ctx, sync };
  members.push(member);
  await eventually(() => sync.synced, `${name} synced with the desk`, 30_000);
  return member;
}

async function settle(online: Member[]): Promise<void> {
  await eventually(
    () => {
      for (const m of online) m.sync.tick();
      if (!online.every((m) => m.sync.idle)) return false;
      const first = JSON.stringify(canonicalFactDump(online[0].ctx.db));
      return online.every((m) => JSON.stringify(canonicalFactDump(m.ctx.db)) === first);
    },
    `${online.map((m) => m.name).join(', ')} agree`,
    30_000,
  );
}

function logEntries(m: Member): unknown[] {
  const docs = (m.sync as unknown as { docs: Map<string, { doc: Y.Doc }> }).docs;
  return [...docs.values()].flatMap(({ doc }) => changesArray(doc).toArray());
}

/** Entries in the change logs of a member's copy of every facts document. */
function logSize(m: Member): number {
  return logEntries(m).length;
}

/** The server's deletions reach every member's copy (they travel like any other change). */
async function logsEmptied(online: Member[]): Promise<void> {
  await eventually(
    () => online.every((m) => logSize(m) === 0),
    'the pruned entries gone on every member',
    30_000,
  );
}

/** Bytes of a member's local copy of the facts documents. */
function copyBytes(m: Member): number {
  return m.ctx.db
    .prepare("SELECT coalesce(sum(length(data)), 0) FROM desk_doc_updates WHERE doc LIKE 'facts/%'")
    .pluck()
    .get() as number;
}

/** Stored bytes of the desk's facts documents. */
async function storedFactBytes(): Promise<number> {
  return (await server.storage.listDocuments())
    .filter((d) => parseDeskDocName(d.name)?.kind === 'facts')
    .reduce((n, d) => n + d.bytes, 0);
}

/** Prunes until `done` holds (members' reports travel over the socket), ticking the members meanwhile; every run is returned. */
async function pruneUntil(online: Member[], done: (run: DeskPruneRun) => boolean): Promise<DeskPruneRun[]> {
  const runs: DeskPruneRun[] = [];
  await eventually(
    async () => {
      for (const m of online) m.sync.tick();
      const run = await server.pruneChangeLogs();
      runs.push(run);
      return done(run);
    },
    'the prune run expected',
    60_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last run: ${JSON.stringify(runs[runs.length - 1])}`);
  });
  return runs;
}

/** The audit log as every member must have it: record, action, author, time and the changed fields old → new. */
function auditRows(db: Db): string[] {
  const rows = db
    .prepare('SELECT record_type, record_id, action, user, at, before, after FROM audit_log')
    .all() as Record<string, string | null>[];
  return rows
    .map(({ before, after, ...rest }) => {
      const b = before ? (JSON.parse(before) as Record<string, unknown>) : {};
      const a = after ? (JSON.parse(after) as Record<string, unknown>) : {};
      const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])]
        .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
        .sort()
        .map((f) => [f, b[f] ?? null, a[f] ?? null]);
      return JSON.stringify({ ...rest, changed });
    })
    .sort();
}

async function setAmount(m: Member, dealId: string, amountMinor: number): Promise<void> {
  await ok(dispatch('facts:deal-update', { ...getDeal(m.ctx.db, dealId)!, amountMinor }, m.ctx));
}

const BACKENDS: { name: string; open(): Promise<DeskStorageOptions> }[] = [
  { name: 'SQLite', open: async () => ({ kind: 'sqlite', file: join(dir, DESK_SERVER_DATABASE_FILE) }) },
  {
    name: 'PostgreSQL',
    open: async () => {
      postgres = await startThrowawayPostgres();
      return { kind: 'postgres', url: await postgres.createDatabase('desk_prune') };
    },
  },
];

describe.each(BACKENDS)('pruning the facts change log ($name storage)', (backend) => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-prune-server-'));
    storageOptions = await backend.open();
    server = await startDeskServer({
      storage: storageOptions,
      // Everything every member has may go at once; the schedule is the test's.
      changeLog: { keepMs: 0, maxEntries: 1000, memberHorizonMs: HORIZON, everyMs: 0 },
      now: () => Date.now() + ahead,
    });
  }, 90_000);

  afterAll(async () => {
    for (const m of members.splice(0)) {
      m.sync.stop();
      disposeContext(m.ctx);
    }
    await server?.stop();
    await postgres?.stop();
    postgres = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the log bounded under continuous changes while every member converges, one offline across a prune and one away past the horizon', async () => {
    const ida = await joinDesk('Ida Sommer');
    const tom = await joinDesk('Tom Weber');
    const olga = await joinDesk('Olga Nowak');
    // A viewer's connection is read-only; her reports must count all the same, or nothing is ever pruned.
    const vera = await joinDesk('Vera Lind', 'viewer');
    const all = [ida, tom, olga, vera];
    const deals: string[] = [];
    for (let i = 0; i < 4; i++) {
      const deal = await ok(
        dispatch(
          'facts:deal-create',
          {
            kind: 'transfer',
            subject: `Wechsel Nummer ${i} nach Nordhafen`,
            amountMinor: 100_000_000 + i,
            currency: 'EUR',
            precision: 'exact',
            status: 'reported',
          },
          ida.ctx,
        ),
      );
      deals.push(deal.id);
    }
    await settle(all);
    expect(logSize(ida)).toBe(deals.length);

    // Continuous changes: every round each deal changes once (Ida and Tom in turn), all members
    // mirror it, and a prune leaves nothing, because everyone has everything.
    const bytes: number[] = [];
    const copies: number[][] = [];
    /** What the entries pruned in each round took as JSON. */
    const prunedJson: number[] = [];
    let written = deals.length;
    for (let round = 1; round <= 6; round++) {
      for (const [i, id] of deals.entries())
        await setAmount((round + i) % 2 ? ida : tom, id, round * 1000 + i);
      written += deals.length;
      await settle(all);
      for (const m of all) expect(logSize(m)).toBeGreaterThanOrEqual(deals.length);
      prunedJson.push(JSON.stringify(logEntries(ida)).length);
      const runs = await pruneUntil(all, (run) => run.left === 0);
      expect(runs.reduce((n, r) => n + r.removed, 0)).toBeGreaterThanOrEqual(deals.length);
      await logsEmptied(all);
      await settle(all);
      bytes.push(await storedFactBytes());
      copies.push(all.map(copyBytes));
    }
    // Every change reached every audit log with its author, though no log holds them any more.
    const trail = auditRows(ida.ctx.db);
    expect(trail.filter((row) => row.includes('"record_type":"deal"'))).toHaveLength(written);
    for (const m of [tom, olga, vera]) expect(auditRows(m.ctx.db)).toEqual(trail);
    console.log(
      `[prune ${backend.name}] stored facts documents after each round: ${bytes.join(', ')} bytes; entries pruned per round: ${prunedJson.join(', ')} bytes of JSON`,
    );
    // What stays of a pruned entry is Yjs' tombstone (and the overwritten field's): a small part of the entry.
    const prunedLater = prunedJson.slice(2).reduce((n, b) => n + b, 0);
    expect(bytes[5] - bytes[1]).toBeLessThan(prunedLater / 4);
    // The members' local copies shrink the same way (re-encoded once the desk's deletion is mirrored).
    console.log(
      `[prune ${backend.name}] members' local copies after each round: ${copies.map((c) => c.join('/')).join(', ')} bytes`,
    );
    for (let i = 0; i < all.length; i++) expect(copies[5][i] - copies[1][i]).toBeLessThan(prunedLater / 4);

    // Olga goes offline; Ida and Tom keep changing deals, twice the same field at once, and
    // Olga changes one while away. A prune keeps what she has not mirrored, and says so.
    await olga.sync.disconnect();
    await setAmount(ida, deals[0], 7_000_000);
    await setAmount(tom, deals[1], 7_100_000);
    await setAmount(ida, deals[2], 7_200_000);
    await setAmount(tom, deals[2], 7_300_000);
    await setAmount(olga, deals[3], 7_400_000);
    await settle([ida, tom, vera]);
    const held = await pruneUntil([ida, tom, vera], (run) => run.waitingFor.length === 1);
    const last = held[held.length - 1];
    expect(last).toMatchObject({ removed: 0, left: 4, heldBack: 4 });
    expect(last.waitingFor).toMatchObject([{ user: 'Olga Nowak', lacking: 4 }]);
    expect(logSize(ida)).toBe(4);

    await olga.sync.reconnect();
    await settle(all);
    for (const m of all) expect(getDeal(m.ctx.db, deals[3])?.amountMinor).toBe(7_400_000);
    const afterOlga = auditRows(ida.ctx.db);
    for (const m of [tom, olga, vera]) {
      expect(canonicalFactDump(m.ctx.db)).toEqual(canonicalFactDump(ida.ctx.db));
      expect(auditRows(m.ctx.db)).toEqual(afterOlga);
    }
    // Both edits of the same field are in everyone's audit log, Olga's included.
    expect(afterOlga.filter((row) => row.includes(deals[2]) && /7200000|7300000/.test(row))).toHaveLength(2);
    await pruneUntil(all, (run) => run.left === 0 && run.heldBack === 0);

    // Tom is away for longer than the horizon: eleven days later the desk no longer waits for him.
    await tom.sync.disconnect();
    const tomAudit = auditRows(tom.ctx.db);
    ahead += HORIZON + DAY;
    const jumped = Date.now() + ahead;
    await setAmount(ida, deals[0], 9_000_000);
    const club = await ok(
      dispatch('facts:entity-create', { kind: 'club', name: 'FC Nordhafen', aliases: [] }, ida.ctx),
    );
    await settle([ida, olga, vera]);
    // Ida, Olga and Vera report after the jump, so they are seen within the horizon; Tom is not.
    await eventually(
      async () =>
        (await server.storage.listMembers()).filter((m) => Date.parse(m.lastSeen) >= jumped).length === 3,
      'Ida, Olga and Vera seen at the new time',
      30_000,
    );
    const gone = await pruneUntil([ida, olga, vera], (run) => run.left === 0);
    expect(gone.flatMap((r) => r.forgotten).map((f) => f.user)).toEqual(['Tom Weber']);
    await logsEmptied([ida, olga, vera]);

    // Back, he converges on the desk's facts; his audit log has the changes he missed as the
    // desk's (author unknown), old → new, and everything before exactly as the others have it.
    await tom.sync.reconnect();
    await settle(all);
    expect(canonicalFactDump(tom.ctx.db)).toEqual(canonicalFactDump(ida.ctx.db));
    for (const m of [olga, vera]) expect(auditRows(m.ctx.db)).toEqual(auditRows(ida.ctx.db));
    const tomNow = auditRows(tom.ctx.db);
    const missed = tomNow
      .filter((row) => !tomAudit.includes(row))
      .map((row) => JSON.parse(row) as Record<string, unknown>);
    expect(missed.map(({ at: _at, ...row }) => row)).toEqual(
      expect.arrayContaining([
        {
          record_type: 'deal',
          record_id: deals[0],
          action: 'update',
          user: 'desk',
          changed: [['amountMinor', 7_000_000, 9_000_000]],
        },
        { record_type: 'entity', record_id: club.id, action: 'create', user: 'desk', changed: [] },
      ]),
    );
    expect(missed).toHaveLength(2);
    const idaNow = auditRows(ida.ctx.db);
    expect(idaNow.filter((row) => !tomNow.includes(row))).toHaveLength(2);
    expect(tomNow.filter((row) => !idaNow.includes(row))).toHaveLength(2);
    // And he is waited for again from his first report on.
    await pruneUntil(all, (run) => run.left === 0 && run.heldBack === 0);

    const doctor = await doctorOutput();
    expect(doctor).toMatch(/Change log:\s+last pruned .*, 0 left/);
    expect(doctor).toMatch(/Members:\s+4 local stores/);
    for (const name of ['Ida Sommer', 'Tom Weber', 'Olga Nowak', 'Vera Lind'])
      expect(doctor).toContain(`  ${name} (store `);
  }, 300_000);
});

async function doctorOutput(): Promise<string> {
  const out: string[] = [];
  const storageFlags =
    storageOptions.kind === 'postgres' ? ['--postgres', storageOptions.url] : ['--data-dir', dir];
  const code = await runCli(['desk', 'doctor', ...storageFlags], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
  });
  expect(code, out.join('\n')).toBe(0);
  return out.join('\n');
}
