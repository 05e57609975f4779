import { describe, expect, it } from 'vitest';
import { isRealIsoDate } from './facts';
import { dealInput, entityInput, quoteInput, roleInput, sourceInput } from './fact-inputs';

const problems = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')} ${i.message}`));

const deal = {
  kind: 'broadcast_rights',
  payerId: 'ent-strivo',
  payeeId: 'ent-rotheide',
  subject: 'Streaming rights, season 2026/27',
  amountMinor: 500_000_000,
  currency: 'EUR',
  precision: 'exact',
  status: 'reported',
};

describe('fact inputs', () => {
  // Found by the IPC fuzz (tests/hardening): a name of one NUL reached the store's CHECK and came back as "internal".
  it('refuses required text containing a NUL character, naming the field', () => {
    expect(problems(entityInput.safeParse({ kind: 'club', name: '\u0000' }))).toEqual([
      'name must not contain a NUL character',
    ]);
    expect(problems(entityInput.safeParse({ kind: 'club', name: 'SV\u0000Rotheide' }))).toEqual([
      'name must not contain a NUL character',
    ]);
  });

  it('accepts a complete deal and fills the fields left out with null', () => {
    const parsed = dealInput.parse(deal);
    expect(parsed).toMatchObject({ amountMaxMinor: null, dateFrom: null, reportedById: null, notes: null });
  });

  it('names the field when the amount is not a number', () => {
    expect(problems(dealInput.safeParse({ ...deal, amountMinor: 'five' }))).toEqual([
      'amountMinor must be a number',
    ]);
    expect(problems(dealInput.safeParse({ ...deal, amountMinor: 12.5 }))).toEqual([
      'amountMinor must be a whole number of minor units (cents)',
    ]);
  });

  it('refuses a currency that is not an ISO code', () => {
    expect(problems(dealInput.safeParse({ ...deal, currency: 'Euro' }))).toEqual([
      'currency must be an ISO 4217 currency code such as EUR',
    ]);
    expect(problems(dealInput.safeParse({ ...deal, currency: 'XQZ' }))).toEqual([
      'currency must be an ISO 4217 currency code such as EUR',
    ]);
  });

  it('requires payer and payee to differ', () => {
    expect(problems(dealInput.safeParse({ ...deal, payeeId: 'ent-strivo' }))).toEqual([
      'payeeId must differ from the payer (payer and payee must differ)',
    ]);
  });

  it('checks that the amount fits the precision', () => {
    expect(problems(dealInput.safeParse({ ...deal, precision: 'range' }))).toEqual([
      'amountMaxMinor must be a number for a range',
    ]);
    expect(problems(dealInput.safeParse({ ...deal, precision: 'range', amountMaxMinor: 100 }))).toEqual([
      'amountMaxMinor must not be below the lower amount',
    ]);
    expect(problems(dealInput.safeParse({ ...deal, precision: 'undisclosed' }))).toEqual([
      'amountMinor must be empty when the amount is undisclosed',
    ]);
    expect(
      problems(dealInput.safeParse({ ...deal, amountMinor: null, currency: null, precision: 'undisclosed' })),
    ).toEqual([]);
    expect(problems(dealInput.safeParse({ ...deal, amountMinor: null }))).toEqual([
      'amountMinor must be a number',
    ]);
  });

  it('agrees with isRealIsoDate on every day of a leap year, a common year and a century year', () => {
    for (const year of [2024, 2025, 1900, 2000, 50])
      for (let m = 1; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const v = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(dealInput.safeParse({ ...deal, dateFrom: v }).success, v).toBe(isRealIsoDate(v));
        }
  });

  it('refuses a date that does not exist and a period that ends before it starts', () => {
    expect(problems(dealInput.safeParse({ ...deal, dateFrom: '2025-02-30' }))).toEqual([
      'dateFrom must be a real date (YYYY-MM-DD)',
    ]);
    expect(problems(dealInput.safeParse({ ...deal, dateFrom: '2025-07-01', dateTo: '2025-06-30' }))).toEqual([
      'dateTo must not be before the start date',
    ]);
  });

  it('reports a field nobody knows instead of dropping it', () => {
    expect(problems(dealInput.safeParse({ ...deal, ammount: 5 }))).toEqual([' Unrecognized key: "ammount"']);
  });

  it('trims text, turns empty optional text into null and removes duplicate aliases', () => {
    expect(
      entityInput.parse({
        kind: 'club',
        name: '  SV Rotheide ',
        aliases: ['SVR', 'SVR', 'Die Roten'],
        note: '',
      }),
    ).toEqual({
      kind: 'club',
      name: 'SV Rotheide',
      aliases: ['SVR', 'Die Roten'],
      note: null,
    });
    expect(problems(entityInput.safeParse({ kind: 'club', name: '   ' }))).toEqual([
      'name must not be empty',
    ]);
  });

  it('checks quote language codes and role periods', () => {
    expect(
      problems(
        quoteInput.safeParse({
          speakerId: 'p',
          wording: 'Wir bleiben.',
          language: 'German',
          occasion: 'interview',
          status: 'verified',
        }),
      ),
    ).toEqual(['language must be a language code such as de or en']);
    expect(
      problems(
        roleInput.safeParse({ personId: 'p', title: 'Kapitänin', from: '2024-07-01', to: '2023-06-30' }),
      ),
    ).toEqual(['to must not be before the start date']);
  });

  it('accepts only web addresses as source URLs', () => {
    expect(
      problems(sourceInput.safeParse({ kind: 'web_page', title: 'Bericht', url: 'javascript:alert(1)' })),
    ).toEqual(['url must be a web address starting with http:// or https://']);
    expect(
      problems(sourceInput.safeParse({ kind: 'web_page', title: 'Bericht', url: 'https://example.org/a' })),
    ).toEqual([]);
  });
});
