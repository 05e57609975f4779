import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citationInput, dealInput, dealUpdate } from '../shared/domain/fact-inputs';
import { UserError } from '../shared/result';
import { auditTrail } from './audit-trail';
import { createCitation } from './citations';
import { createDeal, dealView, deleteDeal, updateDeal } from './deals';
import { openDatabase, type Db } from './db';
import { migrations } from './migrations';
import { openTempStore, seedFacts, tester, type TempStore } from './fact-fixtures';
import { deleteQuote } from './quotes';
import { searchFacts } from './search';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
  seedFacts(store.db);
});
afterEach(() => store.close());

const base = {
  kind: 'sponsorship',
  payerId: 'ent-strivo',
  payeeId: 'ent-almental',
  subject: 'Trikotsponsoring',
  amountMinor: 100_000_000,
  currency: 'EUR',
  precision: 'at_least',
  status: 'rumoured',
};

function fieldsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err.fields ?? [];
    throw err;
  }
  return [];
}

describe('deals', () => {
  it('names every field that points at a missing or wrong entity, and saves nothing', () => {
    const before = store.db.prepare('SELECT count(*) FROM deals').pluck().get();
    const fields = fieldsOf(() =>
      createDeal(
        store.db,
        dealInput.parse({ ...base, payerId: 'ent-nobody', reportedById: 'ent-kowalczyk' }),
        tester,
      ),
    );
    expect(fields).toEqual([
      { path: 'payerId', message: 'refers to an entity that does not exist ("ent-nobody")' },
      { path: 'reportedById', message: 'must be a media outlet or broadcaster, not a person' },
    ]);
    expect(store.db.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(before);
  });

  it('keeps the whole history of a deal, from rumour to confirmation', () => {
    const deal = createDeal(store.db, dealInput.parse(base), tester);
    updateDeal(
      store.db,
      dealUpdate.parse({ ...deal, status: 'confirmed', amountMinor: 120_000_000, precision: 'exact' }),
      tester,
    );
    const trail = auditTrail(store.db, 'deal', deal.id);
    expect(trail.map((a) => a.action)).toEqual(['create', 'update']);
    expect(trail[1].before).toMatchObject({ status: 'rumoured', amountMinor: 100_000_000 });
    expect(trail[1].after).toMatchObject({ status: 'confirmed', amountMinor: 120_000_000 });
  });

  it('shows a deal as unsourced until a citation backs it', () => {
    const deal = createDeal(store.db, dealInput.parse(base), tester);
    const hit = () =>
      searchFacts(store.db, { query: 'Trikotsponsoring' }).hits.find((h) => h.id === deal.id)!;
    expect(hit().unsourced).toBe(true);
    createCitation(
      store.db,
      citationInput.parse({ factType: 'deal', factId: deal.id, sourceId: 'src-kurier', locator: 'S. 3' }),
      tester,
    );
    expect(hit().unsourced).toBe(false);
    expect(dealView(store.db, deal.id).citations[0]).toMatchObject({
      locator: 'S. 3',
      source: { title: 'Strivo sichert sich die Rotheide-Rechte' },
    });
  });

  it('finds a deal by its new subject after an edit and no longer by the old one', () => {
    const deal = createDeal(store.db, dealInput.parse(base), tester);
    updateDeal(store.db, dealUpdate.parse({ ...deal, subject: 'Ärmelsponsoring' }), tester);
    expect(searchFacts(store.db, { query: 'Trikotsponsoring' }).hits).toHaveLength(0);
    expect(searchFacts(store.db, { query: 'aermelsponsoring' }).hits.map((h) => h.id)).toEqual([deal.id]);
  });

  it('deletes a deal with its citations and removes it from search', () => {
    deleteDeal(store.db, 'deal-strivo', tester);
    expect(
      store.db.prepare("SELECT count(*) FROM citations WHERE fact_id = 'deal-strivo'").pluck().get(),
    ).toBe(0);
    expect(auditTrail(store.db, 'citation', 'cit-deal').map((a) => a.action)).toEqual(['create', 'delete']);
    expect(searchFacts(store.db, { query: 'Streamingrechte' }).hits).toHaveLength(0);
  });
});

describe('deleting facts that articles rely on', () => {
  const link = (db: Db, claim: string, article: string, type: string, id: string) =>
    db
      .prepare('INSERT INTO claim_links (claim_id, article_id, fact_type, fact_id) VALUES (?, ?, ?, ?)')
      .run(claim, article, type, id);

  it('refuses, naming the articles by id in a store without an articles table', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-guard-'));
    const factsVersion = migrations.findIndex((m) => m.name === 'facts') + 1;
    const db = openDatabase(path.join(dir, 'f.sqlite'), { migrations: migrations.slice(0, factsVersion) });
    try {
      seedFacts(db);
      link(db, 'claim-1', 'art-7', 'deal', 'deal-strivo');
      link(db, 'claim-2', 'art-9', 'deal', 'deal-strivo');
      expect(() => deleteDeal(db, 'deal-strivo', tester)).toThrow(
        'The deal “Streamingrechte für die Heimspiele in München und Rotheide” cannot be deleted: claims in these articles link to it: art-7, art-9. Unlink those claims first.',
      );
      expect(db.prepare("SELECT count(*) FROM deals WHERE id = 'deal-strivo'").pluck().get()).toBe(1);
      expect(dealView(db, 'deal-strivo').linkedArticles).toEqual([
        { articleId: 'art-7', headline: null, claims: 1 },
        { articleId: 'art-9', headline: null, claims: 1 },
      ]);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the articles by headline when they exist, and lets unlinked facts go', () => {
    const now = new Date().toISOString();
    store.db
      .prepare(
        "INSERT INTO articles (id, headline, language, body, created_at, updated_at) VALUES (?, ?, 'de', '{}', ?, ?)",
      )
      .run('art-7', 'Strivo zahlt Millionen', now, now);
    link(store.db, 'claim-1', 'art-7', 'quote', 'quote-kowalczyk');
    expect(() => deleteQuote(store.db, 'quote-kowalczyk', tester)).toThrow(
      /claims in this article link to it: “Strivo zahlt Millionen”/,
    );
    expect(store.db.prepare("SELECT count(*) FROM quotes WHERE id = 'quote-kowalczyk'").pluck().get()).toBe(
      1,
    );
    deleteDeal(store.db, 'deal-transfer', tester);
    expect(store.db.prepare("SELECT count(*) FROM deals WHERE id = 'deal-transfer'").pluck().get()).toBe(0);
  });
});
