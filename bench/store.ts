/**
 * Fact store benchmark. Generates a synthetic store — 100,000 quotes, 20,000 deals, 20,000
 * sources and 10,000 entities in German and English (bench-factpack.ts) — and prints, in one
 * run, each figure with its target and, where there is one, the floor it is compared with:
 *   1. import of that fact pack (parse, validate, diff against the store, rows, search index,
 *      audit log, one durable transaction) vs a lean floor: JSON.parse + a bulk insert of the
 *      same rows in one transaction + one pass building the same search index. Target < 2 s
 *      and ≤ 1.3× the floor. For reference (no target) the same floor on plain tables, with and
 *      without the search index's prefix indexes: what the store's schema costs on this machine.
 *   2. re-import of the unchanged pack. Target < 1 s.
 *   3. search latency for 200 mixed queries (names, phrases, transliterations, prefixes, and
 *      names typed letter by letter from the first letter) through searchFacts vs the same
 *      FTS5 MATCH as raw statements. Target p95 < 5 ms for the whole searchFacts call.
 *   4. RSS of a fresh process with the bench store open and searched. Target < 300 MB.
 * Wall and CPU time are both printed: on a shared machine CPU time is the steadier figure.
 *
 * Run: npm run bench:store   (node scripts/run-ts.mjs bench/store.ts)
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { FactPack } from '../src/shared/factpack/schema';
import { validateFactPack } from '../src/shared/factpack/validate';
import { indexedSpellings } from '../src/shared/search/fold';
import { buildFtsMatch, parseSearchInput } from '../src/shared/search/query';
import { rebuildableIndexes } from '../src/store/bulk-indexes';
import { SEARCH_HASHSIZE } from '../src/store/migrations/0015-search-build';
import { openDatabase, type Db } from '../src/store/db';
import { importFactPack } from '../src/store/factpacks';
import { RANK_WINDOW, rankedMatchSql, searchFacts } from '../src/store/search';
import { COUNTS, DE_WORDS, generate, LAST, pick, PLACES, rand, zipf } from './bench-factpack';

const QUERIES = 200;

// ---- lean floor: the same rows and the same search index, nothing else --------------------

/**
 * What SQLite needs at least to hold the pack searchable: parse the JSON, insert every row
 * with one prepared statement per table in one transaction (the tables' plain indexes dropped
 * before and created again after, as the store does for a bulk insert), then fill each search
 * table in one INSERT … SELECT pass over its records (the folding registered as SQL functions).
 * No validation, no diff, no audit log.
 */
function leanFloor(db: Db, text: string): void {
  const pack = JSON.parse(text) as FactPack;
  const now = new Date().toISOString();
  db.function(
    'fold_t',
    { deterministic: true, varargs: true },
    (...fields: unknown[]) => indexedSpellings(fields as (string | null)[]).t,
  );
  db.function(
    'fold_s',
    { deterministic: true, varargs: true },
    (...fields: unknown[]) => indexedSpellings(fields as (string | null)[]).s,
  );
  const e = db.prepare(
    'INSERT INTO entities (id, kind, name, aliases, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const d = db.prepare(
    `INSERT INTO deals (id, kind, payer_id, payee_id, subject, amount_minor, amount_max_minor, currency, precision, date_from, date_to, status, reported_by_id, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const q = db.prepare(
    `INSERT INTO quotes (id, speaker_id, role_at_time, wording, language, date, occasion, translation_of_id, status, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const s = db.prepare(
    `INSERT INTO sources (id, kind, title, publisher, url, published_at, accessed_at, notes, file_hash, file_name, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tables = ['entities', 'sources', 'quotes', 'deals'];
  const indexes = tables.flatMap((table) => rebuildableIndexes(db, table));
  db.transaction(() => {
    for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
    for (const x of pack.entities) e.run(x.id, x.kind, x.name, JSON.stringify(x.aliases), x.note, now, now);
    for (const x of pack.sources)
      s.run(
        x.id,
        x.kind,
        x.title,
        x.publisher,
        x.url,
        x.publishedAt,
        x.accessedAt,
        x.notes,
        x.fileHash,
        x.fileName,
        now,
        now,
      );
    for (const x of pack.quotes)
      q.run(
        x.id,
        x.speakerId,
        x.roleAtTime,
        x.wording,
        x.language,
        x.date,
        x.occasion,
        x.translationOfId,
        x.status,
        x.notes,
        now,
        now,
      );
    for (const x of pack.deals)
      d.run(
        x.id,
        x.kind,
        x.payerId,
        x.payeeId,
        x.subject,
        x.amountMinor,
        x.amountMaxMinor,
        x.currency,
        x.precision,
        x.dateFrom,
        x.dateTo,
        x.status,
        x.reportedById,
        x.notes,
        now,
        now,
      );
    for (const ix of indexes) db.exec(ix.sql);
    // Entity aliases are a JSON array: the floor indexes the name and every alias, as the store does.
    db.exec(
      `INSERT INTO entity_fts (rowid, t, s) SELECT seq, fold_t(name, (SELECT group_concat(value, ' ') FROM json_each(aliases))), fold_s(name, (SELECT group_concat(value, ' ') FROM json_each(aliases))) FROM entities`,
    );
    db.exec(
      'INSERT INTO deal_fts (rowid, t, s) SELECT seq, fold_t(subject, notes), fold_s(subject, notes) FROM deals',
    );
    db.exec('INSERT INTO quote_fts (rowid, t, s) SELECT seq, fold_t(wording), fold_s(wording) FROM quotes');
    db.exec(
      'INSERT INTO source_fts (rowid, t, s) SELECT seq, fold_t(title, publisher), fold_s(title, publisher) FROM sources',
    );
  })();
}

/**
 * The issue's own estimate of what SQLite can do ("150,000 rows in about 0.4 s, an FTS5 index in
 * 0.6–1.2 s"): the same floor on plain tables — the same columns, the unique id, no CHECK
 * constraints, no foreign keys, no secondary indexes — and a search index with or without the
 * 2- and 3-letter prefix indexes that type-ahead needs. Printed beside the lean floor so one run
 * shows what the store's schema and its prefix indexes cost on this machine; no target.
 */
function plainFloor(file: string, text: string, prefix: boolean): { wall: number; cpu: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -65536');
  const fts = `content = '', contentless_delete = 1${prefix ? ", prefix = '2 3'" : ''}`;
  db.exec(`
    CREATE TABLE entities (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind, name, aliases, note, created_at, updated_at);
    CREATE TABLE deals (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind, payer_id, payee_id, subject, amount_minor, amount_max_minor, currency, precision, date_from, date_to, status, reported_by_id, notes, created_at, updated_at);
    CREATE TABLE quotes (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, speaker_id, role_at_time, wording, language, date, occasion, translation_of_id, status, notes, created_at, updated_at);
    CREATE TABLE sources (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind, title, publisher, url, published_at, accessed_at, notes, file_hash, file_name, created_at, updated_at);
    CREATE VIRTUAL TABLE entity_fts USING fts5 (t, s, ${fts});
    CREATE VIRTUAL TABLE deal_fts USING fts5 (t, s, ${fts});
    CREATE VIRTUAL TABLE quote_fts USING fts5 (t, s, ${fts});
    CREATE VIRTUAL TABLE source_fts USING fts5 (t, s, ${fts});`);
  // The store's search tables buffer 32 MB before writing a segment (migration 0015); so do these.
  for (const table of ['entity_fts', 'deal_fts', 'quote_fts', 'source_fts'])
    db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${SEARCH_HASHSIZE})`);
  const run = timed(() => leanFloor(db, text));
  db.close();
  return run;
}

// ---- queries -------------------------------------------------------------------------

const TRANSLIT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const transliterate = (s: string) => s.replace(/[äöüßÄÖÜ]/g, (c) => TRANSLIT[c]);
const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');

function makeQueries(pack: FactPack): { text: string; typing: boolean; kind: string }[] {
  const out: { text: string; typing: boolean; kind: string }[] = [];
  for (let i = 0; out.length < QUERIES; i++) {
    const slot = i % 6;
    if (slot === 5) {
      // What the search box sends while a name is typed: "G", "Gö", "Göt", "Götz", "Götze".
      const word = pick([...LAST, ...PLACES]);
      for (let n = 1; n <= Math.min(5, word.length) && out.length < QUERIES; n++)
        out.push({ text: word.slice(0, n), typing: true, kind: `typed ${n} letter${n > 1 ? 's' : ''}` });
    } else if (slot === 0) {
      const e = pick(pack.entities);
      out.push({ text: e.name, typing: false, kind: 'name' });
    } else if (slot === 1) {
      const word = pick([...LAST, ...PLACES]);
      out.push({ text: word.slice(0, 3 + Math.floor(rand() * 3)), typing: true, kind: 'prefix' });
    } else if (slot === 2) {
      const q = pick(pack.quotes).wording.split(' ');
      const at = Math.floor(rand() * (q.length - 3));
      out.push({ text: `"${q.slice(at, at + 2).join(' ')}"`, typing: false, kind: 'phrase' });
    } else if (slot === 3) {
      const word = pick([...LAST.filter((w) => /[äöüß]/.test(w)), ...PLACES.filter((w) => /[äöüß]/.test(w))]);
      out.push({ text: transliterate(word), typing: false, kind: 'transliteration' });
    } else {
      // Names with a letter outside ASCII (the range starts at NUL).
      // eslint-disable-next-line no-control-regex
      const word = pick([...LAST, ...PLACES].filter((w) => /[^\x00-\x7f]/.test(w)));
      const next = zipf(DE_WORDS);
      out.push({
        text: `${strip(word)} ${next.slice(0, 3 + Math.floor(rand() * 4))}`,
        typing: true,
        kind: 'stripped+prefix',
      });
    }
  }
  return out;
}

const FTS_TABLES = ['entity_fts', 'deal_fts', 'quote_fts', 'source_fts'];
/** The FTS5 statements searchFacts runs, alone: bm25 over the newest RANK_WINDOW matches. */
const RAW_SQL = FTS_TABLES.map(rankedMatchSql);
/** For reference: bm25 over every match. */
const FULL_SQL = FTS_TABLES.map(
  (t) => `SELECT rowid, rank FROM ${t} WHERE ${t} MATCH ? ORDER BY rank LIMIT ?`,
);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

/** Wall-clock and CPU time of a step: on a shared, busy machine the CPU time is the steadier figure. */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c = process.cpuUsage();
  const w = performance.now();
  const value = fn();
  const used = process.cpuUsage(c);
  return { value, wall: performance.now() - w, cpu: (used.user + used.system) / 1000 };
}

const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fileSize = (file: string) =>
  [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);

/** Runs the queries on an open store: per-query wall time of searchFacts and of the raw MATCH statements. */
function searchRun(db: Db, queries: ReturnType<typeof makeQueries>) {
  const raw = RAW_SQL.map((sql) => db.prepare(sql));
  const full = FULL_SQL.map((sql) => db.prepare(sql));
  const ours = { wall: [] as number[], cpu: [] as number[] };
  const base = { wall: [] as number[], cpu: [] as number[] };
  const whole = { wall: [] as number[], cpu: [] as number[] };
  // Per query class: searchFacts and the raw floor, wall and CPU.
  type Times = { wall: number[]; cpu: number[] };
  const byKind = new Map<string, { ours: Times; base: Times }>();
  let hits = 0;
  for (const q of queries) {
    // The raw side gets the finished MATCH expression: building it is part of searchFacts' work.
    const match = buildFtsMatch(parseSearchInput(q.text, { typing: q.typing }));
    const r = timed(() => match && raw.map((st) => st.all(match, 51)));
    base.wall.push(r.wall);
    base.cpu.push(r.cpu);
    const f = timed(() => match && full.map((st) => st.all(match, 51)));
    whole.wall.push(f.wall);
    whole.cpu.push(f.cpu);
    const o = timed(() => searchFacts(db, { query: q.text, typing: q.typing }));
    hits += o.value.hits.length;
    ours.wall.push(o.wall);
    ours.cpu.push(o.cpu);
    const k =
      byKind.get(q.kind) ??
      byKind.set(q.kind, { ours: { wall: [], cpu: [] }, base: { wall: [], cpu: [] } }).get(q.kind)!;
    k.ours.wall.push(o.wall);
    k.ours.cpu.push(o.cpu);
    k.base.wall.push(r.wall);
    k.base.cpu.push(r.cpu);
  }
  return { ours, base, whole, byKind, hits };
}

/** Child mode: open the bench store as the app would, search it, and report this process's RSS. */
function rssChild(file: string, queryFile: string): void {
  const db = openDatabase(file, { sync: 'deferred' });
  const queries = JSON.parse(fs.readFileSync(queryFile, 'utf8')) as ReturnType<typeof makeQueries>;
  searchRun(db, queries);
  searchRun(db, queries);
  console.log(JSON.stringify({ rss: process.memoryUsage().rss }));
  db.close();
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-store-'));
  try {
    console.log(
      `Fact store benchmark — Node ${process.versions.node}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, load ${os.loadavg()[0].toFixed(1)}`,
    );
    const t = performance.now();
    const pack = generate();
    const text = JSON.stringify(pack);
    console.log(
      `Generated ${COUNTS.quotes.toLocaleString('en')} quotes, ${COUNTS.deals.toLocaleString('en')} deals, ${COUNTS.sources.toLocaleString('en')} sources, ` +
        `${COUNTS.entities.toLocaleString('en')} entities (${(text.length / 1024 / 1024).toFixed(1)} MB JSON) in ${ms(performance.now() - t)}`,
    );

    // The floor first, on its own fresh file.
    const floorFile = path.join(dir, 'floor.sqlite');
    const floorDb = openDatabase(floorFile);
    const floor = timed(() => leanFloor(floorDb, text));
    floorDb.close();
    const plain = plainFloor(path.join(dir, 'plain.sqlite'), text, false);
    const plainPrefix = plainFloor(path.join(dir, 'plain-prefix.sqlite'), text, true);

    const file = path.join(dir, 'import.sqlite');
    const db = openDatabase(file);
    const imp = timed(() => importFactPack(db, JSON.parse(text), { actor: { user: 'bench' } }));
    if (!imp.value.applied)
      throw new Error(`import failed: ${JSON.stringify(imp.value.problems.slice(0, 3))}`);
    const parse = timed(() => JSON.parse(text) as unknown);
    // The import's own checks, alone, on a parsed copy (against an empty store, as in the import).
    const parsed = JSON.parse(text) as unknown;
    const check = timed(() => validateFactPack(parsed));
    if (!check.value.ok) throw new Error('bench pack failed validation');

    console.log('');
    console.log('Import (JSON text to committed rows; one transaction, synchronous=FULL, WAL)');
    console.log(
      `  lean floor (JSON.parse, bulk insert, one index pass):       wall ${ms(floor.wall)}, CPU ${ms(floor.cpu)}, file ${mb(fileSize(floorFile))}`,
    );
    console.log(
      `  (reference, no target — the same on plain tables: no prefix indexes wall ${ms(plain.wall)}, CPU ${ms(plain.cpu)}; ` +
        `with the prefix indexes wall ${ms(plainPrefix.wall)}, CPU ${ms(plainPrefix.cpu)})`,
    );
    console.log(
      `  importFactPack (parse, validate, diff, write, index, audit): wall ${ms(imp.wall)}, CPU ${ms(imp.cpu)}, file ${mb(fileSize(file))}  (JSON.parse alone: ${ms(parse.wall)}, validateFactPack alone: CPU ${ms(check.cpu)})`,
    );
    console.log(
      `  ratio wall ${(imp.wall / floor.wall).toFixed(2)}×, CPU ${(imp.cpu / floor.cpu).toFixed(2)}× (target ≤ 1.3× ${verdict(imp.wall / floor.wall <= 1.3)}); ` +
        `wall ${ms(imp.wall)} (target < 2 s ${verdict(imp.wall < 2000)}), CPU ${ms(imp.cpu)} (${verdict(imp.cpu < 2000)})`,
    );

    // Re-importing the same pack writes nothing; the check itself must be quick.
    const again = timed(() => importFactPack(db, JSON.parse(text), { actor: { user: 'bench' } }));
    console.log(
      `  re-import of the same pack (${again.value.changes.length} changes): wall ${ms(again.wall)}, CPU ${ms(again.cpu)} (target < 1 s ${verdict(again.wall < 1000)}; CPU ${verdict(again.cpu < 1000)})`,
    );

    const queries = makeQueries(pack);
    // Warm the page cache once so both paths start alike.
    searchRun(db, queries.slice(0, 20));
    const { ours, base, whole, byKind, hits } = searchRun(db, queries);
    const line = (x: { wall: number[]; cpu: number[] }) =>
      `p50 ${ms(percentile(x.wall, 50))}, p95 ${ms(percentile(x.wall, 95))} wall; p50 ${ms(percentile(x.cpu, 50))}, p95 ${ms(percentile(x.cpu, 95))} CPU`;
    console.log('');
    console.log(
      `Search, ${queries.length} mixed queries (${byKind.size} kinds), ${hits.toLocaleString('en')} hits returned`,
    );
    console.log(
      `  floor: raw FTS5 statements (same MATCH, bm25 over the newest ${RANK_WINDOW} matches, 4 tables): ${line(base)}`,
    );
    console.log(
      `  (reference: raw FTS5 with bm25 over every match:                                 ${line(whole)})`,
    );
    console.log(
      `  searchFacts (parse, fold, match, join, hydrate, highlight):                         ${line(ours)}`,
    );
    const p95 = (x: number[]) => percentile(x, 95);
    console.log(
      `  searchFacts p95 ${ms(p95(ours.wall))} wall, ${ms(p95(ours.cpu))} CPU (target < 5 ms ${verdict(p95(ours.wall) < 5)}; CPU ${verdict(p95(ours.cpu) < 5)}); ` +
        `ratio to the floor ${(p95(ours.wall) / p95(base.wall)).toFixed(2)}× wall, ${(p95(ours.cpu) / p95(base.cpu)).toFixed(2)}× CPU`,
    );
    console.log('  per query class: searchFacts p50 / p95 (raw FTS5 floor p95), wall; CPU');
    for (const [kind, { ours: o, base: b }] of byKind)
      console.log(
        `    ${kind.padEnd(16)} n=${String(o.wall.length).padStart(3)}  wall ${ms(percentile(o.wall, 50))} / ${ms(p95(o.wall))} (${ms(p95(b.wall))}); ` +
          `CPU ${ms(percentile(o.cpu, 50))} / ${ms(p95(o.cpu))} (${ms(p95(b.cpu))})`,
      );
    db.close();

    const queryFile = path.join(dir, 'queries.json');
    fs.writeFileSync(queryFile, JSON.stringify(queries));
    const child = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--rss-child', file, queryFile],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`RSS child failed: ${child.stderr}`);
    const rss = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { rss: number };
    console.log('');
    console.log(
      `Memory: RSS of a process with the bench store open and searched (${queries.length} queries twice): ${mb(rss.rss)} (target < 300 MB ${verdict(rss.rss < 300 * 1024 * 1024)})`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--rss-child');
if (at >= 0) rssChild(process.argv[at + 1], process.argv[at + 2]);
else main();
