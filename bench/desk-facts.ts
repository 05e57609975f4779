/**
 * Shared fact store benchmark. A desk server (Hocuspocus, SQLite storage) on loopback holds a
 * store of the size of bench:store (10,000 entities, 20,000 sources, 20,000 deals, 100,000
 * quotes; `--scale 0.1` for a tenth), shared by a first member. Prints, in one run:
 *   1. join: a new member with an empty store until every record is in its local store and
 *      searchable. Target < 30 s.
 *   2. change → visible: one member changes a deal's amount; time until the other member's
 *      search and claims panel read the new value (p50/p95 of 20). Target p95 < 1 s.
 *   3. memory: this process (server and both members share it) after the join.
 *
 * Run: npm run bench:desk-facts [-- --scale 0.1]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { startDeskServer } from '../src/desk-server/server';
import { addDeskUser } from '../src/desk-server/users';
import { dispatch } from '../src/main/handlers';
import { tempContext, disposeContext } from '../src/main/handlers/testing';
import { DeskFactSync } from '../src/main/desk-facts/sync';
import { FACTPACK_FORMAT, FACTPACK_VERSION } from '../src/shared/factpack/schema';
import { getDeal } from '../src/store/deals';
import { importFactPack } from '../src/store/factpacks';
import { requestShare } from '../src/store/desk-facts-share';

const scaleArg = process.argv.indexOf('--scale');
const SCALE = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
if (!(SCALE > 0 && SCALE <= 1)) throw new Error('--scale must be a number in (0, 1]');
const COUNTS = { entities: 10_000, sources: 20_000, deals: 20_000, quotes: 100_000 };
const n = (k: keyof typeof COUNTS) => Math.max(10, Math.round(COUNTS[k] * SCALE));

const WORDS = [
  'Vertrag',
  'Saison',
  'Rechte',
  'Trainer',
  'Wechsel',
  'Pokal',
  'Liga',
  'Stadion',
  'contract',
  'season',
  'rights',
  'coach',
  'transfer',
  'league',
  'club',
  'fee',
];
const TOWNS = [
  'Rotheide',
  'Almental',
  'Nordwald',
  'Sandhafen',
  'Lindenau',
  'Bärental',
  'Mühlberg',
  'Hafenau',
];
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
const words = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(' ');

function pack() {
  const entities = Array.from({ length: n('entities') }, (_, i) => ({
    id: `e-${i}`,
    kind: i % 3 === 0 ? 'club' : 'person',
    name: `${pick(TOWNS)} ${i}`,
    aliases: [] as string[],
  }));
  const sources = Array.from({ length: n('sources') }, (_, i) => ({
    id: `s-${i}`,
    kind: 'web_page',
    title: `${words(4)} ${i}`,
  }));
  const deals = Array.from({ length: n('deals') }, (_, i) => ({
    id: `d-${i}`,
    kind: 'transfer',
    payerId: `e-${(i * 3) % entities.length}`,
    payeeId: `e-${(i * 3 + 1) % entities.length}`,
    subject: `${words(3)} ${i}`,
    amountMinor: 100_000 * (1 + (i % 500)),
    currency: 'EUR',
    precision: 'exact',
    status: 'reported',
  }));
  const quotes = Array.from({ length: n('quotes') }, (_, i) => ({
    id: `q-${i}`,
    speakerId: `e-${(i * 7) % entities.length}`,
    wording: `${words(12)} ${i}.`,
    language: 'de',
    occasion: 'interview',
    status: 'verified',
  }));
  return { format: FACTPACK_FORMAT, version: FACTPACK_VERSION, entities, sources, deals, quotes };
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
const mb = (v: number) => `${(v / 1024 / 1024).toFixed(0)} MB`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(5);
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-deskfacts-'));
  const server = await startDeskServer({ storage: { kind: 'sqlite', file: path.join(dir, 'desk.sqlite') } });
  const a = tempContext({ prefix: 'factdesk-bench-a-', userName: 'Erika Prüfer' });
  const b = tempContext({ prefix: 'factdesk-bench-b-', userName: 'Jonas Brandt' });
  const syncs: DeskFactSync[] = [];
  try {
    console.log(
      `Desk fact store benchmark — Node ${process.versions.node}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, scale ${SCALE}`,
    );
    const data = pack();
    const total = data.entities.length + data.sources.length + data.deals.length + data.quotes.length;
    importFactPack(a.db, data, { actor: { user: 'bench', via: 'bench' } });
    const tokenA = (await addDeskUser(server.storage, 'Erika Prüfer')).token;
    const tokenB = (await addDeskUser(server.storage, 'Jonas Brandt')).token;

    let t = performance.now();
    const syncA = new DeskFactSync({
      db: a.db,
      url: server.url,
      token: tokenA,
      user: 'Erika Prüfer',
      WebSocketPolyfill: WebSocket,
      pollMs: 50,
    });
    syncs.push(syncA);
    await until(() => syncA.synced, 60_000, 'first member synced');
    requestShare(a.db);
    await until(() => syncA.idle, 600_000, 'first member shared its store');
    console.log(
      `Seeding: ${total.toLocaleString('en')} records shared by the first member in ${ms(performance.now() - t)}`,
    );

    t = performance.now();
    const syncB = new DeskFactSync({
      db: b.db,
      url: server.url,
      token: tokenB,
      user: 'Jonas Brandt',
      WebSocketPolyfill: WebSocket,
      pollMs: 50,
    });
    syncs.push(syncB);
    const count = () =>
      b.db
        .prepare(
          'SELECT (SELECT count(*) FROM entities) + (SELECT count(*) FROM sources) + (SELECT count(*) FROM deals) + (SELECT count(*) FROM quotes)',
        )
        .pluck()
        .get() as number;
    await until(() => syncB.synced && count() === total, 600_000, 'second member mirrored the store');
    const join = performance.now() - t;
    const last = data.quotes[data.quotes.length - 1];
    const found = await dispatch('facts:search', { query: last.wording.split(' ').slice(-2).join(' ') }, b);
    const searchable = found.ok && found.value.hits.some((h) => h.id === last.id);
    console.log(
      `Join: ${total.toLocaleString('en')} records in the new member's store, searchable: ${searchable} — ${ms(join)} (target < 30000 ms) ${join < 30_000 ? 'OK' : 'MISSED'}`,
    );
    const mem = process.memoryUsage();
    console.log(
      `Memory (server + both members in this process): rss ${mb(mem.rss)}, heap used ${mb(mem.heapUsed)}`,
    );

    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const id = `d-${i}`;
      const amount = 900_000_000 + i;
      const start = performance.now();
      await dispatch('facts:deal-update', { ...getDeal(a.db, id)!, amountMinor: amount }, a);
      await until(() => getDeal(b.db, id)?.amountMinor === amount, 30_000, 'change visible');
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    console.log(
      `Change → visible in the other member's store (what its search and claims panel read): p50 ${ms(p(0.5))}, p95 ${ms(p(0.95))} (target p95 < 1000 ms) ${p(0.95) < 1000 ? 'OK' : 'MISSED'}`,
    );
  } finally {
    for (const s of syncs) s.stop();
    await server.stop();
    disposeContext(a);
    disposeContext(b);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
