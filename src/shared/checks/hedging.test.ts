import { describe, expect, it } from 'vitest';
import type { Deal, DealStatus, Quote, QuoteStatus } from '../domain/facts';
import { checkHedging } from './hedging';

const deal = (status: DealStatus): Deal => ({
  id: 'd-1',
  kind: 'documentary_access',
  payerId: 'c-strivo',
  payeeId: 'c-rotheide',
  subject: 'Doku-Serie',
  amountMinor: 700_000_000,
  amountMaxMinor: null,
  currency: 'EUR',
  precision: 'exact',
  dateFrom: null,
  dateTo: null,
  status,
  reportedById: null,
  notes: null,
});

const quote = (status: QuoteStatus): Quote => ({
  id: 'q-1',
  speakerId: 'p-kowalczyk',
  roleAtTime: 'Kapitänin',
  wording: 'Wir werden nicht verkaufen.',
  language: 'de',
  date: '2024-05-02',
  occasion: 'interview',
  translationOfId: null,
  status,
  notes: null,
});

const codes = (ws: { code: string }[]) => ws.map((w) => w.code);
const claim = 'sieben Millionen Euro';

describe('checkHedging – German', () => {
  it('says nothing when a confirmed deal is stated plainly', () => {
    expect(
      checkHedging(
        claim,
        'Strivo zahlte dem SV Rotheide sieben Millionen Euro.',
        deal('confirmed'),
        null,
        'de',
      ),
    ).toEqual([]);
  });

  it('notes an unneeded hedge on a confirmed deal', () => {
    const ws = checkHedging(
      claim,
      'Strivo soll dem SV Rotheide sieben Millionen Euro gezahlt haben.',
      deal('confirmed'),
      null,
      'de',
    );
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({
      code: 'hedging.unneeded_hedge',
      severity: 'info',
      params: { fact: 'deal', status: 'confirmed' },
    });
    expect(ws[0].message.de).toContain('der Deal bestätigt ist');
  });

  it('warns when a reported deal is stated as fact', () => {
    const ws = checkHedging(
      claim,
      'Strivo zahlte dem SV Rotheide sieben Millionen Euro.',
      deal('reported'),
      null,
      'de',
    );
    expect(ws[0]).toMatchObject({ code: 'hedging.stated_as_fact', severity: 'warning' });
  });

  it('does not take "soll morgen entscheiden" for a hedge', () => {
    const ws = checkHedging(
      claim,
      'Rotheide soll morgen über sieben Millionen Euro entscheiden.',
      deal('rumoured'),
      null,
      'de',
    );
    expect(codes(ws)).toEqual(['hedging.stated_as_fact']);
  });

  it('accepts a reported deal with "laut …"', () => {
    expect(
      checkHedging(
        claim,
        'Laut Almentaler Bote zahlte Strivo sieben Millionen Euro.',
        deal('reported'),
        null,
        'de',
      ),
    ).toEqual([]);
  });

  it('reports a denied deal stated as fact as an error', () => {
    const ws = checkHedging(claim, 'Strivo zahlte sieben Millionen Euro.', deal('denied'), null, 'de');
    expect(ws[0]).toMatchObject({ code: 'hedging.denied_stated_as_fact', severity: 'error' });
  });

  it('warns when a denied deal is hedged but the denial is not mentioned', () => {
    const ws = checkHedging(
      claim,
      'Strivo soll sieben Millionen Euro gezahlt haben.',
      deal('denied'),
      null,
      'de',
    );
    expect(codes(ws)).toEqual(['hedging.denial_not_mentioned']);
  });

  it('accepts a denied deal when the text reports the denial', () => {
    const context = 'Strivo soll sieben Millionen Euro gezahlt haben, was der Streamer jedoch dementierte.';
    expect(checkHedging(claim, context, deal('withdrawn'), null, 'de')).toEqual([]);
  });

  it('also looks for hedges in the claim when the context does not contain it', () => {
    expect(
      checkHedging('angeblich sieben Millionen', 'Das war viel Geld.', deal('rumoured'), null, 'de'),
    ).toEqual([]);
  });
});

describe('checkHedging – English', () => {
  it('accepts a rumoured deal with "reportedly" and warns without it', () => {
    expect(checkHedging('€7m', 'Strivo reportedly paid €7m.', deal('rumoured'), null, 'en')).toEqual([]);
    expect(codes(checkHedging('€7m', 'Strivo paid €7m.', deal('rumoured'), null, 'en'))).toEqual([
      'hedging.stated_as_fact',
    ]);
  });

  it('notes "allegedly" on a confirmed deal', () => {
    const ws = checkHedging('€7m', 'Strivo allegedly paid €7m.', deal('confirmed'), null, 'en');
    expect(ws[0].message.en).toBe(
      'The text hedges with “allegedly” although the deal is confirmed; the hedge can go.',
    );
  });

  it('warns about a disputed quote stated plainly and errs on a retracted one', () => {
    const ctx = '"We will not sell," said Kowalczyk.';
    expect(codes(checkHedging('We will not sell', ctx, null, quote('disputed'), 'en'))).toEqual([
      'hedging.stated_as_fact',
    ]);
    expect(codes(checkHedging('We will not sell', ctx, null, quote('retracted'), 'en'))).toEqual([
      'hedging.denied_stated_as_fact',
    ]);
  });

  it('accepts a retracted quote when the text says it was retracted', () => {
    const ctx = '"We will not sell," Kowalczyk said, a remark she later retracted.';
    expect(checkHedging('We will not sell', ctx, null, quote('retracted'), 'en')).toEqual([]);
  });

  it('checks deal and quote separately and returns nothing without facts', () => {
    const ctx = 'Strivo paid €7m.';
    expect(codes(checkHedging('€7m', ctx, deal('reported'), quote('verified'), 'en'))).toEqual([
      'hedging.stated_as_fact',
    ]);
    expect(checkHedging('€7m', ctx, null, null, 'en')).toEqual([]);
  });
});
