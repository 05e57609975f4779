import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskServer, type RunningDeskServer } from '../../desk-server/server';
import { eventually } from '../../desk-server/testing/client';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../desk-server/testing/postgres';
import { addDeskUser } from '../../desk-server/users';
import type { DeskStorageOptions } from '../../desk-server/storage/storage';
import { canonicalAuditDump, canonicalFactDump } from '../../store/desk-facts';
import { getDeal } from '../../store/deals';
import { dispatch, type HandlerContext } from '../handlers';
import { disposeContext, tempContext } from '../handlers/testing';
import { runDeskFacts } from './service';
import { DeskFactSync } from './sync';
import { writeSettings } from '../../store/settings';
import { openDatabase, type Db } from '../../store/db';
import { readStoredFile, sha256Hex } from '../../store/files';
import { createServer } from 'node:net';
import * as Y from 'yjs';
import { changesArray } from '../../shared/desk/fact-changes';
import { factDocNameFor } from '../../shared/desk/names';

/**
 * The shared fact store end to end: a real desk server (Hocuspocus, SQLite storage) on loopback,
 * three members with their own SQLite stores, one of them offline for a while.
 */
interface Member {
  name: string;
  ctx: HandlerContext;
  sync: DeskFactSync;
  token?: string;
  /** How often the sync told the shell that facts arrived (the renderer refreshes on it). */
  arrivals?: { count: number };
}

let dir: string;
let server: RunningDeskServer;
const members: Member[] = [];

async function ok<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function joinDesk(name: string): Promise<Member> {
  const { token } = await addDeskUser(server.storage, name, 'checker');
  const ctx = tempContext({ prefix: 'factdesk-deskfacts-', userName: name });
  // Ticks are driven by the test, so each step's order is exact.
  // The desk settings as Settings → Desk writes them: fetching a colleague's source file reads them.
  writeSettings(ctx.db, { 'desk.url': server.url, 'desk.token': token, 'desk.enabled': true });
  const arrivals = { count: 0 };
  const sync = new DeskFactSync({
    db: ctx.db,
    dataDir: ctx.dataDir,
    url: server.url,
    token,
    WebSocketPolyfill: WebSocket,
    pollMs: 3_600_000,
    onFactsChanged: () => arrivals.count++,
  });
  const member = { name, ctx, sync, token, arrivals };
  members.push(member);
  await eventually(() => sync.synced, `${name} synced with the desk`, 30_000);
  return member;
}

/** Ticks every online member until all are idle and their stores agree. */
async function settle(online: Member[]): Promise<void> {
  await eventually(
    () => {
      for (const m of online) m.sync.tick();
      if (!online.every((m) => m.sync.idle)) return false;
      const first = JSON.stringify(canonicalFactDump(online[0].ctx.db));
      return online.every((m) => JSON.stringify(canonicalFactDump(m.ctx.db)) === first);
    },
    'members agree',
    30_000,
  ).catch((error: Error) => {
    const state = online.map((m) => ({
      name: m.name,
      synced: m.sync.synced,
      idle: m.sync.idle,
      waiting: m.sync.waiting,
      unsynced: [
        ...(
          m.sync as unknown as {
            docs: Map<string, { provider: { synced: boolean; unsyncedChanges: number } }>;
          }
        ).docs,
      ]
        .filter(([, d]) => !d.provider.synced || d.provider.unsyncedChanges > 0)
        .map(([n, d]) => `${n} synced=${d.provider.synced} unsynced=${d.provider.unsyncedChanges}`)
        .slice(0, 10),
      problems: m.sync.problems.slice(0, 5),
      facts: canonicalFactDump(m.ctx.db),
    }));
    throw new Error(`${error.message}: ${JSON.stringify(state, null, 1)}`);
  });
}

/**
 * This machine's own tables: its articles and claims (they travel as article documents, not in the
 * fact store), its copy of the desk documents, sync cursor, uploads and settings. Every other
 * table — a new one too — must be identical on every member.
 */
const MACHINE_TABLES = new Set([
  'articles',
  'article_revisions',
  'article_blocks',
  'claims',
  'claim_links',
  'claim_rechecks',
  'claim_status_history',
  'claim_dismissed_warnings',
  'comment_threads',
  'thread_comments',
  'detect_dismissals',
  'ready_gate_passes',
  'desk_articles',
  'desk_doc_updates',
  'desk_fact_sync',
  'desk_file_uploads',
  'settings',
  'schema_migrations',
]);

/** Every shared table, row by row without the local row number and write time, sorted by content. Search indexes are checked by searching. */
function storeDump(db: Db): Record<string, string[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    if (MACHINE_TABLES.has(table) || /_fts_/.test(table)) continue;
    out[table] = (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
      // updated_at is when the record last changed on this machine: it follows the order in which edits arrived here.
      .map(({ seq: _seq, updated_at: _updatedAt, ...row }) =>
        JSON.stringify(table === 'audit_log' ? auditRow(row) : row),
      )
      .sort();
  }
  return out;
}

/**
 * An audit entry as every member must have it: who changed which fields from what to what, and
 * when. The author's own machine keeps the whole record before and after and says `via: app`;
 * the others keep the changed fields and say `via: desk`.
 */
function auditRow({ via: _via, before, after, ...rest }: Record<string, unknown>): unknown {
  const b = before ? (JSON.parse(before as string) as Record<string, unknown>) : {};
  const a = after ? (JSON.parse(after as string) as Record<string, unknown>) : {};
  const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .sort()
    .map((f) => [f, b[f] ?? null, a[f] ?? null]);
  return { ...rest, changed };
}

const search = async (m: Member, query: string) =>
  (await ok(dispatch('facts:search', { query }, m.ctx))).hits.map((h) => h.id);

/** The desk's storage: its embedded SQLite file, or a throwaway PostgreSQL cluster (Debian's binaries). */
const BACKENDS: { name: string; open(): Promise<DeskStorageOptions> }[] = [
  { name: 'SQLite', open: async () => ({ kind: 'sqlite', file: join(dir, 'desk.sqlite') }) },
  {
    name: 'PostgreSQL',
    open: async () => {
      postgres = await startThrowawayPostgres();
      return { kind: 'postgres', url: await postgres.createDatabase('desk_facts') };
    },
  },
];
let postgres: ThrowawayPostgres | null = null;

/** A desk address where nothing listens: the network is down. */
async function deadDeskUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `ws://127.0.0.1:${port}`;
}

describe.each(BACKENDS)('the shared fact store over the desk ($name storage)', (backend) => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-deskfacts-server-'));
    server = await startDeskServer({ storage: await backend.open() });
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

  it('keeps three members identical through offline edits, concurrent edits and deletes', async () => {
    const [erika, jonas, lena] = [
      await joinDesk('Erika Prüfer'),
      await joinDesk('Jonas Brandt'),
      await joinDesk('Lena Kowalczyk'),
    ];

    // Erika records a reported deal between two clubs.
    const strivo = await ok(
      dispatch('facts:entity-create', { kind: 'broadcaster', name: 'Strivo', aliases: [] }, erika.ctx),
    );
    const rotheide = await ok(
      dispatch(
        'facts:entity-create',
        { kind: 'club', name: 'SV Rotheide', aliases: ['Rotheide'] },
        erika.ctx,
      ),
    );
    const deal = await ok(
      dispatch(
        'facts:deal-create',
        {
          kind: 'broadcast_rights',
          payerId: strivo.id,
          payeeId: rotheide.id,
          subject: 'Liga-Rechte SV Rotheide',
          amountMinor: 500_000_000,
          currency: 'EUR',
          precision: 'exact',
          status: 'reported',
        },
        erika.ctx,
      ),
    );
    const before = lena.arrivals!.count;
    await settle([erika, jonas, lena]);
    expect(getDeal(lena.ctx.db, deal.id)?.amountMinor).toBe(500_000_000);
    expect(lena.arrivals!.count).toBeGreaterThan(before);
    // Nothing new arrives: no push.
    const quiet = lena.arrivals!.count;
    lena.sync.tick();
    expect(lena.arrivals!.count).toBe(quiet);
    expect(await search(jonas, 'Liga-Rechte')).toEqual([deal.id]);

    // Lena links a claim in her article to the deal.
    const articleId = (
      await ok(dispatch('articles:create', { language: 'de', headline: 'Rotheide' }, lena.ctx))
    ).meta.id;
    const claimText = 'fünf Millionen Euro';
    await ok(
      dispatch(
        'claims:create',
        {
          articleId,
          id: 'c-liga-01',
          text: claimText,
          context: { text: claimText, start: 0, end: claimText.length },
        },
        lena.ctx,
      ),
    );
    await ok(dispatch('claims:link', { id: 'c-liga-01', refs: [{ type: 'deal', id: deal.id }] }, lena.ctx));

    // Lena goes offline and keeps working: a new quote by a new speaker, the deal confirmed.
    await lena.sync.disconnect();
    const speaker = await ok(
      dispatch('facts:entity-create', { kind: 'person', name: 'Mira Okonkwo', aliases: [] }, lena.ctx),
    );
    const quote = await ok(
      dispatch(
        'facts:quote-create',
        {
          speakerId: speaker.id,
          wording: 'Die Rechte bleiben bei uns, das ist entschieden.',
          language: 'de',
          occasion: 'interview',
          status: 'verified',
        },
        lena.ctx,
      ),
    );
    await ok(
      dispatch('facts:deal-update', { ...getDeal(lena.ctx.db, deal.id)!, status: 'confirmed' }, lena.ctx),
    );
    lena.sync.tick();

    // Meanwhile Erika and Jonas change the same field at the same moment, and Jonas adds a source.
    await ok(
      dispatch(
        'facts:deal-update',
        { ...getDeal(erika.ctx.db, deal.id)!, amountMinor: 650_000_000 },
        erika.ctx,
      ),
    );
    await ok(
      dispatch(
        'facts:deal-update',
        { ...getDeal(jonas.ctx.db, deal.id)!, amountMinor: 700_000_000 },
        jonas.ctx,
      ),
    );
    const source = await ok(
      dispatch('facts:source-create', { kind: 'press_release', title: 'Pressemitteilung Strivo' }, jonas.ctx),
    );
    erika.sync.tick();
    jonas.sync.tick();
    await settle([erika, jonas]);
    expect(await search(erika, 'Pressemitteilung')).toEqual([source.id]);
    expect(await search(erika, 'entschieden')).toEqual([]);

    // Lena is back: everything merges, on every machine the same.
    await lena.sync.reconnect();
    await settle([erika, jonas, lena]);
    const dumps = members.map((m) => JSON.stringify(canonicalFactDump(m.ctx.db)));
    expect(new Set(dumps).size).toBe(1);
    const stores = members.map((m) => storeDump(m.ctx.db));
    expect(Object.keys(stores[0])).toEqual(
      expect.arrayContaining(['audit_log', 'deals', 'entities', 'quotes', 'sources', 'desk_fact_shared']),
    );
    expect(stores[1]).toEqual(stores[0]);
    expect(stores[2]).toEqual(stores[0]);
    const merged = getDeal(erika.ctx.db, deal.id)!;
    expect(merged.status).toBe('confirmed');
    expect([650_000_000, 700_000_000]).toContain(merged.amountMinor);
    for (const m of members) {
      expect(await search(m, 'entschieden')).toEqual([quote.id]);
      expect(await search(m, 'Okonkwo')).toEqual([speaker.id]);
      expect(await search(m, 'Pressemitteilung')).toEqual([source.id]);
    }

    // Both amount changes, with their authors, are in every member's audit log.
    const audits = members.map((m) => canonicalAuditDump(m.ctx.db));
    expect(audits[1]).toEqual(audits[0]);
    expect(audits[2]).toEqual(audits[0]);
    const dealUpdates = audits[0].filter((line) => line.startsWith(`deal:${deal.id} update`));
    expect(dealUpdates.map((line) => line.split(' ').slice(2, 4).join(' ')).sort()).toEqual([
      'Erika Prüfer',
      'Jonas Brandt',
      'Lena Kowalczyk',
    ]);

    // Lena's claim needs a re-check: a colleague changed the amount.
    const recheck = (await ok(dispatch('claims:get', { id: 'c-liga-01' }, lena.ctx))).recheck;
    expect(recheck.map((n) => n.reason)).toContain('amount');

    // A delete travels too; a fact Lena's article cites is refused locally, with the article named.
    const refused = await dispatch('facts:deal-delete', { id: deal.id }, lena.ctx);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Rotheide/);
    await ok(dispatch('facts:source-delete', { id: source.id }, erika.ctx));
    await settle([erika, jonas, lena]);
    for (const m of members) expect(await search(m, 'Pressemitteilung')).toEqual([]);
  }, 120_000);

  it('keeps offline edits across app restarts while offline and merges them on reconnect', async () => {
    const [erika, jonas, lena] = members;
    await lena.sync.disconnect();
    const club = await ok(
      dispatch(
        'facts:entity-create',
        { kind: 'club', name: 'FC Nordhafen', aliases: ['Nordhafen'] },
        lena.ctx,
      ),
    );
    lena.sync.tick();

    // The app quits while offline and starts again, still offline (nothing listens at the desk's address).
    const restart = async (url: string) => {
      lena.sync.stop();
      lena.ctx.db.close();
      lena.ctx = { ...lena.ctx, db: openDatabase(join(lena.ctx.dataDir, 'factdesk.sqlite')) };
      lena.sync = new DeskFactSync({
        db: lena.ctx.db,
        dataDir: lena.ctx.dataDir,
        url,
        token: lena.token!,
        WebSocketPolyfill: WebSocket,
        pollMs: 3_600_000,
      });
    };
    await restart(await deadDeskUrl());
    const coach = await ok(
      dispatch('facts:entity-create', { kind: 'person', name: 'Ole Brinkmann', aliases: [] }, lena.ctx),
    );
    await ok(dispatch('facts:entity-update', { ...club, aliases: ['Nordhafen', 'FCN'] }, lena.ctx));
    lena.sync.tick();
    expect(lena.sync.synced).toBe(false);
    await restart(await deadDeskUrl());
    // Meanwhile a colleague adds a source.
    await ok(
      dispatch(
        'facts:source-create',
        { kind: 'interview_recording', title: 'Gespräch mit Ole Brinkmann' },
        jonas.ctx,
      ),
    );
    jonas.sync.tick();
    await settle([erika, jonas]);
    expect(await search(erika, 'Nordhafen')).toEqual([]);

    // Back online after the second restart: both offline sessions reach the desk.
    await restart(server.url);
    await settle([erika, jonas, lena]);
    for (const m of members.slice(0, 3)) {
      expect(await search(m, 'Nordhafen')).toEqual([club.id]);
      expect(await search(m, 'FCN')).toEqual([club.id]);
      expect(await search(m, 'Brinkmann')).toContain(coach.id);
    }
    const audits = members.slice(0, 3).map((m) => canonicalAuditDump(m.ctx.db));
    expect(audits[1]).toEqual(audits[0]);
    expect(audits[2]).toEqual(audits[0]);
    expect(audits[0].filter((l) => l.startsWith(`entity:${club.id} `)).map((l) => l.split(' ')[1])).toEqual([
      'create',
      'update',
    ]);
  }, 120_000);

  it('carries attached source files: uploaded once by hash, fetched on demand by a colleague and verified', async () => {
    const [erika, jonas, lena] = members;
    const statement = Buffer.from('%PDF-1.7 Strivo und SV Rotheide verlängern die Liga-Rechte bis 2030.');
    const source = await ok(
      dispatch('facts:source-create', { kind: 'press_release', title: 'Strivo verlängert' }, jonas.ctx),
    );
    await ok(
      dispatch(
        'facts:source-attach-file',
        { sourceId: source.id, fileName: 'strivo.pdf', base64: statement.toString('base64') },
        jonas.ctx,
      ),
    );
    await settle([erika, jonas, lena]);
    const hash = sha256Hex(statement);
    expect(Buffer.from((await server.storage.getFile(hash)) ?? []).equals(statement)).toBe(true);

    // Erika has the record, not the bytes, until she opens the file.
    expect((await ok(dispatch('facts:source-get', { id: source.id }, erika.ctx))).file).toEqual({
      stored: false,
      size: null,
    });
    const fetched = await ok(dispatch('facts:source-file', { sourceId: source.id }, erika.ctx));
    expect(Buffer.from(fetched.base64, 'base64').equals(statement)).toBe(true);
    expect(readStoredFile(erika.ctx.dataDir, hash)?.equals(statement)).toBe(true);
    expect((await ok(dispatch('facts:source-get', { id: source.id }, erika.ctx))).file).toEqual({
      stored: true,
      size: statement.length,
    });

    // A corrupt upload is refused by the desk.
    const put = await fetch(
      `${server.url.replace(/^ws/, 'http')}/files/${hash.replace(/^./, hash[0] === '0' ? '1' : '0')}`,
      {
        method: 'PUT',
        headers: { Authorization: `Bearer ${jonas.token}` },
        body: statement,
      },
    );
    expect(put.status).toBe(422);

    // A damaged copy on the desk (written past its checks) is refused on fetch and never stored here.
    const contract = Buffer.from('Vertrag FC Nordhafen, Seite 1');
    const contractHash = sha256Hex(contract);
    await server.storage.putFile(contractHash, Buffer.from('Vertrag FC Nordhafen, Seite 2'), 'Jonas Brandt');
    const second = await ok(
      dispatch('facts:source-create', { kind: 'document', title: 'Vertrag Nordhafen' }, jonas.ctx),
    );
    await ok(
      dispatch(
        'facts:source-attach-file',
        { sourceId: second.id, fileName: 'vertrag.txt', base64: contract.toString('base64') },
        jonas.ctx,
      ),
    );
    await settle([erika, jonas, lena]);
    const refused = await dispatch('facts:source-file', { sourceId: second.id }, lena.ctx);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Vertrag Nordhafen.*does not match its SHA-256/);
    expect(readStoredFile(lena.ctx.dataDir, contractHash)).toBeNull();
  }, 60_000);

  it('follows the desk settings: connects when a desk is configured, stops when it is switched off', async () => {
    const { token } = await addDeskUser(server.storage, 'Ida Sørensen', 'viewer');
    const ctx = tempContext({ prefix: 'factdesk-deskfacts-svc-', userName: 'Ida Sørensen' });
    const service = runDeskFacts(ctx, { checkMs: 50 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(service.current()).toBeNull();
      writeSettings(ctx.db, { 'desk.url': server.url, 'desk.token': token, 'desk.enabled': true });
      await eventually(() => service.current()?.synced === true, 'service connected', 30_000);
      // The viewer mirrors what the desk holds.
      await eventually(
        () => (service.current()!.tick(), canonicalFactDump(ctx.db).entity.length > 0),
        'desk facts mirrored',
        30_000,
      );
      writeSettings(ctx.db, { 'desk.enabled': false });
      await eventually(() => service.current() === null, 'service stopped', 5_000);
    } finally {
      service.stop();
      disposeContext(ctx);
    }
  }, 60_000);

  it('joins with a local store: duplicates fold into the desk’s records, private facts stay local, the rest is shared', async () => {
    const [erika] = members;
    const { token } = await addDeskUser(server.storage, 'Tomasz Brandt', 'checker');
    const ctx = tempContext({ prefix: 'factdesk-deskfacts-join-', userName: 'Tomasz Brandt' });
    // His own facts from before the desk: the club under a name the desk has as an alias, a deal, a private contact.
    const club = await ok(
      dispatch('facts:entity-create', { kind: 'club', name: 'Rotheide', aliases: [] }, ctx),
    );
    const sponsor = await ok(
      dispatch('facts:entity-create', { kind: 'company', name: 'Voltra Energie', aliases: [] }, ctx),
    );
    const own = await ok(
      dispatch(
        'facts:deal-create',
        {
          kind: 'sponsorship',
          payerId: sponsor.id,
          payeeId: club.id,
          subject: 'Trikotsponsor Rotheide',
          amountMinor: 120_000_000,
          currency: 'EUR',
          precision: 'exact',
          status: 'reported',
        },
        ctx,
      ),
    );
    const contact = await ok(
      dispatch('facts:entity-create', { kind: 'person', name: 'Hanna Vogt (Quelle)', aliases: [] }, ctx),
    );
    expect(
      await ok(dispatch('facts:desk-local', { type: 'entity', id: contact.id, local: true }, ctx)),
    ).toEqual({ local: true });

    const sync = new DeskFactSync({
      db: ctx.db,
      url: server.url,
      token,
      user: 'Tomasz Brandt',
      WebSocketPolyfill: WebSocket,
      pollMs: 3_600_000,
    });
    const tomasz = { name: 'Tomasz Brandt', ctx, sync };
    members.push(tomasz);
    await eventually(() => (sync.tick(), sync.synced && sync.idle), 'Tomasz mirrored the desk', 30_000);
    expect(await search(tomasz, 'Liga-Rechte')).toHaveLength(1);
    // Nothing of his is shared before he says so.
    erika.sync.tick();
    expect(await search(erika, 'Trikotsponsor')).toEqual([]);

    const preview = await ok(dispatch('facts:desk-join-preview', {}, ctx));
    expect(preview.unshared).toBe(3);
    expect(preview.groups).toEqual([
      { kind: 'entity', label: 'SV Rotheide', localIds: [club.id], deskIds: [expect.any(String)] },
    ]);
    const deskClub = preview.groups[0].deskIds[0];
    const refused = await dispatch('facts:desk-share', { decisions: [] }, ctx);
    expect(refused.ok).toBe(false);
    expect(await ok(dispatch('facts:desk-share', { decisions: ['use-desk'] }, ctx))).toEqual({ merged: 1 });

    await settle([erika, tomasz]);
    expect(getDeal(erika.ctx.db, own.id)).toMatchObject({ payeeId: deskClub, payerId: sponsor.id });
    expect(await search(erika, 'Voltra')).toEqual([sponsor.id]);
    expect(await search(erika, 'Hanna Vogt')).toEqual([]);
    expect(await search(tomasz, 'Hanna Vogt')).toEqual([contact.id]);
    // Only the desk's club is left on his machine.
    expect(canonicalFactDump(ctx.db).entity.map((e) => (e as { id: string }).id)).not.toContain(club.id);
  }, 60_000);

  it('brings a member back who was away while the change log was cut back: same facts, every change in his audit log', async () => {
    const ida = await joinDesk('Ida Sommer');
    const tom = await joinDesk('Tom Weber');
    const deal = await ok(
      dispatch(
        'facts:deal-create',
        {
          kind: 'transfer',
          subject: 'Wechsel Lena Kowalczyk nach Nordhafen',
          amountMinor: 120_000_000,
          currency: 'EUR',
          precision: 'exact',
          status: 'reported',
        },
        ida.ctx,
      ),
    );
    await settle([ida, tom]);
    await tom.sync.disconnect();
    await ok(
      dispatch('facts:deal-update', { ...getDeal(ida.ctx.db, deal.id)!, amountMinor: 150_000_000 }, ida.ctx),
    );
    const club = await ok(
      dispatch('facts:entity-create', { kind: 'club', name: 'FC Nordhafen', aliases: [] }, ida.ctx),
    );
    await settle([ida]);
    // The log's entries are gone from the documents before Tom is back (as pruning past him would).
    const docs = (ida.sync as unknown as { docs: Map<string, { doc: Y.Doc }> }).docs;
    for (const name of [factDocNameFor('deal', deal.id), factDocNameFor('entity', club.id)]) {
      const log = changesArray(docs.get(name)!.doc);
      docs.get(name)!.doc.transact(() => log.delete(0, log.length));
    }
    await settle([ida]);

    await tom.sync.reconnect();
    await settle([ida, tom]);
    expect(getDeal(tom.ctx.db, deal.id)?.amountMinor).toBe(150_000_000);
    expect(await search(tom, 'Nordhafen')).toEqual(expect.arrayContaining([club.id]));
    const trail = tom.ctx.db
      .prepare(
        'SELECT record_id, action, user, before, after FROM audit_log WHERE record_id IN (?, ?) ORDER BY seq',
      )
      .all(deal.id, club.id);
    expect(trail).toHaveLength(3);
    expect(trail).toEqual(
      expect.arrayContaining([
        { record_id: deal.id, action: 'create', user: 'Ida Sommer', before: null, after: null },
        {
          record_id: deal.id,
          action: 'update',
          user: 'desk',
          before: JSON.stringify({ amountMinor: 120_000_000 }),
          after: JSON.stringify({ amountMinor: 150_000_000 }),
        },
        { record_id: club.id, action: 'create', user: 'desk', before: null, after: null },
      ]),
    );
  }, 60_000);
});
