import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceInput } from '../shared/domain/fact-inputs';
import { validateFactPack } from '../shared/factpack/validate';
import { openDatabase, type Db } from './db';
import { buildFactPack, importFactPack } from './factpacks';
import { openTempStore, seedFacts, tester, type TempStore } from './fact-fixtures';
import { storedFilePath } from './files';
import { searchFacts } from './search';
import { attachFile, createSource } from './sources';

let a: TempStore;
let b: TempStore;
beforeEach(() => {
  a = openTempStore();
  b = openTempStore();
  seedFacts(a.db);
});
afterEach(() => {
  a.close();
  b.close();
});

const records = (pack: ReturnType<typeof buildFactPack>) => ({ ...pack, exportedAt: null });
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every row of every table, in rowid order: the content of the database, independent of page layout. */
function contentDump(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).raw().all()]),
    (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v),
  );
}

describe('fact packs', () => {
  it('exports the whole store as a pack the validator accepts', () => {
    const pack = buildFactPack(a.db);
    expect(validateFactPack(json(pack)).ok).toBe(true);
    expect(pack).toMatchObject({ format: 'factdesk-factpack', version: 1 });
    expect([
      pack.entities.length,
      pack.roles.length,
      pack.deals.length,
      pack.quotes.length,
      pack.sources.length,
      pack.citations.length,
    ]).toEqual([7, 3, 2, 3, 2, 2]);
  });

  it('imports into an empty store, which then exports the same records and finds them', () => {
    const pack = json(buildFactPack(a.db));
    const report = importFactPack(b.db, pack, { actor: tester });
    expect(report).toMatchObject({ applied: true, problems: [], changes: [], needsConfirmation: false });
    expect(report.created).toEqual({ entities: 7, roles: 3, deals: 2, quotes: 3, sources: 2, citations: 2 });
    expect(records(buildFactPack(b.db))).toEqual(records(buildFactPack(a.db)));
    expect(searchFacts(b.db, { query: 'Goetze' }).hits.map((h) => h.id)).toContain('ent-goetze');
  });

  it('writes one audited create per new record, in pack order, naming the pack as the way in', () => {
    const pack = { ...json(buildFactPack(a.db)), title: 'Saisonstart' };
    importFactPack(b.db, pack, { actor: { user: 'Mira' } });
    const audit = b.db
      .prepare(
        "SELECT record_type AS type, record_id AS id, user, via FROM audit_log WHERE action = 'create' ORDER BY seq",
      )
      .all() as { type: string; id: string; user: string; via: string }[];
    const expected = [
      ...pack.entities.map((r) => `entity:${r.id}`),
      ...pack.sources.map((r) => `source:${r.id}`),
      ...pack.roles.map((r) => `role:${r.id}`),
      ...pack.quotes.map((r) => `quote:${r.id}`),
      ...pack.deals.map((r) => `deal:${r.id}`),
      ...pack.citations.map((r) => `citation:${r.id}`),
    ];
    expect(audit.map((e) => `${e.type}:${e.id}`)).toEqual(expected);
    expect(new Set(audit.map((e) => `${e.user} / ${e.via}`))).toEqual(
      new Set(['Mira / fact pack “Saisonstart”']),
    );
  });

  it('changes nothing when the same pack is imported again', () => {
    const pack = json(buildFactPack(a.db));
    importFactPack(b.db, pack, { actor: tester });
    const before = contentDump(b.db);
    const again = importFactPack(b.db, pack, { actor: tester });
    expect(again).toMatchObject({ applied: true, changes: [], created: { entities: 0, deals: 0 } });
    expect(again.unchanged).toEqual({ entities: 7, roles: 3, deals: 2, quotes: 3, sources: 2, citations: 2 });
    expect(contentDump(b.db)).toBe(before);
  });

  it('checks every field of a re-imported record that is not exactly as stored, with its path in the pack', () => {
    const pack = json(buildFactPack(a.db));
    importFactPack(b.db, pack, { actor: tester });
    const before = contentDump(b.db);
    const again = json(pack);
    (again.entities[2] as Record<string, unknown>).club = 'SV Rotheide';
    (again.deals[1] as Record<string, unknown>).amountMinor = String(again.deals[1].amountMinor ?? '12');
    const report = importFactPack(b.db, again, { actor: tester, update: true });
    expect(report.applied).toBe(false);
    expect(report.problems.map((p) => p.path)).toEqual(['$.entities[2].club', '$.deals[1].amountMinor']);
    expect(contentDump(b.db)).toBe(before);
  });

  it('reports values JSON cannot hold (a BigInt, a cycle) in a re-imported record by path instead of failing', () => {
    // Electron's IPC clones BigInts and cycles; the unchanged-record check compares JSON text.
    const pack = json(buildFactPack(a.db));
    importFactPack(b.db, pack, { actor: tester });
    const before = contentDump(b.db);
    const again = json(pack);
    (again.entities[1] as Record<string, unknown>).aliases = [10n];
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    (again.entities[2] as Record<string, unknown>).aliases = cyclic;
    const report = importFactPack(b.db, again, { actor: tester, update: true });
    expect(report.applied).toBe(false);
    expect(report.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.entities\[1\]\.aliases/),
        expect.stringMatching(/^\$\.entities\[2\]\.aliases/),
      ]),
    );
    expect(contentDump(b.db)).toBe(before);
  });

  it('lists the changes of a pack that updates existing records and writes nothing until confirmed', () => {
    importFactPack(b.db, json(buildFactPack(a.db)), { actor: tester });
    const pack = json(buildFactPack(a.db));
    pack.deals[0] = { ...pack.deals[0], status: 'confirmed', amountMinor: 520_000_000 };
    pack.entities.push({ id: 'ent-new', kind: 'club', name: 'TSV Nordwald', aliases: [], note: null });
    const before = contentDump(b.db);
    const asked = importFactPack(b.db, pack, { actor: tester });
    expect(asked).toMatchObject({ applied: false, needsConfirmation: true, created: { entities: 1 } });
    expect(asked.changes).toEqual([
      {
        type: 'deal',
        id: 'deal-strivo',
        label: 'Streamingrechte für die Heimspiele in München und Rotheide',
        fields: [
          { field: 'amountMinor', before: 500_000_000, after: 520_000_000 },
          { field: 'status', before: 'reported', after: 'confirmed' },
        ],
      },
    ]);
    expect(contentDump(b.db)).toBe(before);
    const applied = importFactPack(b.db, pack, { actor: { user: 'Mira' }, update: true });
    expect(applied.applied).toBe(true);
    const audit = b.db
      .prepare(
        "SELECT user, via, action FROM audit_log WHERE record_id = 'deal-strivo' ORDER BY seq DESC LIMIT 1",
      )
      .get();
    expect(audit).toEqual({ user: 'Mira', via: 'fact pack', action: 'update' });
    expect(b.db.prepare("SELECT status FROM deals WHERE id = 'deal-strivo'").pluck().get()).toBe('confirmed');
  });

  it('leaves the database byte-for-byte unchanged in content when a pack is bad, and reports every problem', () => {
    importFactPack(b.db, json(buildFactPack(a.db)), { actor: tester });
    const pack = json(buildFactPack(a.db)) as unknown as Record<string, Record<string, unknown>[]>;
    pack.entities.push({ id: 'ent-fresh', kind: 'club', name: 'Neuer Verein' });
    pack.deals.push({ ...pack.deals[0], id: 'deal-bad', amountMinor: 'viel', currency: 'EURO' });
    pack.quotes[0].date = '2025-02-29';
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = contentDump(b.db);
    const bytesBefore = fs.readFileSync(b.file);
    const report = importFactPack(b.db, pack, { actor: tester, update: true });
    expect(report.applied).toBe(false);
    expect(report.problems).toEqual([
      { path: '$.deals[2].amountMinor', message: 'must be a number' },
      { path: '$.deals[2].currency', message: 'must be an ISO 4217 currency code such as EUR' },
      { path: '$.quotes[0].date', message: 'must be a real date (YYYY-MM-DD)' },
    ]);
    expect(contentDump(b.db)).toBe(before);
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(b.file).equals(bytesBefore)).toBe(true);
  });

  it('refuses a change of kind that would leave a role without its person, in the pack or in the store', () => {
    importFactPack(b.db, json(buildFactPack(a.db)), { actor: tester });
    const whole = json(buildFactPack(a.db));
    const k = whole.entities.findIndex((e) => e.id === 'ent-kowalczyk');
    whole.entities[k] = { ...whole.entities[k], kind: 'club' };
    expect(importFactPack(b.db, whole, { actor: tester, update: true }).problems).toEqual([
      { path: '$.roles[0].personId', message: 'must be a person; "ent-kowalczyk" is a club' },
    ]);
    // A pack of entities alone does not show the role; the store's check after writing does, and rolls back.
    const pack = { ...whole, roles: [], deals: [], quotes: [], sources: [], citations: [] };
    const i = k;
    const before = contentDump(b.db);
    const report = importFactPack(b.db, pack, { actor: tester, update: true });
    expect(report.applied).toBe(false);
    expect(report.problems).toEqual([
      {
        path: `$.entities[${i}].kind`,
        message: 'must stay "person": role "role-captain" names "ent-kowalczyk" as its person',
      },
    ]);
    expect(contentDump(b.db)).toBe(before);
  });

  it('exports a selection with everything its facts depend on', () => {
    const pack = buildFactPack(a.db, {
      refs: [
        { type: 'quote', id: 'quote-goetze-en' },
        { type: 'deal', id: 'deal-strivo' },
      ],
    });
    expect(pack.quotes.map((q) => q.id).sort()).toEqual(['quote-goetze-de', 'quote-goetze-en']);
    expect(pack.deals.map((d) => d.id)).toEqual(['deal-strivo']);
    expect(pack.entities.map((e) => e.id).sort()).toEqual([
      'ent-almental',
      'ent-goetze',
      'ent-kurier',
      'ent-rotheide',
      'ent-strivo',
    ]);
    expect(pack.roles.map((r) => r.id).sort()).toEqual(['role-goetze-md', 'role-goetze-old']);
    expect(pack.citations.map((c) => c.id).sort()).toEqual(['cit-deal', 'cit-quote']);
    expect(pack.sources.map((s) => s.id).sort()).toEqual(['src-kurier', 'src-pk']);
    // The selection stands on its own: it imports into an empty store.
    expect(importFactPack(b.db, json(pack), { actor: tester }).applied).toBe(true);
  });

  it('carries attached files by hash, verifies them on import and stores each once', () => {
    const src = createSource(a.db, sourceInput.parse({ kind: 'document', title: 'Vertragsauszug' }), tester);
    const bytes = Buffer.from('%PDF-1.4 invented contract excerpt');
    const attached = attachFile(a.db, a.dir, src.id, 'vertrag.pdf', bytes, tester);
    const pack = json(buildFactPack(a.db, { includeFiles: true, dataDir: a.dir }));
    expect(pack.files).toEqual([
      { sha256: attached.fileHash, name: 'vertrag.pdf', base64: bytes.toString('base64') },
    ]);

    const tampered = json(pack);
    tampered.files[0].base64 = Buffer.from('something else').toString('base64');
    expect(importFactPack(b.db, tampered, { actor: tester, dataDir: b.dir }).problems).toEqual([
      { path: '$.files[0].sha256', message: 'does not match the SHA-256 of the file content' },
    ]);
    const report = importFactPack(b.db, pack, { actor: tester, dataDir: b.dir });
    expect(report).toMatchObject({ applied: true, filesStored: 1 });
    expect(fs.readFileSync(storedFilePath(b.dir, attached.fileHash!)).equals(bytes)).toBe(true);
  });

  it('imports a large pack with the indexes rebuilt: same schema, every index complete, every record found', () => {
    const schema = (db: Db) =>
      db
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
        .all();
    const before = schema(b.db);
    const entities = Array.from({ length: 1500 }, (_, i) => ({
      id: `ent-bulk-${i}`,
      kind: 'person' as const,
      name: `Lena Kowalczyk ${i}`,
      aliases: [`Kowalczyk Nr. ${i}`],
      note: null,
    }));
    const report = importFactPack(
      b.db,
      { format: 'factdesk-factpack', version: 1, entities },
      { actor: tester },
    );
    expect(report).toMatchObject({ applied: true, created: { entities: 1500 } });
    expect(schema(b.db)).toEqual(before);
    expect(b.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(
      b.db
        .prepare("SELECT count(*) FROM entities INDEXED BY entities_kind_name WHERE kind = 'person'")
        .pluck()
        .get(),
    ).toBe(1500);
    expect(searchFacts(b.db, { query: 'Kowalczyk 1499' }).hits.map((h) => h.id)).toContain('ent-bulk-1499');
  });

  it('reopens an imported store with its search index intact', () => {
    importFactPack(b.db, json(buildFactPack(a.db)), { actor: tester });
    b.db.close();
    const db = openDatabase(b.file);
    expect(searchFacts(db, { query: 'muenchen' }).hits.length).toBeGreaterThan(0);
    db.close();
  });
});
