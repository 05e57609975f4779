import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimRecord, parseClaimRecord } from '../shared/desk/claimRecords';
import { resolveClaimFacts, claimSources } from '../shared/export/factText';
import { createArticle } from './articles';
import { getClaim, insertClaim, linkFacts, listClaims, unlinkFact } from './claims';
import { openDatabase, type Db } from './db';

// A claim linked to a source at one place (issue 17): the locator and passage travel with the link.

let dir: string;
let db: Db;
let articleId: string;
const T0 = '2026-12-06T09:00:00.000Z';
const PASSAGE = {
  type: 'source' as const,
  id: 's-presse',
  locator: 'p. 2',
  excerpt: 'Der SV Rotheide verpflichtet Lena Kowalczyk.',
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-claim-passages-'));
  db = openDatabase(path.join(dir, 'factdesk.sqlite'));
  articleId = createArticle(db, { language: 'de', author: 'Jana' }, T0).meta.id;
  db.prepare(
    `INSERT INTO sources (id, kind, title, created_at, updated_at) VALUES ('s-presse', 'press_release', 'Pressemitteilung SV Rotheide', ?, ?)`,
  ).run(T0, T0);
  insertClaim(
    db,
    {
      id: 'c-wechsel',
      articleId,
      kind: 'other',
      text: 'Kowalczyk wechselt',
      context: { text: 'Kowalczyk wechselt.', start: 0, end: 18 },
    },
    'Jana',
    T0,
  );
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('claim links to a source passage', () => {
  it('keeps the locator and passage; linking the whole source again does not drop them, a new passage replaces them', () => {
    linkFacts(db, 'c-wechsel', articleId, [PASSAGE], T0);
    expect(getClaim(db, 'c-wechsel')!.links).toEqual([PASSAGE]);
    linkFacts(db, 'c-wechsel', articleId, [{ type: 'source', id: 's-presse' }], T0);
    expect(listClaims(db, articleId)[0].links).toEqual([PASSAGE]);
    linkFacts(db, 'c-wechsel', articleId, [{ ...PASSAGE, locator: 'p. 3', excerpt: 'Kontakt' }], T0);
    expect(getClaim(db, 'c-wechsel')!.links).toEqual([{ ...PASSAGE, locator: 'p. 3', excerpt: 'Kontakt' }]);
    unlinkFact(db, 'c-wechsel', { type: 'source', id: 's-presse' }, T0);
    expect(getClaim(db, 'c-wechsel')!.links).toEqual([]);
  });

  it('shows the place wherever a claim lists its sources (panel, report, annotated export)', () => {
    linkFacts(db, 'c-wechsel', articleId, [PASSAGE], T0);
    const claim = getClaim(db, 'c-wechsel')!;
    const source = {
      id: 's-presse',
      kind: 'press_release' as const,
      title: 'Pressemitteilung SV Rotheide',
      publisher: null,
      url: null,
      publishedAt: null,
      accessedAt: null,
      notes: null,
      fileHash: null,
      fileName: null,
    };
    const facts = { entities: [], roles: [], deals: [], quotes: [], sources: [source], citations: [] };
    expect(claimSources(resolveClaimFacts(claim, facts, 'de'))).toEqual([
      { source, locator: 'p. 2', excerpt: PASSAGE.excerpt },
    ]);
  });

  it('travels over a desk in the claim record, and plain links stay as older records have them', () => {
    linkFacts(db, 'c-wechsel', articleId, [PASSAGE, { type: 'entity', id: 'e-x' }], T0);
    const record = claimRecord(getClaim(db, 'c-wechsel')!);
    expect(record.links).toEqual([PASSAGE, { type: 'entity', id: 'e-x' }]);
    const { id, ...fields } = record;
    expect(parseClaimRecord(id, JSON.parse(JSON.stringify(fields)))?.links).toEqual([
      PASSAGE,
      { type: 'entity', id: 'e-x' },
    ]);
  });
});
