import { describe, expect, it } from 'vitest';
import type { Deal, Quote, Role } from '../domain/facts';
import {
  dealChanges,
  describeStale,
  quoteChanges,
  roleChanges,
  sourceRemoved,
  type StaleChange,
  type StaleNotice,
} from './stale';

const DEAL: Deal = {
  id: 'deal-strivo',
  kind: 'broadcast_rights',
  payerId: 'e-strivo',
  payeeId: 'e-rotheide',
  subject: 'Liga-Rechte SV Rotheide',
  amountMinor: 500_000_000,
  amountMaxMinor: null,
  currency: 'EUR',
  precision: 'exact',
  dateFrom: '2026-07-01',
  dateTo: null,
  status: 'reported',
  reportedById: null,
  notes: null,
};

const QUOTE: Quote = {
  id: 'quote-kowalczyk',
  speakerId: 'e-kowalczyk',
  roleAtTime: 'Trainerin, FC Nordhafen',
  wording: 'Wir bleiben in Nordhafen.',
  language: 'de',
  date: '2026-05-02',
  occasion: 'interview',
  translationOfId: null,
  status: 'verified',
  notes: null,
};

const ROLE: Role = {
  id: 'role-1',
  personId: 'e-kowalczyk',
  title: 'Trainerin',
  organisationId: 'e-nordhafen',
  from: '2024-07-01',
  to: null,
};

const NAMES: Record<string, string> = { 'e-kowalczyk': 'Lena Kowalczyk', 'e-brandt': 'Jonas Brandt' };
const nameOf = (id: string) => NAMES[id] ?? id;

function notice(change: StaleChange, factType: StaleNotice['factType'], factLabel: string): StaleNotice {
  return {
    ...change,
    factType,
    factId: 'x',
    factLabel,
    by: 'Erika',
    at: '2026-12-06T10:00:00Z',
  } as StaleNotice;
}

describe('stale reasons of a deal', () => {
  it('reports a changed amount with the old and the new amount', () => {
    const [change, ...rest] = dealChanges(DEAL, { ...DEAL, amountMinor: 650_000_000 });
    expect(rest).toEqual([]);
    expect(change.reason).toBe('amount');
    const n = notice(change, 'deal', DEAL.subject);
    expect(describeStale(n, 'en')).toBe(
      'The amount of the deal “Liga-Rechte SV Rotheide” changed from €5,000,000 to €6,500,000.',
    );
    expect(describeStale(n, 'de')).toBe(
      'Der Betrag des Deals „Liga-Rechte SV Rotheide“ wurde von 5.000.000\u00a0€ auf 6.500.000\u00a0€ geändert.',
    );
  });

  it('reports a change of precision as a change of the amount', () => {
    const [change] = dealChanges(DEAL, { ...DEAL, precision: 'approximately' });
    expect(describeStale(notice(change, 'deal', DEAL.subject), 'en')).toMatch(
      /from €5,000,000 to about €5,000,000\.$/,
    );
  });

  it('reports a currency change alone as "currency"', () => {
    const changes = dealChanges(DEAL, { ...DEAL, currency: 'CHF' });
    expect(changes.map((c) => c.reason)).toEqual(['currency']);
    expect(describeStale(notice(changes[0], 'deal', DEAL.subject), 'en')).toMatch(
      /^The currency of the deal .* from €5,000,000 to CHF[\s ]5,000,000\.$/,
    );
  });

  it('reports reported → confirmed and reported → denied as status changes', () => {
    const confirmed = dealChanges(DEAL, { ...DEAL, status: 'confirmed' });
    expect(confirmed).toEqual([{ reason: 'status', before: 'reported', after: 'confirmed' }]);
    expect(describeStale(notice(confirmed[0], 'deal', DEAL.subject), 'de')).toBe(
      'Der Status des Deals „Liga-Rechte SV Rotheide“ wurde von „berichtet“ auf „bestätigt“ geändert.',
    );
    const denied = dealChanges(DEAL, { ...DEAL, status: 'denied' });
    expect(describeStale(notice(denied[0], 'deal', DEAL.subject), 'en')).toBe(
      'The status of the deal “Liga-Rechte SV Rotheide” changed from “reported” to “denied”.',
    );
  });

  it('ignores changes no claim can depend on (notes, subject)', () => {
    expect(dealChanges(DEAL, { ...DEAL, notes: 'laut Vereinsbericht', subject: 'Rechte' })).toEqual([]);
  });
});

describe('stale reasons of a quote', () => {
  it('reports changed wording with both wordings', () => {
    const changes = quoteChanges(QUOTE, { ...QUOTE, wording: 'Wir bleiben sicher in Nordhafen.' }, nameOf);
    expect(changes.map((c) => c.reason)).toEqual(['wording']);
    expect(describeStale(notice(changes[0], 'quote', QUOTE.wording), 'de')).toBe(
      'Der Wortlaut des Zitats wurde von „Wir bleiben in Nordhafen.“ auf „Wir bleiben sicher in Nordhafen.“ geändert.',
    );
  });

  it('reports a new speaker by name', () => {
    const changes = quoteChanges(QUOTE, { ...QUOTE, speakerId: 'e-brandt' }, nameOf);
    expect(changes).toEqual([{ reason: 'speaker', before: 'Lena Kowalczyk', after: 'Jonas Brandt' }]);
    expect(describeStale(notice(changes[0], 'quote', QUOTE.wording), 'en')).toBe(
      'The speaker of the quote “Wir bleiben in Nordhafen.” changed from Lena Kowalczyk to Jonas Brandt.',
    );
  });

  it('reports a retraction in a sentence of its own', () => {
    const changes = quoteChanges(QUOTE, { ...QUOTE, status: 'retracted' }, nameOf);
    expect(changes.map((c) => c.reason)).toEqual(['retracted']);
    expect(describeStale(notice(changes[0], 'quote', QUOTE.wording), 'en')).toBe(
      'The quote “Wir bleiben in Nordhafen.” was retracted (was “verified”).',
    );
    expect(describeStale(notice(changes[0], 'quote', QUOTE.wording), 'de')).toBe(
      'Das Zitat „Wir bleiben in Nordhafen.“ wurde zurückgezogen (vorher „geprüft“).',
    );
  });

  it('reports other status changes as status', () => {
    const changes = quoteChanges(QUOTE, { ...QUOTE, status: 'disputed' }, nameOf);
    expect(changes).toEqual([{ reason: 'status', before: 'verified', after: 'disputed' }]);
  });

  it('ignores a new occasion or note', () => {
    expect(quoteChanges(QUOTE, { ...QUOTE, occasion: 'broadcast', notes: 'x' }, nameOf)).toEqual([]);
  });
});

describe('stale reasons of roles and sources', () => {
  it('reports changed role dates with both spans', () => {
    const changes = roleChanges(ROLE, { ...ROLE, to: '2026-11-30' });
    expect(changes.map((c) => c.reason)).toEqual(['role-dates']);
    expect(describeStale(notice(changes[0], 'role', 'Lena Kowalczyk'), 'en')).toBe(
      'The role of “Lena Kowalczyk” changed from Trainerin (2024-07-01 – open) to Trainerin (2024-07-01 – 2026-11-30).',
    );
    expect(describeStale(notice(changes[0], 'role', 'Lena Kowalczyk'), 'de')).toBe(
      'Die Rolle von „Lena Kowalczyk“ wurde von Trainerin (2024-07-01 – offen) auf Trainerin (2024-07-01 – 2026-11-30) geändert.',
    );
  });

  it('reports a removed role', () => {
    const changes = roleChanges(ROLE, null);
    expect(describeStale(notice(changes[0], 'role', 'Lena Kowalczyk'), 'en')).toBe(
      'The role Trainerin (2024-07-01 – open) of “Lena Kowalczyk” was removed.',
    );
  });

  it('ignores a role saved unchanged', () => {
    expect(roleChanges(ROLE, { ...ROLE })).toEqual([]);
  });

  it('names the source a fact lost', () => {
    const n = notice(sourceRemoved('Pressekonferenz FC Nordhafen'), 'deal', DEAL.subject);
    expect(describeStale(n, 'en')).toBe(
      'The source “Pressekonferenz FC Nordhafen” was removed from the deal “Liga-Rechte SV Rotheide”.',
    );
    expect(describeStale(n, 'de')).toBe(
      'Die Quelle „Pressekonferenz FC Nordhafen“ wurde vom Deal „Liga-Rechte SV Rotheide“ entfernt.',
    );
  });
});
