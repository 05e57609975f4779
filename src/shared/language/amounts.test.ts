import { describe, expect, it } from 'vitest';
import { formatAmountMinor, parseAmounts, parseDigitNumber, parseNumberWord } from './amounts';

function only(text: string, lang?: 'de' | 'en') {
  const found = parseAmounts(text, lang);
  expect(found, `expected exactly one amount in "${text}"`).toHaveLength(1);
  return found[0];
}

describe('parseAmounts – German', () => {
  it('reads a number word with scale and currency word', () => {
    const a = only('Strivo zahlt dem SV Rotheide sieben Millionen Euro für die Rechte.', 'de');
    expect(a).toMatchObject({
      text: 'sieben Millionen Euro',
      value: 7_000_000,
      currency: 'EUR',
      precision: 'exact',
    });
  });

  it('reports offsets that cut the amount out of the original text', () => {
    const text = 'Die Ablöse lag bei 7 Mio. € und wurde sofort fällig.';
    const a = only(text, 'de');
    expect(text.slice(a.start, a.end)).toBe('7 Mio. €');
    expect(a.text).toBe('7 Mio. €');
  });

  it('reads "7 Millionen €" and "7,5 Mio. Euro" with a decimal comma', () => {
    expect(only('7 Millionen €', 'de')).toMatchObject({ value: 7_000_000, currency: 'EUR' });
    expect(only('Der Vertrag bringt 7,5 Mio. Euro.', 'de')).toMatchObject({
      value: 7_500_000,
      currency: 'EUR',
    });
  });

  it('reads "1,2 Milliarden Euro" as 1.2 billion', () => {
    expect(only('Der Rechtevertrag ist 1,2 Milliarden Euro wert.', 'de').value).toBe(1_200_000_000);
  });

  it('reads dotted thousands separators "5.000.000 €"', () => {
    expect(only('Es flossen 5.000.000 € an den FC Almental.', 'de')).toMatchObject({
      value: 5_000_000,
      currency: 'EUR',
    });
  });

  it('reads plain-space thousands "800 000 Euro" but keeps "2023 12 Millionen" apart', () => {
    expect(only('Der Klub kassierte 800 000 Euro.', 'de')).toMatchObject({
      text: '800 000 Euro',
      value: 800_000,
    });
    expect(only('Im Jahr 2023 12 Millionen Euro', 'de')).toMatchObject({
      text: '12 Millionen Euro',
      value: 12e6,
    });
  });

  it('returns a scaled amount without currency as currency null', () => {
    expect(only('Der Klub soll rund zwölf Millionen gezahlt haben.', 'de')).toMatchObject({
      text: 'rund zwölf Millionen',
      value: 12_000_000,
      currency: null,
      precision: 'approximately',
    });
  });

  it.each([
    ['rund', 'rund 7 Mio. Euro'],
    ['etwa', 'etwa 7 Mio. Euro'],
    ['knapp', 'knapp 7 Mio. Euro'],
    ['circa', 'circa 7 Mio. Euro'],
    ['ca.', 'ca. 7 Mio. Euro'],
    ['gut', 'gut 7 Mio. Euro'],
  ])('marks "%s" as approximately', (_word, text) => {
    const a = only(`Die Summe lag bei ${text}.`, 'de');
    expect(a.precision).toBe('approximately');
    expect(a.text).toBe(text);
  });

  it('reads "zwischen fünf und sieben Millionen Euro" as a range', () => {
    expect(only('Die Ablöse liegt zwischen fünf und sieben Millionen Euro.', 'de')).toMatchObject({
      precision: 'range',
      value: 5_000_000,
      min: 5_000_000,
      max: 7_000_000,
      currency: 'EUR',
    });
  });

  it('reads "5 bis 7 Mio. Euro" as a range', () => {
    expect(only('Im Gespräch sind 5 bis 7 Mio. Euro.', 'de')).toMatchObject({
      precision: 'range',
      min: 5e6,
      max: 7e6,
    });
  });

  it('does not turn "bis 2027" after an amount into a range', () => {
    expect(only('Strivo zahlt 7 Millionen Euro bis 2027.', 'de')).toMatchObject({
      precision: 'exact',
      value: 7e6,
    });
  });

  it('reads "mindestens" and "über" as at_least', () => {
    expect(only('mindestens drei Millionen', 'de')).toMatchObject({
      precision: 'at_least',
      min: 3e6,
      currency: null,
    });
    expect(only('Die Rechte kosten über zwei Millionen.', 'de')).toMatchObject({
      precision: 'at_least',
      value: 2e6,
    });
  });

  it('reads "bis zu" as at_most', () => {
    expect(only('Boni von bis zu 4 Mio. Euro sind möglich.', 'de')).toMatchObject({
      precision: 'at_most',
      max: 4e6,
    });
  });

  it('reads halves: "eine halbe Million Euro", "anderthalb", "zweieinhalb Millionen"', () => {
    expect(only('eine halbe Million Euro', 'de').value).toBe(500_000);
    expect(only('anderthalb Millionen', 'de').value).toBe(1_500_000);
    expect(only('zweieinhalb Millionen', 'de').value).toBe(2_500_000);
  });

  it('reads German compound number words', () => {
    expect(only('Das Handgeld betrug dreihundertfünfzigtausend Euro.', 'de')).toMatchObject({
      value: 350_000,
    });
    expect(only('zweiundzwanzig Millionen', 'de').value).toBe(22_000_000);
    expect(only('zwei Millionen fünfhunderttausend Euro', 'de').value).toBe(2_500_000);
  });

  it('reads a hyphenated compound "Sieben-Millionen-Euro-Angebot"', () => {
    expect(only('Das Sieben-Millionen-Euro-Angebot lehnte Rotheide ab.', 'de')).toMatchObject({
      text: 'Sieben-Millionen-Euro',
      value: 7e6,
    });
  });

  it('reads Swiss francs before and after the number', () => {
    expect(only('CHF 3 Mio.', 'de')).toMatchObject({ currency: 'CHF', value: 3e6 });
    expect(only('3 Mio. Schweizer Franken', 'de')).toMatchObject({
      currency: 'CHF',
      text: '3 Mio. Schweizer Franken',
    });
  });

  it('finds several amounts in order', () => {
    const found = parseAmounts('Erst knapp 3 Mio. Euro, dann ca. 2 Mio. € Nachschlag.', 'de');
    expect(found.map((a) => [a.text, a.value])).toEqual([
      ['knapp 3 Mio. Euro', 3e6],
      ['ca. 2 Mio. €', 2e6],
    ]);
  });

  it('ignores years, seasons, dates, scores and plain counts', () => {
    expect(
      parseAmounts(
        'In der Saison 2023/24 gewann Almental am 3. März 2:1 und blieb sieben Spiele ungeschlagen.',
        'de',
      ),
    ).toEqual([]);
    expect(parseAmounts('Seit 2024 spielt Jana Kowalczyk in Rotheide.', 'de')).toEqual([]);
  });

  it('ignores a scaled head count such as "zwölf Millionen Zuschauer"', () => {
    expect(parseAmounts('Das Finale sahen zwölf Millionen Zuschauer.', 'de')).toEqual([]);
  });

  it('keeps a scaled amount followed by a money noun such as "Ablöse"', () => {
    expect(only('Rotheide kassiert zwölf Millionen Ablöse.', 'de').value).toBe(12e6);
  });
});

describe('parseAmounts – English', () => {
  it('reads "€7m" and "€7.5m"', () => {
    expect(only('Almental paid a fee of €7m.', 'en')).toMatchObject({
      text: '€7m',
      value: 7e6,
      currency: 'EUR',
    });
    expect(only('a deal worth €7.5m', 'en').value).toBe(7_500_000);
  });

  it('reads "seven million euros"', () => {
    expect(only('Strivo paid seven million euros for the series.', 'en')).toMatchObject({
      value: 7e6,
      currency: 'EUR',
    });
  });

  it('reads "£100 million" and "$3bn"', () => {
    expect(only('a £100 million contract', 'en')).toMatchObject({ value: 1e8, currency: 'GBP' });
    expect(only('the $3bn rights package', 'en')).toMatchObject({ value: 3e9, currency: 'USD' });
  });

  it('reads comma thousands separators "€5,000,000"', () => {
    expect(only('The club received €5,000,000.', 'en').value).toBe(5_000_000);
  });

  it('reads "more than €2m" as at_least and "up to £4m" as at_most', () => {
    expect(only('more than €2m', 'en')).toMatchObject({ precision: 'at_least', min: 2e6 });
    expect(only('bonuses of up to £4m', 'en')).toMatchObject({
      precision: 'at_most',
      max: 4e6,
      currency: 'GBP',
    });
  });

  it.each(['about', 'around', 'roughly', 'nearly'])('marks "%s" as approximately', (word) => {
    expect(only(`${word} €7m`, 'en').precision).toBe('approximately');
  });

  it('reads "twenty-two million" and "one hundred and fifty thousand euros"', () => {
    expect(only('twenty-two million', 'en').value).toBe(22e6);
    expect(only('one hundred and fifty thousand euros', 'en').value).toBe(150_000);
  });

  it('reads "two and a half million pounds" and "half a million dollars"', () => {
    expect(only('two and a half million pounds', 'en')).toMatchObject({ value: 2.5e6, currency: 'GBP' });
    expect(only('half a million dollars', 'en')).toMatchObject({ value: 5e5, currency: 'USD' });
  });

  it('reads ranges "between £5m and £7m" and "€5-7m"', () => {
    expect(only('between £5m and £7m', 'en')).toMatchObject({
      precision: 'range',
      min: 5e6,
      max: 7e6,
      currency: 'GBP',
    });
    expect(only('a fee of €5-7m', 'en')).toMatchObject({
      precision: 'range',
      min: 5e6,
      max: 7e6,
      currency: 'EUR',
    });
  });

  it('reads "US$4m" as US dollars', () => {
    expect(only('US$4m', 'en')).toMatchObject({ currency: 'USD', value: 4e6 });
  });

  it('ignores "three-part series", years and bare metres', () => {
    expect(parseAmounts('Strivo commissioned a three-part series in 2024.', 'en')).toEqual([]);
    expect(parseAmounts('He scored from 7m away.', 'en')).toEqual([]);
  });

  it('ignores "twelve million viewers"', () => {
    expect(parseAmounts('The final drew twelve million viewers.', 'en')).toEqual([]);
  });
});

describe('parseDigitNumber', () => {
  it('follows the language for a single ambiguous separator', () => {
    expect(parseDigitNumber('1.250', 'de')).toBe(1250);
    expect(parseDigitNumber('1.250', 'en')).toBe(1.25);
    expect(parseDigitNumber('1,250', 'de')).toBe(1.25);
    expect(parseDigitNumber('1,250', 'en')).toBe(1250);
  });

  it('reads mixed separators by the last one as decimal and rejects dates', () => {
    expect(parseDigitNumber('1.234.567,89')).toBe(1234567.89);
    expect(parseDigitNumber('1,234,567.89')).toBe(1234567.89);
    expect(parseDigitNumber('1.5.2024')).toBeNull();
  });
});

describe('parseNumberWord', () => {
  it('reads German and English words', () => {
    expect(parseNumberWord('dreihundertfünfzigtausend')).toBe(350_000);
    expect(parseNumberWord('zweiundzwanzig', 'de')).toBe(22);
    expect(parseNumberWord('dreißig')).toBe(30);
    expect(parseNumberWord('twenty-two', 'en')).toBe(22);
    expect(parseNumberWord('eineinhalb')).toBe(1.5);
  });

  it('rejects words that only look like numbers', () => {
    expect(parseNumberWord('Grund')).toBeNull();
    expect(parseNumberWord('three-part')).toBeNull();
    expect(parseNumberWord('zweiundzwanzig', 'en')).toBeNull();
  });
});

describe('formatAmountMinor', () => {
  it('formats German with the euro sign after a no-break space', () => {
    expect(formatAmountMinor(500_000_000, 'EUR', 'de')).toBe('5.000.000\u00a0€');
  });

  it('formats English with the symbol in front', () => {
    expect(formatAmountMinor(500_000_000, 'EUR', 'en')).toBe('€5,000,000');
    expect(formatAmountMinor(1_000_050, 'GBP', 'en')).toBe('£10,000.50');
  });
});
