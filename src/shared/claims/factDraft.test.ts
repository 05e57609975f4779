import { describe, expect, it } from 'vitest';
import { dealFromClaim, quoteFromClaim } from './factDraft';
import { contextOf } from './facts.fixture';

describe('a new fact pre-filled from a claim', () => {
  it('takes a German quote’s words and its speaker, without the comma before "sagte"', () => {
    const p = '„Wir bleiben zusammen,“ sagte Kapitänin Jana Kowalczyk am Dienstag.';
    expect(quoteFromClaim(contextOf(p, '„Wir bleiben zusammen,“'), 'de')).toEqual({
      wording: 'Wir bleiben zusammen',
      language: 'de',
      speakerName: 'Jana Kowalczyk',
    });
  });

  it('keeps an English quote’s full stop and finds a speaker named after "said"', () => {
    const p = 'Till Brandauer said: “It was a fair price.”';
    expect(quoteFromClaim(contextOf(p, '“It was a fair price.”'), 'en')).toEqual({
      wording: 'It was a fair price.',
      language: 'en',
      speakerName: 'Till Brandauer',
    });
  });

  it('reads a German amount with its precision for the deal form', () => {
    const p = 'Strivo zahlt dem SV Rotheide rund sieben Millionen Euro.';
    expect(dealFromClaim(contextOf(p, 'rund sieben Millionen Euro'), 'de')).toEqual({
      subject: p,
      amount: '7.000.000',
      currency: 'EUR',
      precision: 'approximately',
    });
  });

  it('reads an English amount and leaves the amount empty when there is none', () => {
    const p = 'Strivo pays Rotheide £7.5m a season.';
    expect(dealFromClaim(contextOf(p, '£7.5m'), 'en')).toMatchObject({
      amount: '7,500,000',
      currency: 'GBP',
      precision: 'exact',
    });
    expect(dealFromClaim(contextOf('Strivo zahlt dem Verein.', 'zahlt'), 'de')).toMatchObject({
      amount: '',
      currency: null,
    });
  });
});
