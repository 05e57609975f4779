import { describe, expect, it } from 'vitest';
import { detect } from './detect';

const parties = (text: string, lang: 'de' | 'en') => {
  const amounts = detect(text, { lang }).filter((s) => s.kind === 'amount');
  expect(amounts).toHaveLength(1);
  const [{ payer, payee }] = amounts as { payer?: string; payee?: string }[];
  return { payer, payee };
};

describe('deal parties: what is never a party', () => {
  it('reads a German noun between article and name as an apposition, not as the subject', () => {
    expect(parties('Der Verein soll dem Nachbarn TSV Kellerbach 2 Millionen Euro überweisen.', 'de')).toEqual(
      { payer: undefined, payee: 'TSV Kellerbach' },
    );
  });

  it('does not take a time noun of a rate ("pro Jahr") for a party', () => {
    expect(parties('Der neue Hauptsponsor zahlt dem Klub 800.000 Euro pro Jahr.', 'de')).toEqual({
      payer: undefined,
      payee: undefined,
    });
    expect(parties('Jahr für Jahr zahlt Nordwerk 400.000 Euro an den FC Seeblick.', 'de')).toEqual({
      payer: 'Nordwerk',
      payee: 'FC Seeblick',
    });
  });

  it('does not read a bid or an offer as a noun for a deal verb', () => {
    expect(parties('Seeblick United have had a bid of £4m turned down.', 'en')).toEqual({
      payer: undefined,
      payee: undefined,
    });
    expect(parties('The Harbour Herald understands an improved offer of £3m was rejected.', 'en')).toEqual({
      payer: undefined,
      payee: undefined,
    });
    // The verb still counts.
    expect(parties('Seeblick United bid £4m for Lena Kowalczyk.', 'en').payer).toBe('Seeblick United');
  });

  it('does not take a participle opening a German passive for a name', () => {
    expect(parties('Investiert wird reichlich: Strivo zahlt dem Klub 2 Millionen Euro.', 'de')).toEqual({
      payer: 'Strivo',
      payee: undefined,
    });
  });

  it('does not make the signer of a contract a payer', () => {
    expect(parties('Kowalczyk signed a new contract worth £900,000 a year.', 'en')).toEqual({
      payer: undefined,
      payee: undefined,
    });
  });

  it('does not take the speaker of a verb of saying for a party', () => {
    expect(parties('It will invest €3m in its stadium, Seeblick said on Monday.', 'en')).toEqual({
      payer: undefined,
      payee: undefined,
    });
  });
});

describe('deal parties: passives and relative clauses', () => {
  it('reads "is said to have paid" as active, "is said to have been paid" as passive', () => {
    expect(parties('Nordwerk is said to have paid Seeblick €2m for the naming rights.', 'en')).toEqual({
      payer: 'Nordwerk',
      payee: 'Seeblick',
    });
    expect(parties('Kowalczyk is said to have been paid £300,000.', 'en')).toEqual({
      payer: undefined,
      payee: 'Kowalczyk',
    });
    expect(parties('The fee was reportedly paid by Seeblick to Nordhafen in £2m.', 'en')).toMatchObject({
      payer: 'Seeblick',
      payee: 'Nordhafen',
    });
  });

  it('makes the name before a subject relative clause the subject of its deal verb', () => {
    expect(
      parties(
        'Rotheide have opened a museum sponsored by Nordwerk, which is contributing £80,000 a year.',
        'en',
      ),
    ).toEqual({ payer: 'Nordwerk', payee: undefined });
    expect(
      parties('Getragen wird die Akademie von Nordwerk, das jährlich 150.000 Euro beisteuert.', 'de'),
    ).toEqual({ payer: 'Nordwerk', payee: undefined });
  });

  it('leaves a relative clause with its own subject to that subject', () => {
    expect(
      parties('Der Stürmer kam von Nordwerk, das der FC Seeblick mit 150.000 Euro bezahlt.', 'de').payer,
    ).not.toBe('Nordwerk');
  });
});

describe('deal parties: the club named only as such', () => {
  it('takes a sentence-opening "Der Klub" / "The club" before its deal verb as written', () => {
    expect(
      parties('Der Klub investiert in diesem Sommer 1,5 Millionen Euro in das Trainingsgelände.', 'de'),
    ).toEqual({
      payer: 'Der Klub',
      payee: undefined,
    });
    expect(parties('The club will spend €1.5m on its training ground, Seeblick said.', 'en')).toEqual({
      payer: 'The club',
      payee: undefined,
    });
  });

  it('prefers a named subject and leaves "der Klub" elsewhere in the sentence alone', () => {
    expect(parties('Der Klub und Nordwerk zahlen dem FC Seeblick 500.000 Euro.', 'de').payer).not.toBe(
      'Der Klub',
    );
    expect(
      parties('Damals soll der Klub dem FC Seeblick 500.000 Euro überwiesen haben.', 'de').payer,
    ).not.toBe('der Klub');
  });
});
