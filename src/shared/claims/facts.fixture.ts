import type { Claim } from '../domain/articles';
import type { Deal, Entity, FactRef, Quote, Role } from '../domain/facts';
import type { ExportFacts } from '../export/context';
import type { ClaimContext } from './context';

// Invented people, clubs and statements for the claim-check tests.

const entity = (id: string, kind: Entity['kind'], name: string, aliases: string[] = []): Entity => ({
  id,
  kind,
  name,
  aliases,
  note: null,
});

const deal = (id: string, amountMinor: number | null, extra: Partial<Deal> = {}): Deal => ({
  id,
  kind: 'broadcast_rights',
  payerId: 'e-strivo',
  payeeId: 'e-rotheide',
  subject: 'Übertragungsrechte Regionalliga',
  amountMinor,
  amountMaxMinor: null,
  currency: 'EUR',
  precision: 'exact',
  dateFrom: '2026-07-01',
  dateTo: null,
  status: 'confirmed',
  reportedById: null,
  notes: null,
  ...extra,
});

const quote = (id: string, speakerId: string, wording: string, extra: Partial<Quote> = {}): Quote => ({
  id,
  speakerId,
  roleAtTime: null,
  wording,
  language: 'de',
  date: '2026-03-10',
  occasion: 'press_conference',
  translationOfId: null,
  status: 'verified',
  notes: null,
  ...extra,
});

const role = (
  id: string,
  personId: string,
  title: string,
  organisationId: string,
  from: string | null,
  to: string | null,
): Role => ({
  id,
  personId,
  title,
  organisationId,
  from,
  to,
});

export const FACTS: ExportFacts = {
  entities: [
    entity('e-brandauer', 'person', 'Till Brandauer'),
    entity('e-kowalczyk', 'person', 'Jana Kowalczyk', ['Jana Kowalczyk-Brandt']),
    entity('e-rotheide', 'club', 'SV Rotheide'),
    entity('e-almental', 'club', 'FC Almental'),
    entity('e-strivo', 'broadcaster', 'Strivo'),
  ],
  roles: [
    role('r-brandauer', 'e-brandauer', 'Geschäftsführer', 'e-almental', '2020-01-01', null),
    role('r-kowalczyk', 'e-kowalczyk', 'Kapitänin', 'e-rotheide', '2022-07-01', null),
  ],
  deals: [
    deal('d-7m', 700_000_000),
    deal('d-12m', 1_200_000_000, { subject: 'Übertragungsrechte Pokal' }),
    deal('d-rumour', 250_000_000, {
      kind: 'transfer',
      payerId: 'e-almental',
      precision: 'approximately',
      status: 'rumoured',
    }),
  ],
  quotes: [
    quote('q-de', 'e-brandauer', 'Wir haben lange verhandelt, aber am Ende hat alles gepasst.'),
    quote('q-en', 'e-kowalczyk', 'We never stopped believing in this squad.', {
      language: 'en',
      date: '2026-05-02',
    }),
  ],
  sources: [],
  citations: [],
};

/** The context of `marked` inside `paragraph` (its first occurrence). */
export function contextOf(paragraph: string, marked: string): ClaimContext {
  const start = paragraph.indexOf(marked);
  if (start < 0) throw new Error(`"${marked}" is not in the paragraph`);
  return { text: paragraph, start, end: start + marked.length };
}

export function claimLinking(links: FactRef[], extra: Partial<Claim> = {}): Claim {
  return {
    id: 'c-test-1',
    articleId: 'art-1',
    kind: 'other',
    status: 'unchecked',
    text: '',
    note: '',
    links,
    inText: true,
    history: [],
    dismissedWarnings: [],
    createdAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    ...extra,
  };
}
