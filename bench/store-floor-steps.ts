/**
 * Where the lean floor of bench:store spends its time, step by step: JSON.parse and the folding
 * for the whole bench pack, then for its 100,000 quotes the row inserts, the search-index
 * inserts, the commit and a checkpoint — each variant on a fresh file. Variants: store-schema
 * (the store's real tables), store-schema-nofts, store-nofts-nosecondary (the quotes' four
 * secondary indexes dropped), store-nofts-nofk, store-fts-noprefix, store-fts-prefix23-nodelete,
 * and plain tables (only the unique id) with different pragmas: plain-prefix23, plain-noprefix,
 * plain-prefix23-bigcache, plain-prefix23-page8k. A diagnostic, no targets; see
 * docs/performance.md for what it found.
 *
 * Run: node scripts/run-ts.mjs bench/store-floor-steps.ts [variant…]   (all variants when none is named)
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FactPack } from '../src/shared/factpack/schema';
import { indexedSpellings } from '../src/shared/search/fold';
import { openDatabase } from '../src/store/db';
import { generate } from './bench-factpack';

function timed(label: string, fn: () => void): void {
  const c = process.cpuUsage();
  const w = performance.now();
  fn();
  const u = process.cpuUsage(c);
  console.log(
    `  ${label.padEnd(44)} wall ${(performance.now() - w).toFixed(0).padStart(6)} ms, CPU ${((u.user + u.system) / 1000).toFixed(0).padStart(6)} ms`,
  );
}

const pack = generate();
const text = JSON.stringify(pack);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'floor-steps-'));
const variants = process.argv.slice(2);
const want = (v: string) => variants.length === 0 || variants.includes(v);
let p: FactPack;
timed('JSON.parse', () => (p = JSON.parse(text) as FactPack));
const all = () => [
  ...p.entities.map((e) => [e.name, ...e.aliases]),
  ...p.deals.map((d) => [d.subject, d.notes]),
  ...p.quotes.map((q) => [q.wording]),
  ...p.sources.map((s) => [s.title, s.publisher]),
];
timed('fold every document in JS (indexedSpellings)', () => {
  for (const f of all()) indexedSpellings(f);
});

function run(
  name: string,
  opts: {
    store?: boolean;
    pragmas?: string[];
    prefix?: string | null;
    fts?: boolean;
    sync?: string;
    exec?: string[];
  },
) {
  if (!want(name)) return;
  console.log(`${name}`);
  const file = path.join(dir, `${name}.sqlite`);
  let db: Database.Database;
  if (opts.store) db = openDatabase(file);
  else {
    db = new Database(file);
    for (const pr of opts.pragmas ?? []) db.pragma(pr);
    const pre = opts.prefix ? `, prefix = '${opts.prefix}'` : '';
    db.exec(`CREATE TABLE q (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, speaker_id TEXT, wording TEXT, language TEXT, status TEXT, created_at TEXT, updated_at TEXT);
      CREATE VIRTUAL TABLE quote_fts USING fts5 (t, s, content = '', contentless_delete = 1${pre});`);
  }
  for (const pr of opts.pragmas ?? []) if (opts.store) db.pragma(pr);
  for (const sql of opts.exec ?? []) db.exec(sql);
  const now = new Date().toISOString();
  const ins = opts.store
    ? db.prepare(
        `INSERT INTO quotes (id, speaker_id, role_at_time, wording, language, date, occasion, translation_of_id, status, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
    : db.prepare(
        'INSERT INTO q (id, speaker_id, wording, language, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
  const fts = db.prepare('INSERT INTO quote_fts (rowid, t, s) VALUES (?, ?, ?)');
  if (opts.store) {
    // entities first for FKs
    const e = db.prepare(
      'INSERT INTO entities (id, kind, name, aliases, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (const x of p.entities) e.run(x.id, x.kind, x.name, JSON.stringify(x.aliases), x.note, now, now);
    })();
  }
  db.exec('BEGIN');
  timed('insert 100k quote rows', () => {
    for (const x of p.quotes)
      if (opts.store)
        ins.run(
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
      else ins.run(x.id, x.speakerId, x.wording, x.language, x.status, now, now);
  });
  if (opts.fts !== false)
    timed('fts insert 100k (fold in JS, prepared)', () => {
      let i = 1;
      for (const x of p.quotes) {
        const d = indexedSpellings([x.wording]);
        fts.run(i++, d.t, d.s);
      }
    });
  timed('COMMIT', () => db.exec('COMMIT'));
  timed('wal_checkpoint(TRUNCATE)', () => db.pragma('wal_checkpoint(TRUNCATE)'));
  const size = fs.statSync(file).size;
  console.log(`  file ${(size / 1048576).toFixed(1)} MB`);
  db.close();
}

run('store-schema', { store: true });
run('store-schema-nofts', { store: true, fts: false });
run('store-nofts-nosecondary', {
  store: true,
  fts: false,
  exec: [
    'DROP INDEX quotes_speaker; DROP INDEX quotes_translation_of; DROP INDEX quotes_date; DROP INDEX quotes_updated',
  ],
});
run('store-nofts-nofk', { store: true, fts: false, pragmas: ['foreign_keys = OFF'] });
run('store-fts-noprefix', {
  store: true,
  exec: [
    "DROP TABLE quote_fts; CREATE VIRTUAL TABLE quote_fts USING fts5 (t, s, content = '', contentless_delete = 1)",
  ],
});
run('store-fts-prefix23-nodelete', {
  store: true,
  exec: [
    "DROP TABLE quote_fts; CREATE VIRTUAL TABLE quote_fts USING fts5 (t, s, content = '', prefix = '2 3')",
  ],
});
run('plain-prefix23', { prefix: '2 3', pragmas: ['journal_mode = WAL', 'synchronous = FULL'] });
run('plain-noprefix', { prefix: null, pragmas: ['journal_mode = WAL', 'synchronous = FULL'] });
run('plain-prefix23-bigcache', {
  prefix: '2 3',
  pragmas: ['journal_mode = WAL', 'synchronous = FULL', 'cache_size = -65536'],
});
run('plain-prefix23-page8k', {
  prefix: '2 3',
  pragmas: ['page_size = 8192', 'journal_mode = WAL', 'synchronous = FULL', 'cache_size = -65536'],
});
fs.rmSync(dir, { recursive: true, force: true });
