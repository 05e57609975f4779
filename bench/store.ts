/**
 * Fact store benchmark. Generates a synthetic store — 100,000 quotes, 20,000 deals, 20,000
 * sources and 10,000 entities in German and English — and prints, in one run:
 *   1. import time of that fact pack (validation, diff against the store, rows, search index,
 *      audit log, one transaction) vs a raw prepared-statement bulk insert of the same rows
 *      (including their search-index rows) in one transaction. Target ≤ 1.5× and < 5 s.
 *   2. search latency p50/p95 for 200 mixed queries (names, prefixes while typing, phrases,
 *      umlauts and transliterations) through searchFacts vs the same FTS5 MATCH expressions
 *      as raw statements on the four index tables. Target p95 ≤ 1.5× and < 10 ms.
 *
 * Run: npm run bench:store   (node scripts/run-ts.mjs bench/store.ts)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FactPack } from '../src/shared/factpack/schema';
import { COUNTS, DE_WORDS, generate, LAST, pick, PLACES, rand, zipf } from './bench-factpack';
import { indexedSpellings } from '../src/shared/search/fold';
import { buildFtsMatch, parseSearchInput } from '../src/shared/search/query';
import { openDatabase, type Db } from '../src/store/db';
import { importFactPack } from '../src/store/factpacks';
import { RANK_WINDOW, rankedMatchSql, searchFacts } from '../src/store/search';

const QUERIES = 200;

// ---- raw baseline: the same rows with prepared statements in one transaction ------------

function rawInsert(db: Db, pack: FactPack): void {
  const now = new Date().toISOString();
  const fts = (table: string) => db.prepare(`INSERT INTO ${table} (rowid, t, s) VALUES (?, ?, ?)`);
  const e = db.prepare('INSERT INTO entities (id, kind, name, aliases, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
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
  const [ef, df, qf, sf] = ['entity_fts', 'deal_fts', 'quote_fts', 'source_fts'].map(fts);
  db.transaction(() => {
    for (const x of pack.entities) {
      const doc = indexedSpellings([x.name, ...x.aliases]);
      ef.run(e.run(x.id, x.kind, x.name, JSON.stringify(x.aliases), x.note, now, now).lastInsertRowid, doc.t, doc.s);
    }
    for (const x of pack.sources) {
      const doc = indexedSpellings([x.title, x.publisher]);
      const id = s.run(x.id, x.kind, x.title, x.publisher, x.url, x.publishedAt, x.accessedAt, x.notes, x.fileHash, x.fileName, now, now).lastInsertRowid;
      sf.run(id, doc.t, doc.s);
    }
    for (const x of pack.quotes) {
      const doc = indexedSpellings([x.wording]);
      const id = q.run(x.id, x.speakerId, x.roleAtTime, x.wording, x.language, x.date, x.occasion, x.translationOfId, x.status, x.notes, now, now).lastInsertRowid;
      qf.run(id, doc.t, doc.s);
    }
    for (const x of pack.deals) {
      const doc = indexedSpellings([x.subject, x.notes]);
      const id = d.run(
        x.id, x.kind, x.payerId, x.payeeId, x.subject, x.amountMinor, x.amountMaxMinor, x.currency, x.precision,
        x.dateFrom, x.dateTo, x.status, x.reportedById, x.notes, now, now,
      ).lastInsertRowid;
      df.run(id, doc.t, doc.s);
    }
  })();
}

// ---- queries -------------------------------------------------------------------------

const TRANSLIT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const transliterate = (s: string) => s.replace(/[äöüßÄÖÜ]/g, (c) => TRANSLIT[c]);
const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');

function makeQueries(pack: FactPack): { text: string; typing: boolean; kind: string }[] {
  const out: { text: string; typing: boolean; kind: string }[] = [];
  for (let i = 0; out.length < QUERIES; i++) {
    const slot = i % 5;
    if (slot === 0) {
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
      const word = pick([...LAST, ...PLACES].filter((w) => /[^\x00-\x7f]/.test(w)));
      const next = zipf(DE_WORDS);
      out.push({ text: `${strip(word)} ${next.slice(0, 3 + Math.floor(rand() * 4))}`, typing: true, kind: 'stripped+prefix' });
    }
  }
  return out;
}

const FTS_TABLES = ['entity_fts', 'deal_fts', 'quote_fts', 'source_fts'];
/** The FTS5 statements searchFacts runs, alone: bm25 over the newest RANK_WINDOW matches. */
const RAW_SQL = FTS_TABLES.map(rankedMatchSql);
/** For reference: bm25 over every match. */
const FULL_SQL = FTS_TABLES.map((t) => `SELECT rowid, rank FROM ${t} WHERE ${t} MATCH ? ORDER BY rank LIMIT ?`);

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

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-store-'));
  try {
    console.log(`Fact store benchmark — Node ${process.versions.node}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
    let t = performance.now();
    const pack = generate();
    const text = JSON.stringify(pack);
    console.log(
      `Generated ${COUNTS.quotes.toLocaleString('en')} quotes, ${COUNTS.deals.toLocaleString('en')} deals, ${COUNTS.sources.toLocaleString('en')} sources, ` +
        `${COUNTS.entities.toLocaleString('en')} entities (${(text.length / 1024 / 1024).toFixed(1)} MB JSON) in ${ms(performance.now() - t)}`,
    );

    // Raw baseline first, on its own fresh file.
    const rawDb = openDatabase(path.join(dir, 'raw.sqlite'));
    const raw0 = timed(() => rawInsert(rawDb, JSON.parse(text) as FactPack));
    rawDb.close();

    const db = openDatabase(path.join(dir, 'import.sqlite'));
    const imp = timed(() => importFactPack(db, JSON.parse(text), { actor: { user: 'bench' } }));
    if (!imp.value.applied) throw new Error(`import failed: ${JSON.stringify(imp.value.problems.slice(0, 3))}`);
    const parse = timed(() => JSON.parse(text) as unknown);

    console.log('');
    console.log('Import (JSON text to committed rows; one transaction, synchronous=FULL, WAL)');
    console.log(`  raw prepared-statement insert of the same rows + index rows: wall ${ms(raw0.wall)}, CPU ${ms(raw0.cpu)}`);
    console.log(`  importFactPack (parse, validate, diff, write, index, audit):  wall ${ms(imp.wall)}, CPU ${ms(imp.cpu)}  (JSON.parse alone: ${ms(parse.wall)})`);
    console.log(
      `  ratio wall ${(imp.wall / raw0.wall).toFixed(2)}×, CPU ${(imp.cpu / raw0.cpu).toFixed(2)}× (target ≤ 1.5×); ` +
        `${imp.wall < 5000 ? 'under' : 'OVER'} 5 s wall, ${imp.cpu < 5000 ? 'under' : 'OVER'} 5 s CPU`,
    );

    // Re-importing the same pack writes nothing: also worth knowing how long the check takes.
    const again = timed(() => importFactPack(db, JSON.parse(text), { actor: { user: 'bench' } }));
    console.log(`  re-import of the same pack (no change, ${again.value.changes.length} updates): wall ${ms(again.wall)}, CPU ${ms(again.cpu)}`);

    const queries = makeQueries(pack);
    const raw = RAW_SQL.map((sql) => db.prepare(sql));
    const full = FULL_SQL.map((sql) => db.prepare(sql));
    // Warm both paths once so the page cache is the same for both.
    for (const q of queries.slice(0, 20)) {
      searchFacts(db, { query: q.text, typing: q.typing });
      const m = buildFtsMatch(parseSearchInput(q.text, { typing: q.typing }));
      if (m) for (const s of raw) s.all(m, 51);
    }
    const ours = { wall: [] as number[], cpu: [] as number[] };
    const base = { wall: [] as number[], cpu: [] as number[] };
    const whole = { wall: [] as number[], cpu: [] as number[] };
    const byKind = new Map<string, number[]>();
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
      (byKind.get(q.kind) ?? byKind.set(q.kind, []).get(q.kind)!).push(o.wall);
    }
    const line = (x: { wall: number[]; cpu: number[] }) =>
      `p50 ${ms(percentile(x.wall, 50))}, p95 ${ms(percentile(x.wall, 95))} wall; p50 ${ms(percentile(x.cpu, 50))}, p95 ${ms(percentile(x.cpu, 95))} CPU`;
    console.log('');
    console.log(`Search, ${queries.length} mixed queries (${[...byKind.keys()].join(', ')}), ${hits.toLocaleString('en')} hits returned`);
    console.log(`  raw FTS5 statements (same MATCH, bm25 over the newest ${RANK_WINDOW} matches, 4 tables): ${line(base)}`);
    console.log(`  (reference: raw FTS5 with bm25 over every match:                         ${line(whole)})`);
    console.log(`  searchFacts (parse, fold, match, join, hydrate, highlight):                 ${line(ours)}`);
    const p95 = (x: number[]) => percentile(x, 95);
    console.log(
      `  p95 ratio wall ${(p95(ours.wall) / p95(base.wall)).toFixed(2)}×, CPU ${(p95(ours.cpu) / p95(base.cpu)).toFixed(2)}× (target ≤ 1.5×); ` +
        `p95 ${p95(ours.wall) < 10 ? 'under' : 'OVER'} 10 ms wall, ${p95(ours.cpu) < 10 ? 'under' : 'OVER'} 10 ms CPU`,
    );
    for (const [kind, list] of byKind) console.log(`    ${kind.padEnd(16)} p50 ${ms(percentile(list, 50))}, p95 ${ms(percentile(list, 95))} wall`);
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
