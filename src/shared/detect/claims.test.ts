import { describe, expect, it } from 'vitest';
import { detect } from './detect';
import type { SuggestionKind } from './types';

const of = (kind: SuggestionKind, text: string, lang: 'de' | 'en') =>
  detect(text, { lang }).filter((s) => s.kind === kind);
const texts = (kind: SuggestionKind, text: string, lang: 'de' | 'en') =>
  of(kind, text, lang).map((s) => s.text);

describe('amounts', () => {
  it('reads a German amount in words as major units with its currency', () => {
    expect(of('amount', 'Strivo zahlt sieben Millionen Euro.', 'de')).toMatchObject([
      { value: 7_000_000, currency: 'EUR' },
    ]);
  });

  it('reads English shorthand amounts', () => {
    expect(of('amount', 'Rotheide paid €7.5m, Almental £300,000.', 'en')).toMatchObject([
      { value: 7_500_000, currency: 'EUR' },
      { value: 300_000, currency: 'GBP' },
    ]);
  });

  it('does not take a year for an amount', () => {
    expect(of('amount', 'Seit 2019 spielt Brehm für Rotheide, im Jahr 2023 wurde er Kapitän.', 'de')).toEqual(
      [],
    );
    expect(of('amount', 'The deal was agreed in 2024 and runs until 2027.', 'en')).toEqual([]);
  });

  it('does not take an audience figure for money', () => {
    expect(of('amount', 'Das Finale sahen 1,2 Millionen Zuschauer, der Deal kostete viel.', 'de')).toEqual(
      [],
    );
  });

  it('ignores amounts inside a quote, which is checked as a whole', () => {
    expect(of('amount', '„Wir haben zehn Millionen Euro bezahlt“, sagte Brehm.', 'de')).toEqual([]);
  });
});

describe('deal parties', () => {
  it('takes the subject of zahlen as payer and a dative as payee', () => {
    expect(
      of('amount', 'Der Streamingdienst Strivo zahlt dem SV Rotheide sieben Millionen Euro.', 'de')[0],
    ).toMatchObject({
      payer: 'Strivo',
      payee: 'SV Rotheide',
    });
  });

  it('turns kassieren round: the subject is paid', () => {
    expect(
      of('amount', 'Der TSV Kellerbach kassiert von Almental zwei Millionen Euro.', 'de')[0],
    ).toMatchObject({
      payee: 'TSV Kellerbach',
      payer: 'Almental',
    });
  });

  it('makes the destination of a transfer the payer and the origin the payee', () => {
    expect(
      of('amount', 'Für 250.000 Euro wechselt Mia Lindqvist vom FC Seeblick zum SV Rotheide.', 'de')[0],
    ).toMatchObject({
      payer: 'SV Rotheide',
      payee: 'FC Seeblick',
    });
  });

  it('reads English "X paid Y" and "X sold … to Y"', () => {
    expect(of('amount', 'Strivo paid Rotheide €7m for the rights.', 'en')[0]).toMatchObject({
      payer: 'Strivo',
      payee: 'Rotheide',
    });
    expect(of('amount', 'Rotheide sold Lukas Brandl to Almental for €3m.', 'en')[0]).toMatchObject({
      payee: 'Rotheide',
      payer: 'Almental',
    });
  });

  it('uses entity names and aliases when they are given', () => {
    const entities = [
      { id: 'k', name: 'Kanalwerk Media', aliases: ['Kanalwerk'], kind: 'broadcaster' },
      { id: 'l', name: 'Liga Nord', aliases: ['Liga'], kind: 'competition' },
    ];
    const [amount] = detect('Kanalwerk überweist der Liga 90 Millionen Euro.', {
      lang: 'de',
      entities,
    }).filter((s) => s.kind === 'amount');
    expect(amount).toMatchObject({ payer: 'Kanalwerk', value: 90_000_000 });
  });
});

describe('dates', () => {
  it('finds German calendar dates and season references', () => {
    const text = 'Ab dem 3. März läuft die Serie, gedreht am 12. Juli 2024 und in der vergangenen Saison.';
    expect(texts('date', text, 'de')).toEqual([
      'Ab dem 3. März',
      'am 12. Juli 2024',
      'in der vergangenen Saison',
    ]);
  });

  it('finds English dates', () => {
    expect(
      texts('date', 'Filming began on 3 March and ends last season’s story until June 2027.', 'en'),
    ).toEqual(['on 3 March', 'last season', 'until June 2027']);
  });

  it('does not take a bare year without a preposition for a date claim', () => {
    expect(texts('date', 'Der Masterplan 2030 liegt vor.', 'de')).toEqual([]);
  });
});

describe('counts', () => {
  it('finds "dreiteilige", "zum fünften Mal" and counted nouns in German', () => {
    const found = of('count', 'Die dreiteilige Serie kommt zum fünften Mal, Brehm traf zwölf Tore.', 'de');
    expect(found.map((s) => [s.text, s.value])).toEqual([
      ['dreiteilige', 3],
      ['zum fünften Mal', 5],
      ['zwölf Tore', 12],
    ]);
  });

  it('finds "three-part" and "for the third time" in English', () => {
    const found = of(
      'count',
      'The three-part series wins for the third time with 1.2 million viewers.',
      'en',
    );
    expect(found.map((s) => [s.text, s.value])).toEqual([
      ['three-part', 3],
      ['for the third time', 3],
      ['1.2 million viewers', 1_200_000],
    ]);
  });

  it('does not count an article as a number', () => {
    expect(of('count', 'Eine Folge fehlt noch.', 'de')).toEqual([]);
  });
});

describe('rankings and records', () => {
  it('finds table positions, records and firsts in German', () => {
    const text =
      'Rotheide ist Tabellenzweiter, stellte einen Rekord auf und gewann erstmals den teuersten Pokal.';
    expect(texts('ranking', text, 'de')).toEqual([
      'Tabellenzweiter',
      'Rekord',
      'erstmals',
      'teuersten Pokal',
    ]);
  });

  it('finds top scorer, records and superlatives in English', () => {
    const text = 'Osei was top scorer, broke the club record and became the most expensive signing.';
    expect(texts('ranking', text, 'en')).toEqual(['top scorer', 'broke the club record', 'most expensive']);
  });

  it('does not take "Champions League" for a title won', () => {
    expect(of('ranking', 'They play in the Champions League next year.', 'en')).toEqual([]);
  });
});

describe('roles', () => {
  it('finds a role in front of a name and with an organisation', () => {
    const text = 'Kapitän Jonas Brehm und Strivo-Geschäftsführerin Lena Vogt trafen Rotheides Sportdirektor.';
    expect(texts('role', text, 'de')).toEqual([
      'Kapitän Jonas Brehm',
      'Strivo-Geschäftsführerin Lena Vogt',
      'Rotheides Sportdirektor',
    ]);
  });

  it('finds "the club’s captain" and an apposition in English', () => {
    const text = 'The club’s captain spoke first. Jana Kowalczyk, the head coach, followed.';
    expect(texts('role', text, 'en')).toEqual(['club’s captain', 'head coach']);
  });

  it('does not make a claim of a bare role used to refer back', () => {
    expect(of('role', '„Weiter so“, sagte der Trainer.', 'de')).toEqual([]);
  });

  it('does not make a claim of an unnamed spokesperson', () => {
    expect(of('role', 'Ein Sprecher von Kanalwerk äußerte sich nicht.', 'de')).toEqual([]);
  });
});

describe('scores', () => {
  it('marks match results as other claims', () => {
    expect(
      texts('other', 'Nach dem 2:1-Sieg und einem Spiel, das 1:1 endete, gewann Almental mit 31:27.', 'de'),
    ).toEqual(['2:1-Sieg', '31:27']);
    expect(texts('other', 'A 2-0 win at Südhaven, kick-off 15:30.', 'en')).toEqual(['2-0 win']);
  });
});
