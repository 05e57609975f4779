import { describe, expect, it } from 'vitest';
import { normalizeQuoteText } from '../language/quotes';
import { compareQuote } from './quoteIntegrity';

const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe('compareQuote – German', () => {
  const verified = 'Wir haben heute, trotz des Regens, verdient gewonnen.';

  it('treats typographic quote marks, dashes and no-break spaces as identical', () => {
    const r = compareQuote(
      '„Wir haben – trotz allem –\u00a0verdient gewonnen.“',
      'Wir haben - trotz allem - verdient gewonnen.',
    );
    expect(r.verdict).toBe('identical');
    expect(r.warnings).toEqual([]);
    expect(r.diff).toEqual([{ kind: 'same', text: 'Wir haben - trotz allem - verdient gewonnen' }]);
  });

  it('ignores a final full stop that became the comma before "sagte"', () => {
    expect(compareQuote('Wir haben heute, trotz des Regens, verdient gewonnen', verified).verdict).toBe(
      'identical',
    );
  });

  it('flags a quote whose wording differs by one letter as a minor deviation, never identical', () => {
    const r = compareQuote('Wir habn heute, trotz des Regens, verdient gewonnen.', verified);
    expect(r.verdict).toBe('minor_deviation');
    expect(r.warnings[0]).toMatchObject({
      code: 'quote.minor_deviation',
      severity: 'warning',
      params: { from: 'haben', to: 'habn' },
    });
    expect(r.diff).toContainEqual({ kind: 'removed', text: ' haben' });
    expect(r.diff).toContainEqual({ kind: 'added', text: ' habn' });
  });

  it('flags a case-only difference at the start as minor', () => {
    expect(compareQuote('wir haben heute, trotz des Regens, verdient gewonnen.', verified).verdict).toBe(
      'minor_deviation',
    );
  });

  it('flags a changed comma as minor', () => {
    expect(compareQuote('Wir haben heute trotz des Regens verdient gewonnen.', verified).verdict).toBe(
      'minor_deviation',
    );
  });

  it('reads omitted words at an ellipsis as shortened, without counting their commas', () => {
    const r = compareQuote('Wir haben heute … verdient gewonnen.', verified);
    expect(r.verdict).toBe('shortened');
    expect(codes(r)).toEqual(['quote.shortened']);
    expect(r.warnings[0].params.omittedWords).toBe(3);
  });

  it('reads a partial quote from the middle of the wording as an excerpt', () => {
    const r = compareQuote('„verdient gewonnen“', verified);
    expect(r.verdict).toBe('shortened');
    expect(codes(r)).toEqual(['quote.excerpt']);
  });

  it('marks a shortened quote that also has a typo with both notes', () => {
    const r = compareQuote('Wir haben heute … verdient gewonen.', verified);
    expect(r.verdict).toBe('shortened');
    expect(codes(r)).toEqual(['quote.shortened', 'quote.minor_deviation']);
  });

  it('calls a rewritten quote changed', () => {
    const r = compareQuote('Wir haben am Ende glücklich gewonnen.', verified);
    expect(r.verdict).toBe('changed');
    expect(r.warnings[0]).toMatchObject({ code: 'quote.changed', severity: 'error' });
  });

  it('calls a dropped "nicht" changed even though only one word is missing', () => {
    const r = compareQuote(
      'Wir werden Jana Kowalczyk im Sommer verkaufen.',
      'Wir werden Jana Kowalczyk im Sommer nicht verkaufen.',
    );
    expect(r.verdict).toBe('changed');
    expect(codes(r)).toContain('quote.negation_changed');
  });

  it('calls a changed number changed', () => {
    const r = compareQuote(
      'Wir wollen aus den letzten Spielen vier Punkte holen.',
      'Wir wollen aus den letzten Spielen drei Punkte holen.',
    );
    expect(r.verdict).toBe('changed');
    expect(codes(r)).toContain('quote.number_changed');
  });

  it('does not accept an excerpt that cuts off a negation', () => {
    expect(compareQuote('Wir zahlen diese Summe', 'Wir zahlen diese Summe nicht.').verdict).toBe('changed');
  });

  it('accepts at most two replaced words in a ten-word quote as minor, and calls three changed', () => {
    const ten = 'Die Mannschaft hat in dieser Saison wirklich großartig gespielt heute';
    expect(
      compareQuote('Die Mannschaft hat in dieser Saison richtig großartig gespielt heute', ten).verdict,
    ).toBe('minor_deviation');
    expect(
      compareQuote('Die Truppe hat in dieser Saison richtig großartig gespielt heute', ten).verdict,
    ).toBe('minor_deviation');
    expect(
      compareQuote('Die Truppe hat in dieser Spielzeit richtig großartig gespielt heute', ten).verdict,
    ).toBe('changed');
  });

  it('does not let a short quote pass with a replaced word', () => {
    expect(compareQuote('Wir sind glücklich', 'Wir sind zufrieden').verdict).toBe('changed');
  });

  it('rebuilds the article wording from its same and added diff parts', () => {
    const text = 'Wir habn heute … verdient gewonnen';
    const joined = compareQuote(text, verified)
      .diff.filter((p) => p.kind !== 'removed')
      .map((p) => p.text)
      .join('');
    expect(joined).toBe(normalizeQuoteText(text));
  });
});

describe('compareQuote – English', () => {
  const verified = 'We will not sell our captain, whatever the offer.';

  it('treats curly and straight quote marks alike', () => {
    expect(
      compareQuote(
        '“We will not sell our captain, whatever the offer.”',
        '"We will not sell our captain, whatever the offer."',
      ).verdict,
    ).toBe('identical');
  });

  it('flags a one-letter typo as minor', () => {
    const r = compareQuote('We will not sel our captain, whatever the offer.', verified);
    expect(r.verdict).toBe('minor_deviation');
    expect(r.warnings[0].message.en).toContain('“sel” instead of “sell”');
  });

  it('calls a dropped "not" changed', () => {
    const r = compareQuote('We will sell our captain, whatever the offer.', verified);
    expect(r.verdict).toBe('changed');
    expect(codes(r)).toEqual(['quote.changed', 'quote.negation_changed']);
  });

  it('reads "..." as an ellipsis', () => {
    expect(compareQuote('We will not sell our captain ...', verified).verdict).toBe('shortened');
  });

  it('reports an empty wording as an error', () => {
    const r = compareQuote('  ', verified);
    expect(r.verdict).toBe('changed');
    expect(codes(r)).toEqual(['quote.empty']);
  });

  it('writes every warning in both languages', () => {
    const r = compareQuote('We will sell our keeper', verified);
    for (const w of r.warnings) {
      expect(w.message.de.length).toBeGreaterThan(20);
      expect(w.message.en.length).toBeGreaterThan(20);
      expect(`${w.message.de} ${w.message.en}`).not.toMatch(/undefined|NaN/);
    }
  });
});

describe('compareQuote – counting changed words', () => {
  it('counts against the article side when the article quote is longer, and says it has the extra words', () => {
    const verified = 'Wir werden Lena Kowalczyk nicht abgeben.';
    const text =
      'Wir werden unsere Kapitänin Lena Kowalczyk ganz sicher niemals und zu keinem Preis an den FC Nordhafen abgeben.';
    const r = compareQuote(text, verified);
    const changed = r.warnings.find((w) => w.code === 'quote.changed');
    expect(changed).toBeDefined();
    const { wordChanges, comparedWords } = changed!.params as { wordChanges: number; comparedWords: number };
    expect(comparedWords).toBe(18);
    expect(wordChanges).toBeLessThanOrEqual(comparedWords);
    expect(changed!.params.longerSide).toBe('article');
    expect(changed!.message.en).toContain(`${wordChanges} of 18 words changed`);
    expect(changed!.message.en).toContain('the article has 12 more words than the verified wording');
    expect(changed!.message.de).toContain(`${wordChanges} von 18 Wörtern geändert`);
    expect(changed!.message.de).toContain('im Artikel stehen 12 Wörter mehr als im Beleg');
  });

  it('counts against the verified side when the record is longer', () => {
    const verified =
      'Wir werden unsere Kapitänin Lena Kowalczyk zu keinem Preis an den FC Nordhafen abgeben.';
    const r = compareQuote('Wir geben Lena ab.', verified);
    const changed = r.warnings.find((w) => w.code === 'quote.changed')!;
    expect(changed.params.comparedWords).toBe(14);
    expect(changed.params.longerSide).toBe('record');
    expect(changed.message.en).toContain('the verified wording has 10 more words than the article');
  });

  it('names no extra side when both have the same number of words', () => {
    const r = compareQuote('Wir sind glücklich', 'Wir sind zufrieden');
    const changed = r.warnings.find((w) => w.code === 'quote.changed')!;
    expect(changed.params.longerSide).toBe('none');
    expect(changed.message.en).toContain('1 of 3 words changed)');
  });
});

describe('compareQuote – singular and plural', () => {
  it('says "1 word", never "1 words"', () => {
    const r = compareQuote(
      'Wir haben heute verdient gewonnen',
      'Wir haben heute verdient gewonnen, sagte sie',
    );
    for (const w of r.warnings) {
      expect(w.message.en).not.toMatch(/\b1 words\b/);
      expect(w.message.de).not.toMatch(/\b1 Wörter\b/);
    }
    const one = compareQuote('Wir haben heute verdient', 'Wir haben heute verdient gewonnen.');
    expect(one.warnings[0].message.en).toContain('(1 word before or after is left out)');
    expect(one.warnings[0].message.de).toContain('(1 Wort davor oder danach fehlt)');
  });
});
