import { describe, expect, it } from 'vitest';
import type { FactRef } from '../domain/facts';
import { claimLinking, contextOf, FACTS } from './facts.fixture';
import { openWarnings, runClaimChecks, type ClaimCheck } from './warnings';

const deal = (id: string): FactRef => ({ type: 'deal', id });
const quote = (id: string): FactRef => ({ type: 'quote', id });
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

function run(paragraph: string, marked: string, links: FactRef[], lang: 'de' | 'en') {
  const context = contextOf(paragraph, marked);
  return runClaimChecks(claimLinking(links, { text: marked }), context, FACTS, lang);
}

function quoteCheck(checks: ClaimCheck[]) {
  const found = checks.find((c) => c.type === 'quote');
  if (!found || found.type !== 'quote') throw new Error('no quote check');
  return found;
}

describe('quote integrity through the linked quote', () => {
  const de = '„Wir haben lange verhandelt, aber am Ende hat alles gepast“, sagte Brandauer am Montag.';

  it('flags a German quote whose wording differs by one letter, with the word diff', () => {
    const result = run(
      de,
      '„Wir haben lange verhandelt, aber am Ende hat alles gepast“',
      [quote('q-de')],
      'de',
    );
    const check = quoteCheck(result.checks);
    expect(check.verdict).toBe('minor_deviation');
    expect(check.diff).toContainEqual({ kind: 'removed', text: ' gepasst' });
    expect(check.diff).toContainEqual({ kind: 'added', text: ' gepast' });
    expect(codes(result)).toContain('quote.minor_deviation');
    expect(result.warnings.find((w) => w.code === 'quote.minor_deviation')!.message.de).toMatch(/gepast/);
  });

  it('accepts a German quote typed with other quotation marks and a trailing comma as identical', () => {
    const text =
      '„Wir haben lange verhandelt, aber am Ende hat alles gepasst“, sagte Geschäftsführer Till Brandauer.';
    const result = run(
      text,
      '„Wir haben lange verhandelt, aber am Ende hat alles gepasst“',
      [quote('q-de')],
      'de',
    );
    expect(quoteCheck(result.checks).verdict).toBe('identical');
    expect(result.warnings).toEqual([]);
  });

  it('finds the quote inside a mark that also covers its attribution', () => {
    const text = '“We never stopped believing in this squad,” said Jana Kowalczyk.';
    const result = run(text, text, [quote('q-en')], 'en');
    expect(quoteCheck(result.checks)).toMatchObject({
      verdict: 'identical',
      textWording: 'We never stopped believing in this squad,',
    });
  });

  it('classifies an English quote with a dropped negation as changed', () => {
    const text = '“We stopped believing in this squad,” said Jana Kowalczyk.';
    const result = run(text, '“We stopped believing in this squad,”', [quote('q-en')], 'en');
    expect(quoteCheck(result.checks).verdict).toBe('changed');
    expect(codes(result)).toContain('quote.changed');
  });
});

describe('speaker and role of a linked quote', () => {
  it('accepts the speaker named after the quote with "sagte" and his role at the time', () => {
    const text =
      '„Wir haben lange verhandelt, aber am Ende hat alles gepasst“, sagte Almentals Geschäftsführer Till Brandauer.';
    const result = run(
      text,
      '„Wir haben lange verhandelt, aber am Ende hat alles gepasst“',
      [quote('q-de')],
      'de',
    );
    expect(result.checks.find((c) => c.type === 'speaker')).toMatchObject({
      attributedName: 'Till Brandauer',
    });
    expect(codes(result).filter((c) => c.startsWith('speaker.'))).toEqual([]);
  });

  it('accepts an attribution with a colon before the quote', () => {
    const text = 'Brandauer: „Wir haben lange verhandelt, aber am Ende hat alles gepasst.“';
    const result = run(
      text,
      '„Wir haben lange verhandelt, aber am Ende hat alles gepasst.“',
      [quote('q-de')],
      'de',
    );
    expect(codes(result).filter((c) => c.startsWith('speaker.'))).toEqual([]);
  });

  it('flags a German quote attributed to someone else with "so"', () => {
    const text = '„Wir haben lange verhandelt, aber am Ende hat alles gepasst“, so Kowalczyk.';
    const result = run(
      text,
      '„Wir haben lange verhandelt, aber am Ende hat alles gepasst“',
      [quote('q-de')],
      'de',
    );
    expect(codes(result)).toContain('speaker.name_mismatch');
  });

  it('flags an English quote attributed to the wrong person with "said"', () => {
    const text = '“We never stopped believing in this squad,” said Till Brandauer.';
    const result = run(text, '“We never stopped believing in this squad,”', [quote('q-en')], 'en');
    expect(codes(result)).toContain('speaker.name_mismatch');
  });

  it('flags a role the speaker never held ("captain" for a managing director)', () => {
    const text = '“We never stopped believing in this squad,” Almental captain Till Brandauer said.';
    const result = runClaimChecks(
      claimLinking([quote('q-en')]),
      contextOf(text, '“We never stopped believing in this squad,”'),
      { ...FACTS, quotes: [{ ...FACTS.quotes[1], speakerId: 'e-brandauer' }] },
      'en',
    );
    expect(codes(result)).toContain('speaker.role_mismatch');
    expect(codes(result)).not.toContain('speaker.name_mismatch');
  });

  it('does not judge a quote attributed only to a pronoun', () => {
    const text = '„Wir haben lange verhandelt, aber am Ende hat alles gepasst“, sagte er.';
    const result = run(
      text,
      '„Wir haben lange verhandelt, aber am Ende hat alles gepasst“',
      [quote('q-de')],
      'de',
    );
    expect(result.checks.some((c) => c.type === 'speaker')).toBe(false);
    expect(codes(result).filter((c) => c.startsWith('speaker.'))).toEqual([]);
  });
});

describe('amounts against a linked deal', () => {
  const de = 'Strivo zahlt dem SV Rotheide sieben Millionen Euro für die Übertragungsrechte.';

  it('matches "sieben Millionen Euro" with a deal of €7,000,000', () => {
    const result = run(de, 'sieben Millionen Euro', [deal('d-7m')], 'de');
    expect(result.checks).toContainEqual({
      type: 'amount',
      factId: 'd-7m',
      verdict: 'match',
      inText: 'sieben Millionen Euro',
    });
    expect(result.warnings).toEqual([]);
  });

  it('flags "sieben Millionen Euro" against a deal of €12,000,000 and explains it in both languages', () => {
    const result = run(de, 'sieben Millionen Euro', [deal('d-12m')], 'de');
    expect(result.checks).toContainEqual({
      type: 'amount',
      factId: 'd-12m',
      verdict: 'mismatch',
      inText: 'sieben Millionen Euro',
    });
    const warning = result.warnings.find((w) => w.code === 'amount.mismatch')!;
    expect(warning.key).toBe('amount.mismatch/deal:d-12m');
    expect(warning.message.de).toMatch(/12\.000\.000/);
    expect(warning.message.en).toMatch(/12,000,000/);
  });

  it('matches an English "€7m" and flags "$7m" as another currency', () => {
    const en = 'Strivo pays Rotheide €7m a season.';
    expect(run(en, '€7m', [deal('d-7m')], 'en').checks).toContainEqual({
      type: 'amount',
      factId: 'd-7m',
      verdict: 'match',
      inText: '€7m',
    });
    const dollars = run('Strivo pays Rotheide $7m a season.', '$7m', [deal('d-7m')], 'en');
    expect(codes(dollars)).toContain('amount.currency_mismatch');
  });

  it('says so when the marked text holds no amount at all', () => {
    const result = run(de, 'Strivo zahlt dem SV Rotheide', [deal('d-7m')], 'de');
    expect(codes(result)).toEqual(['amount.not_found']);
  });

  it('keeps one warning per deal when a claim links two deals', () => {
    const result = run(de, 'sieben Millionen Euro', [deal('d-7m'), deal('d-12m')], 'de');
    expect(result.warnings.map((w) => w.key)).toEqual(['amount.mismatch/deal:d-12m']);
  });
});

describe('hedging against the status of the linked fact', () => {
  it('notes a German hedge around a confirmed deal', () => {
    const text = 'Strivo soll dem SV Rotheide sieben Millionen Euro gezahlt haben.';
    const result = run(text, 'sieben Millionen Euro', [deal('d-7m')], 'de');
    expect(codes(result)).toEqual(['hedging.unneeded_hedge']);
  });

  it('warns when English copy states a rumoured transfer as fact', () => {
    const text = 'Almental pays Rotheide about €2.5m for the striker.';
    const result = run(text, 'about €2.5m', [deal('d-rumour')], 'en');
    expect(codes(result)).toContain('hedging.stated_as_fact');
  });

  it('accepts a rumoured transfer reported with "reportedly"', () => {
    const text = 'Almental reportedly pays Rotheide about €2.5m for the striker.';
    const result = run(text, 'about €2.5m', [deal('d-rumour')], 'en');
    expect(codes(result)).toEqual([]);
  });

  it('does not read a hedge from another sentence of the paragraph', () => {
    const text = 'Angeblich war das Stadion voll. Strivo zahlt dem SV Rotheide sieben Millionen Euro.';
    const result = run(text, 'sieben Millionen Euro', [deal('d-7m')], 'de');
    expect(codes(result)).toEqual([]);
  });
});

describe('links and dismissals', () => {
  it('reports a linked fact that is no longer in the store', () => {
    const result = run('Ein Satz.', 'Ein Satz.', [deal('d-gone')], 'de');
    expect(codes(result)).toEqual(['link.missing_fact']);
  });

  it('warns about a verified claim without any link, but not about an unchecked one', () => {
    const context = contextOf('Rotheide ist Tabellenführer.', 'Tabellenführer');
    expect(codes(runClaimChecks(claimLinking([], { status: 'verified' }), context, FACTS, 'de'))).toEqual([
      'claim.verified_without_facts',
    ]);
    expect(codes(runClaimChecks(claimLinking([], { status: 'unchecked' }), context, FACTS, 'de'))).toEqual(
      [],
    );
  });

  it('hides only the dismissed finding, keeping the same code for another linked fact', () => {
    const de = 'Strivo zahlt sieben Millionen Euro.';
    const result = runClaimChecks(
      claimLinking([deal('d-12m'), { type: 'deal', id: 'd-15m' }]),
      contextOf(de, 'sieben Millionen Euro'),
      { ...FACTS, deals: [...FACTS.deals, { ...FACTS.deals[1], id: 'd-15m', amountMinor: 1_500_000_000 }] },
      'de',
    );
    expect(result.warnings.map((w) => w.key)).toEqual([
      'amount.mismatch/deal:d-12m',
      'amount.mismatch/deal:d-15m',
    ]);
    const open = openWarnings(result.warnings, {
      dismissedWarnings: [
        {
          code: 'amount.mismatch/deal:d-12m',
          reason: 'Pokal separat',
          checker: 'Erika',
          at: '2026-11-24T10:00:00Z',
        },
      ],
    });
    expect(open.map((w) => w.key)).toEqual(['amount.mismatch/deal:d-15m']);
  });
});
