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
import { FACTPACK_FORMAT, FACTPACK_VERSION, type FactPack } from '../src/shared/factpack/schema';
import { indexedSpellings } from '../src/shared/search/fold';
import { buildFtsMatch, parseSearchInput } from '../src/shared/search/query';
import { openDatabase, type Db } from '../src/store/db';
import { importFactPack } from '../src/store/factpacks';
import { RANK_WINDOW, rankedMatchSql, searchFacts } from '../src/store/search';

const COUNTS = { entities: 10_000, deals: 20_000, quotes: 100_000, sources: 20_000 };
const QUERIES = 200;

// ---- deterministic synthetic data ----------------------------------------------------

let seed = 20260324;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];

// Text with a realistic shape: a few very frequent function words, a long tail of compound
// nouns and verb forms (Zipf-like), names built from syllables so most are distinct.
const FIRST = ['Jana', 'Lutz', 'Heike', 'Tomasz', 'Elif', 'Ruben', 'Martina', 'Daniel', 'Sophie', 'Jörg', 'Paula', 'Karim', 'Greta', 'Finn', 'Mats', 'Özlem', 'Björn', 'Ida', 'Jürgen', 'Chloé', 'Kai', 'Lea', 'Noah', 'Sören'];
const LAST_HEAD = ['Kow', 'Göt', 'Mül', 'Brand', 'Schö', 'Wei', 'Lind', 'Vogel', 'Alb', 'Krü', 'Schä', 'Hoff', 'Jä', 'Fuchs', 'Bäck', 'Groß', 'Dvoř', 'Øster', 'Nie', 'Had'];
const LAST_TAIL = ['alczyk', 'ze', 'ler', 't', 'ller', 'ßbach', 'qvist', 'sang', 'recht', 'ger', 'fer', 'mann', 'ák', 'gaard', 'minen', 'dad', 'ke', 'horst', 'bauer', 'er'];
const LAST = LAST_HEAD.flatMap((h) => LAST_TAIL.map((t) => h + t));
const PLACES = ['Rotheide', 'Almental', 'Nordwald', 'Fürstenbrück', 'Sandhafen', 'Großmoor', 'Lindenau', 'München', 'Köln', 'Düsseldorf', 'Lübeck', 'Zürich', 'Graz', 'Brückstedt', 'Hafenau', 'Mühlberg', 'Bärental', 'Schönau', 'Weißenfeld', 'Eichstätt'];
const CLUB_PREFIX = ['SV', 'FC', 'TSV', 'VfL', 'SC', 'Sportfreunde', 'Kickers', 'Borussia', '1. FC', 'Union'];
const COMPANIES = ['Versicherung', 'Energie', 'Logistik', 'Brauhaus', 'Bank', 'Pictures', 'Media', 'Motors', 'Telekom', 'Reisen'];
const DE_FUNCTION = ['die', 'der', 'und', 'das', 'wir', 'ist', 'nicht', 'ich', 'es', 'ein', 'eine', 'für', 'mit', 'auf', 'zu', 'dass', 'haben', 'war', 'sehr', 'auch', 'noch', 'nur', 'schon', 'wieder', 'heute', 'gegen', 'nach', 'über', 'vor', 'jetzt', 'uns', 'den', 'dem', 'im', 'am'];
const DE_PARTS = ['Vertrag', 'Verlängerung', 'Trainer', 'Wechsel', 'Spiel', 'Saison', 'Rechte', 'Sponsor', 'Stadion', 'Fan', 'Mannschaft', 'Ablöse', 'Klausel', 'Tor', 'Sturm', 'Abwehr', 'Mittelfeld', 'Nachwuchs', 'Pokal', 'Liga', 'Rückrunde', 'Hinrunde', 'Übertragung', 'Geschäft', 'Führung', 'Leistung', 'Entscheidung', 'Zukunft', 'Kader', 'Transfer', 'Gehalt', 'Prämie', 'Verein', 'Präsident', 'Kabine', 'Training', 'Verletzung', 'Heim', 'Auswärts', 'Finale'];
const DE_WORDS = [...DE_PARTS, ...DE_PARTS.flatMap((a) => DE_PARTS.map((b) => a + b.toLowerCase()))];
const DE_VERBS = ['spielen', 'gewinnen', 'verlieren', 'unterschreiben', 'verlängern', 'wechseln', 'sprechen', 'sagen', 'glauben', 'wissen', 'kämpfen', 'arbeiten', 'zahlen', 'bestätigen', 'dementieren', 'verhandeln', 'überzeugen', 'enttäuschen', 'träumen', 'zählen'].flatMap((v) => [v, v.replace(/en$/, 't'), `ge${v.replace(/en$/, 't')}`, v.replace(/en$/, 'e')]);
const EN_FUNCTION = ['the', 'and', 'a', 'we', 'is', 'not', 'I', 'it', 'to', 'of', 'for', 'with', 'on', 'that', 'have', 'was', 'very', 'also', 'still', 'only', 'again', 'today', 'against', 'after', 'about', 'now', 'us', 'our', 'this', 'in'];
const EN_PARTS = ['contract', 'extension', 'coach', 'transfer', 'match', 'season', 'rights', 'sponsor', 'stadium', 'fan', 'squad', 'fee', 'clause', 'goal', 'striker', 'defence', 'midfield', 'academy', 'cup', 'league', 'deal', 'broadcast', 'business', 'board', 'performance', 'decision', 'future', 'player', 'salary', 'bonus', 'club', 'chairman', 'dressing-room', 'training', 'injury', 'home', 'away', 'final', 'window', 'bid'];
const EN_WORDS = [...EN_PARTS, ...EN_PARTS.flatMap((a) => EN_PARTS.slice(0, 20).map((b) => `${a}-${b}`))];
const EN_VERBS = ['play', 'win', 'lose', 'sign', 'extend', 'move', 'speak', 'say', 'believe', 'know', 'fight', 'work', 'pay', 'confirm', 'deny', 'negotiate', 'convince', 'disappoint', 'dream', 'count'].flatMap((v) => [v, `${v}s`, `${v}ed`, `${v}ing`]);
const DEAL_SUBJECTS = ['Transfer von', 'Streamingrechte für', 'Trikotsponsoring mit', 'Loan of', 'Broadcast rights in', 'Stadionname in', 'Documentary access at', 'Vertragsverlängerung von'];

/** Zipf-like: low indices far more often than high ones. */
const zipf = <T>(list: readonly T[]): T => list[Math.floor(Math.pow(rand(), 2.5) * list.length)];
function sentence(german: boolean, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.5) out.push(zipf(german ? DE_FUNCTION : EN_FUNCTION));
    else if (r < 0.8) out.push(zipf(german ? DE_WORDS : EN_WORDS));
    else if (r < 0.95) out.push(zipf(german ? DE_VERBS : EN_VERBS));
    else out.push(pick(rand() < 0.5 ? PLACES : LAST));
  }
  return out.join(' ');
}
const date = () => `20${String(18 + Math.floor(rand() * 9))}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;

function generate(): FactPack {
  const entities: FactPack['entities'] = [];
  for (let i = 0; i < COUNTS.entities; i++) {
    const r = rand();
    if (r < 0.6) {
      const first = pick(FIRST);
      const last = pick(LAST);
      entities.push({ id: `e${i}`, kind: 'person', name: `${first} ${last}`, aliases: rand() < 0.2 ? [last] : [], note: null });
    } else if (r < 0.85) {
      const place = pick(PLACES);
      entities.push({ id: `e${i}`, kind: 'club', name: `${pick(CLUB_PREFIX)} ${place} ${i % 7 === 0 ? 'II' : ''}`.trim(), aliases: [], note: null });
    } else if (r < 0.95) {
      entities.push({ id: `e${i}`, kind: 'company', name: `${pick(LAST)} ${pick(COMPANIES)}`, aliases: [], note: null });
    } else {
      entities.push({ id: `e${i}`, kind: 'media', name: `${pick(PLACES)}er ${pick(['Kurier', 'Anzeiger', 'Rundschau', 'Post', 'Echo'])}`, aliases: [], note: null });
    }
  }
  const people = entities.filter((e) => e.kind === 'person').map((e) => e.id);
  const media = entities.filter((e) => e.kind === 'media').map((e) => e.id);
  const deals: FactPack['deals'] = [];
  for (let i = 0; i < COUNTS.deals; i++) {
    const payer = pick(entities).id;
    let payee = pick(entities).id;
    if (payee === payer) payee = entities[(Number(payer.slice(1)) + 1) % entities.length].id;
    const undisclosed = rand() < 0.15;
    const range = !undisclosed && rand() < 0.1;
    const amount = Math.round(rand() * 5_000_000) * 100;
    deals.push({
      id: `d${i}`,
      kind: pick(['transfer', 'broadcast_rights', 'sponsorship', 'salary', 'other'] as const),
      payerId: payer,
      payeeId: payee,
      subject: `${pick(DEAL_SUBJECTS)} ${pick(PLACES)} ${sentence(rand() < 0.5, 3)}`,
      amountMinor: undisclosed ? null : amount,
      amountMaxMinor: range ? amount + 100_000_00 : null,
      currency: undisclosed ? null : pick(['EUR', 'EUR', 'EUR', 'GBP', 'CHF']),
      precision: undisclosed ? 'undisclosed' : range ? 'range' : pick(['exact', 'approximately', 'at_least', 'at_most'] as const),
      dateFrom: date(),
      dateTo: null,
      status: pick(['confirmed', 'reported', 'rumoured', 'denied'] as const),
      reportedById: rand() < 0.5 ? pick(media) : null,
      notes: rand() < 0.4 ? sentence(true, 8) : null,
    });
  }
  const quotes: FactPack['quotes'] = [];
  for (let i = 0; i < COUNTS.quotes; i++) {
    const german = rand() < 0.6;
    quotes.push({
      id: `q${i}`,
      speakerId: pick(people),
      roleAtTime: null,
      wording: `${sentence(german, 8 + Math.floor(rand() * 20))}.`,
      language: german ? 'de' : 'en',
      date: date(),
      occasion: pick(['interview', 'press_conference', 'press_release', 'social_post'] as const),
      translationOfId: null,
      status: pick(['verified', 'unverified', 'disputed'] as const),
      notes: null,
    });
  }
  const sources: FactPack['sources'] = [];
  for (let i = 0; i < COUNTS.sources; i++) {
    sources.push({
      id: `s${i}`,
      kind: pick(['web_page', 'press_release', 'interview_recording', 'document'] as const),
      title: `${sentence(rand() < 0.5, 6)} ${pick(PLACES)}`,
      publisher: `${pick(PLACES)}er Kurier`,
      url: `https://news.example/${i}`,
      publishedAt: date(),
      accessedAt: null,
      notes: null,
      fileHash: null,
      fileName: null,
    });
  }
  return { format: FACTPACK_FORMAT, version: FACTPACK_VERSION, title: 'bench', exportedAt: null, entities, roles: [], deals, quotes, sources, citations: [], files: [] };
}

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
