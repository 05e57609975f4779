import { describe, expect, it } from 'vitest';
import { validateFactPack, type PackContext } from './validate';

const pack = () => ({
  format: 'factdesk-factpack',
  version: 1,
  entities: [
    { id: 'ent-rotheide', kind: 'club', name: 'SV Rotheide', aliases: ['SVR'] },
    { id: 'ent-strivo', kind: 'broadcaster', name: 'Strivo' },
    { id: 'ent-kowalczyk', kind: 'person', name: 'Jana Kowalczyk' },
    { id: 'ent-kurier', kind: 'media', name: 'Almentaler Kurier' },
  ],
  roles: [
    {
      id: 'role-1',
      personId: 'ent-kowalczyk',
      title: 'Kapitänin',
      organisationId: 'ent-rotheide',
      from: '2024-07-01',
    },
  ],
  deals: [
    {
      id: 'deal-1',
      kind: 'broadcast_rights',
      payerId: 'ent-strivo',
      payeeId: 'ent-rotheide',
      subject: 'Streamingrechte 2026/27',
      amountMinor: 500_000_000,
      currency: 'EUR',
      precision: 'approximately',
      status: 'reported',
      reportedById: 'ent-kurier',
    },
  ],
  quotes: [
    {
      id: 'q-1',
      speakerId: 'ent-kowalczyk',
      wording: 'Wir bleiben zusammen.',
      language: 'de',
      occasion: 'interview',
      status: 'verified',
    },
    {
      id: 'q-2',
      speakerId: 'ent-kowalczyk',
      wording: 'We stay together.',
      language: 'en',
      occasion: 'interview',
      status: 'verified',
      translationOfId: 'q-1',
    },
  ],
  sources: [
    { id: 'src-1', kind: 'web_page', title: 'Interview mit Kowalczyk', url: 'https://example.org/interview' },
  ],
  citations: [{ id: 'cit-1', factType: 'quote', factId: 'q-1', sourceId: 'src-1', locator: 'Absatz 3' }],
});

const problemsOf = (raw: unknown, store?: PackContext) => {
  const result = validateFactPack(raw, store);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('fact pack validation', () => {
  it('accepts a consistent pack and fills omitted optional fields', () => {
    const result = validateFactPack(pack());
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.pack.deals[0]).toMatchObject({ amountMaxMinor: null, notes: null, dateFrom: null });
  });

  it('reports every field problem with its JSON path, not only the first', () => {
    const p = pack();
    Object.assign(p.deals[0], { amountMinor: '5 Mio', currency: 'Euro' });
    (p.quotes[0] as Record<string, unknown>).date = '2025-02-30';
    delete (p.entities[1] as Record<string, unknown>).name;
    (p.sources[0] as Record<string, unknown>).tittle = 'typo';
    expect(problemsOf(p)).toEqual([
      '$.entities[1].name: is missing',
      '$.deals[0].amountMinor: must be a number',
      '$.deals[0].currency: must be an ISO 4217 currency code such as EUR',
      '$.quotes[0].date: must be a real date (YYYY-MM-DD)',
      '$.sources[0].tittle: is not a field of a source',
    ]);
  });

  it('reports broken references, duplicate ids and rules across fields', () => {
    const p = pack();
    p.deals[0].payeeId = 'ent-strivo';
    p.deals[0].reportedById = 'ent-kowalczyk';
    p.roles[0].personId = 'ent-rotheide';
    p.citations[0].sourceId = 'src-missing';
    p.quotes.push({ ...p.quotes[0] });
    expect(problemsOf(p)).toEqual([
      '$.quotes[2].id: repeats the id "q-1" of $.quotes[0]',
      '$.roles[0].personId: must be a person; "ent-rotheide" is a club',
      '$.deals[0].reportedById: must be a media outlet or broadcaster; "ent-kowalczyk" is a person',
      '$.deals[0].payeeId: must differ from the payer (payer and payee must differ)',
      '$.citations[0].sourceId: refers to source "src-missing", which is neither in this pack nor in the store',
    ]);
  });

  it('takes records known to be as stored as they are, keeps their place and still checks across them', () => {
    const p = pack();
    p.entities.push({ id: 'ent-nordhafen', kind: 'club', name: 'FC Nordhafen', aliases: [] });
    const known = new Set<unknown>([p.entities[0], p.entities[1], p.entities[4]]);
    (p.entities[3] as Record<string, unknown>).kind = 'newspaper';
    p.quotes.push({ ...p.quotes[0] });
    const result = validateFactPack(p, undefined, known);
    expect(result.ok ? [] : result.problems.map((x) => x.path)).toEqual([
      '$.entities[3].kind',
      // The duplicate check only runs once every field is valid.
    ]);
    (p.entities[3] as Record<string, unknown>).kind = 'media';
    p.quotes.pop();
    const ok = validateFactPack(p, undefined, known);
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.pack.entities.map((e) => e.id)).toEqual(p.entities.map((e) => e.id));
      expect(ok.pack.entities[0]).toBe(p.entities[0]);
      expect(ok.pack.entities[2]).toMatchObject({ aliases: [], note: null });
    }
    p.roles[0].personId = 'ent-rotheide';
    expect(problemsOf(p)).toEqual(['$.roles[0].personId: must be a person; "ent-rotheide" is a club']);
    const known2 = new Set<unknown>([p.entities[0]]);
    const again = validateFactPack(p, undefined, known2);
    expect(again.ok ? [] : again.problems.map((x) => x.message)).toEqual([
      'must be a person; "ent-rotheide" is a club',
    ]);
  });

  it('accepts references to records the store already holds', () => {
    const p = {
      format: 'factdesk-factpack',
      version: 1,
      citations: [{ id: 'c', factType: 'deal', factId: 'deal-9', sourceId: 'src-9' }],
    };
    expect(problemsOf(p)).toHaveLength(2);
    const store: PackContext = {
      entityKind: () => undefined,
      exists: (type, id) => `${type}:${id}` === 'deal:deal-9' || `${type}:${id}` === 'source:src-9',
    };
    expect(problemsOf(p, store)).toEqual([]);
  });

  it('refuses files that are not fact packs and packs from a newer version, in plain words', () => {
    expect(problemsOf([1, 2])).toEqual(['$: must be a JSON object (a Factdesk fact pack)']);
    expect(problemsOf({ format: 'something' })[0]).toMatch(/^\$\.format: .*not a Factdesk fact pack/);
    expect(problemsOf({ format: 'factdesk-factpack', version: 7 })[0]).toMatch(/newer Factdesk/);
  });
});
