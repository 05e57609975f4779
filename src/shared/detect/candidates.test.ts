import { describe, expect, it } from 'vitest';
import type { Deal, Entity, Quote, Role } from '../domain/facts';
import {
  amountFit,
  candidateQuery,
  MAX_CANDIDATES,
  nameFit,
  rankCandidates,
  wordingSimilarity,
  type CandidateFacts,
} from './candidates';
import { detect } from './detect';
import { dismissalKey } from './dismissal-key';

const entity = (id: string, kind: Entity['kind'], name: string, aliases: string[] = []): Entity => ({
  id,
  kind,
  name,
  aliases,
  note: null,
});
const quote = (id: string, speakerId: string, wording: string, language = 'de'): Quote => ({
  id,
  speakerId,
  wording,
  language,
  roleAtTime: null,
  date: null,
  occasion: 'interview',
  translationOfId: null,
  status: 'verified',
  notes: null,
});
const deal = (
  id: string,
  payerId: string | null,
  payeeId: string | null,
  amountMinor: number | null,
  currency: string | null,
  extra: Partial<Deal> = {},
): Deal => ({
  id,
  kind: 'broadcast_rights',
  payerId,
  payeeId,
  subject: id,
  amountMinor,
  amountMaxMinor: null,
  currency,
  precision: amountMinor === null ? 'undisclosed' : 'exact',
  dateFrom: null,
  dateTo: null,
  status: 'confirmed',
  reportedById: null,
  notes: null,
  ...extra,
});
const role = (id: string, personId: string, title: string, organisationId: string | null): Role => ({
  id,
  personId,
  title,
  organisationId,
  from: null,
  to: null,
});

const entities = [
  entity('p-kowalczyk', 'person', 'Jana Kowalczyk', ['Kowalczyk']),
  entity('p-goetze', 'person', 'Lutz Götze', ['Lutz Goetze']),
  entity('p-haller', 'person', 'Mira Haller'),
  entity('c-rotheide', 'club', 'SV Rotheide', ['Rotheide', 'SVR']),
  entity('c-almental', 'club', 'FC Almental', ['Almental']),
  entity('b-strivo', 'broadcaster', 'Strivo', ['Strivo Sport']),
  entity('b-kanal', 'broadcaster', 'KanalSport'),
];

const facts: CandidateFacts = {
  entities,
  roles: [
    role('r-kowalczyk-captain', 'p-kowalczyk', 'Kapitänin', 'c-rotheide'),
    role('r-goetze-sd', 'p-goetze', 'Sportdirektor', 'c-almental'),
  ],
  quotes: [
    quote('q-k1', 'p-kowalczyk', 'Die Mannschaft bleibt zusammen, egal was im Sommer passiert.'),
    quote('q-k1-en', 'p-kowalczyk', 'The team stays together, whatever happens in the summer.', 'en'),
    quote('q-k2', 'p-kowalczyk', 'Ich habe nie darüber nachgedacht, Rotheide zu verlassen.'),
    quote('q-g1', 'p-goetze', 'Die Mannschaft bleibt zusammen, das haben wir so besprochen.'),
    quote('q-h1', 'p-haller', 'Wir schauen nur auf das nächste Spiel.'),
  ],
  deals: [
    deal('d-strivo-rotheide', 'b-strivo', 'c-rotheide', 700_000_000, 'EUR'),
    deal('d-kanal-almental', 'b-kanal', 'c-almental', 1_200_000_000, 'EUR'),
    deal('d-strivo-almental-usd', 'b-strivo', 'c-almental', 700_000_000, 'USD'),
    deal('d-kanal-rotheide-range', 'b-kanal', 'c-rotheide', 600_000_000, 'EUR', {
      precision: 'range',
      amountMaxMinor: 800_000_000,
    }),
    deal('d-undisclosed', 'b-strivo', 'c-rotheide', null, null),
  ],
};

const ids = (list: { ref: { id: string } }[]) => list.map((c) => c.ref.id);

describe('nameFit', () => {
  it('matches a name, an alias and a surname, folding umlauts and case', () => {
    expect(nameFit('Jana Kowalczyk', entities[0])).toBe(1);
    expect(nameFit('Lutz Goetze', entities[1])).toBe(1);
    expect(nameFit('LUTZ GÖTZE', entities[1])).toBe(1);
    expect(nameFit('Götze', entities[1])).toBe(0.9);
  });

  it('takes a German genitive as the name', () => {
    expect(nameFit('Rotheides', entities[3])).toBe(1);
  });

  it('tolerates one slip in a longer name but not a different name', () => {
    expect(nameFit('Jana Kowalcyk', entities[0])).toBe(0.7);
    expect(nameFit('Jana Kowalski', entities[0])).toBe(0);
    expect(nameFit('Mira', entities[2])).toBe(0);
  });
});

describe('wordingSimilarity', () => {
  it('is 1 for the same words with other quote marks and case', () => {
    expect(
      wordingSimilarity(
        '„Die Mannschaft bleibt zusammen, egal was im Sommer passiert.“',
        facts.quotes[0].wording,
      ),
    ).toBeCloseTo(1);
  });

  it('stays high for a quote with one letter changed', () => {
    expect(
      wordingSimilarity(
        '„Die Mannschaft bleibt zusammen, egal was im Sommer pasiert“',
        facts.quotes[0].wording,
      ),
    ).toBeGreaterThan(0.95);
  });

  it('scores a partial quote taken from the statement above an unrelated statement', () => {
    const partial = '„egal was im Sommer passiert“';
    expect(wordingSimilarity(partial, facts.quotes[0].wording)).toBeGreaterThan(0.75);
    expect(wordingSimilarity(partial, facts.quotes[4].wording)).toBeLessThan(0.1);
  });

  it('does not count shuffled words as the same quote', () => {
    const shuffled = 'passiert Sommer im was egal zusammen bleibt Mannschaft die';
    expect(wordingSimilarity(shuffled, facts.quotes[0].wording)).toBeLessThan(0.4);
  });
});

describe('amountFit', () => {
  it('accepts the exact amount and an amount inside a range', () => {
    expect(amountFit(7_000_000, facts.deals[0])).toBe(1);
    expect(amountFit(7_000_000, facts.deals[3])).toBe(1);
  });

  it('gives partial credit within ten percent and none beyond', () => {
    expect(amountFit(7_500_000, facts.deals[0])).toBe(0.6);
    expect(amountFit(9_000_000, facts.deals[0])).toBe(0);
    expect(amountFit(7_000_000, facts.deals[4])).toBe(0);
  });
});

describe('rankCandidates for quotes', () => {
  it('ranks the same speaker’s statement with the same wording first', () => {
    const ranked = rankCandidates(
      {
        kind: 'quote',
        text: '„Die Mannschaft bleibt zusammen, egal was im Sommer passiert“',
        speaker: 'Jana Kowalczyk',
      },
      facts,
    );
    expect(ranked[0].ref).toEqual({ type: 'quote', id: 'q-k1' });
    expect(ranked[0].reasons).toEqual(['speaker', 'wording']);
  });

  it('prefers the speaker named in the text when two people said similar words', () => {
    const text = '„Die Mannschaft bleibt zusammen“';
    expect(ids(rankCandidates({ kind: 'quote', text, speaker: 'Götze' }, facts))[0]).toBe('q-g1');
    expect(ids(rankCandidates({ kind: 'quote', text, speaker: 'Kowalczyk' }, facts))[0]).toBe('q-k1');
  });

  it('still finds the statement by its words when the speaker is unknown to the store', () => {
    const ranked = rankCandidates(
      {
        kind: 'quote',
        text: '„Ich habe nie darüber nachgedacht, Rotheide zu verlassen“',
        speaker: 'Jana Kovac',
      },
      facts,
    );
    expect(ranked[0].ref.id).toBe('q-k2');
    expect(ranked[0].reasons).toEqual(['wording']);
  });

  it('proposes nothing for a quote nobody in the store said in similar words', () => {
    expect(
      rankCandidates(
        { kind: 'quote', text: '„Der Rasen war heute viel zu tief“', speaker: 'Tom Berger' },
        facts,
      ),
    ).toEqual([]);
  });

  it('offers the translation of the matching statement but not the speaker’s unrelated statements', () => {
    const withTranslation: CandidateFacts = {
      ...facts,
      quotes: facts.quotes.map((x) => (x.id === 'q-k1-en' ? { ...x, translationOfId: 'q-k1' } : x)),
    };
    const ranked = ids(
      rankCandidates(
        { kind: 'quote', text: '„Egal was im Sommer passiert“', speaker: 'Kowalczyk' },
        withTranslation,
      ),
    );
    expect(ranked).toEqual(['q-k1', 'q-k1-en']);
  });

  it('falls back to the speaker’s statements when no wording matches, as for a quote translated in the article', () => {
    const ranked = ids(
      rankCandidates(
        { kind: 'quote', text: '„Wir gehen diesen Weg gemeinsam“', speaker: 'Jana Kowalczyk' },
        facts,
      ),
    );
    expect(ranked.sort()).toEqual(['q-k1', 'q-k1-en', 'q-k2']);
  });
});

describe('rankCandidates for amounts', () => {
  it('ranks the deal between the named parties with the same amount and currency first', () => {
    const ranked = rankCandidates(
      {
        kind: 'amount',
        text: 'sieben Millionen Euro',
        value: 7_000_000,
        currency: 'EUR',
        payer: 'Strivo',
        payee: 'SV Rotheide',
      },
      facts,
    );
    expect(ranked[0].ref).toEqual({ type: 'deal', id: 'd-strivo-rotheide' });
    expect(ranked[0].reasons).toEqual(['amount', 'currency', 'payer', 'payee']);
  });

  it('does not rank a deal in another currency above one in the same currency', () => {
    const ranked = ids(
      rankCandidates(
        { kind: 'amount', text: '7 Mio. Euro', value: 7_000_000, currency: 'EUR', payer: 'Strivo' },
        facts,
      ),
    );
    expect(ranked.indexOf('d-strivo-rotheide')).toBeLessThan(ranked.indexOf('d-strivo-almental-usd'));
  });

  it('finds deals by amount alone when the text names no parties', () => {
    const ranked = ids(
      rankCandidates({ kind: 'amount', text: '€7m', value: 7_000_000, currency: 'EUR' }, facts),
    );
    expect(ranked.slice(0, 2).sort()).toEqual(['d-kanal-rotheide-range', 'd-strivo-rotheide']);
    expect(ranked).not.toContain('d-kanal-almental');
  });

  it('proposes nothing for an amount no deal comes near between parties the store does not know', () => {
    expect(
      rankCandidates(
        { kind: 'amount', text: '50.000 Euro', value: 50_000, currency: 'EUR', payer: 'FC Seeblick' },
        facts,
      ),
    ).toEqual([]);
  });
});

describe('rankCandidates for roles and other claims', () => {
  it('proposes the role record naming person, title and club before the entity', () => {
    const ranked = rankCandidates({ kind: 'role', text: 'Rotheides Kapitänin Jana Kowalczyk' }, facts);
    expect(ranked[0]).toMatchObject({
      ref: { type: 'role', id: 'r-kowalczyk-captain' },
      reasons: ['person', 'title', 'organisation'],
    });
    expect(ids(ranked)).toContain('p-kowalczyk');
    expect(ids(ranked)).not.toContain('r-goetze-sd');
  });

  it('proposes the entities a count names and nothing for a bare date', () => {
    expect(ids(rankCandidates({ kind: 'count', text: 'Almental gewann zum fünften Mal' }, facts))).toEqual([
      'c-almental',
    ]);
    expect(rankCandidates({ kind: 'date', text: 'am 3. März' }, facts)).toEqual([]);
  });

  it('never returns more than the limit', () => {
    const many: CandidateFacts = {
      ...facts,
      quotes: Array.from({ length: 12 }, (_, i) =>
        quote(`q-many-${i}`, 'p-kowalczyk', `Die Mannschaft bleibt zusammen, Teil ${i}.`),
      ),
    };
    expect(
      rankCandidates({ kind: 'quote', text: '„Die Mannschaft bleibt zusammen“', speaker: 'Kowalczyk' }, many),
    ).toHaveLength(MAX_CANDIDATES);
  });
});

describe('rankCandidates on detected suggestions', () => {
  it('links what the detector finds in a German paragraph to the right facts', () => {
    const text =
      '„Die Mannschaft bleibt zusammen, egal was im Sommer passiert“, sagte Kapitänin Jana Kowalczyk. Strivo soll dem SV Rotheide sieben Millionen Euro zahlen.';
    const found = detect(text, {
      lang: 'de',
      entities: entities.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, kind: e.kind })),
    });
    const q = found.find((s) => s.kind === 'quote')!;
    const a = found.find((s) => s.kind === 'amount')!;
    expect(rankCandidates(q, facts)[0].ref.id).toBe('q-k1');
    expect(rankCandidates(a, facts)[0].ref.id).toBe('d-strivo-rotheide');
  });
});

describe('dismissalKey', () => {
  it('is the same for the same words typed with other quote marks, spaces or case', () => {
    expect(dismissalKey('„Wir bleiben  zusammen“')).toBe(dismissalKey('"wir bleiben zusammen"'));
    expect(dismissalKey('sieben Millionen Euro')).toBe(dismissalKey('Sieben\u00a0Millionen Euro'));
  });

  it('changes when a word changes', () => {
    expect(dismissalKey('sieben Millionen Euro')).not.toBe(dismissalKey('acht Millionen Euro'));
  });
});

describe('candidateQuery', () => {
  it('looks a generic party up as the club it was resolved to, and keeps only the fields the ranking reads', () => {
    const [amount] = detect(
      'Der FC Almental gibt Brehm an den SV Rotheide ab.\nFür ihn soll der Klub sieben Millionen Euro kassiert haben.',
      { lang: 'de' },
    ).filter((s) => s.kind === 'amount');
    expect(amount).toMatchObject({ payee: 'der Klub', payeeResolved: 'FC Almental' });
    expect(candidateQuery(amount)).toEqual({
      kind: 'amount',
      text: 'sieben Millionen Euro',
      value: 7000000,
      currency: 'EUR',
      payee: 'FC Almental',
    });
  });
});
