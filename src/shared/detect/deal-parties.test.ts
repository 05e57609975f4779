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
    expect(parties('Nordwerk soll dem Nachbarn TSV Kellerbach 2 Millionen Euro überweisen.', 'de')).toEqual({
      payer: 'Nordwerk',
      payee: 'TSV Kellerbach',
    });
  });

  it('does not take a time noun of a rate ("pro Jahr") for a party', () => {
    expect(parties('Der neue Hauptsponsor zahlt dem FC Seeblick 800.000 Euro pro Jahr.', 'de')).toEqual({
      payer: undefined,
      payee: 'FC Seeblick',
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
    expect(parties('Investiert wird reichlich: Strivo zahlt 2 Millionen Euro.', 'de')).toEqual({
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

  it('takes "der Klub", "dem Verein", "der Zweitligist", "the club" anywhere in the sentence as a party', () => {
    expect(parties('Damals soll der Klub dem FC Seeblick 500.000 Euro überwiesen haben.', 'de')).toEqual({
      payer: 'der Klub',
      payee: 'FC Seeblick',
    });
    expect(parties('Nordwerk überweist dem Verein künftig 650.000 Euro pro Saison.', 'de')).toEqual({
      payer: 'Nordwerk',
      payee: 'dem Verein',
    });
    expect(parties('Für Kowalczyk zahlt der Zweitligist nach eigenen Angaben 900.000 Euro.', 'de')).toEqual({
      payer: 'der Zweitligist',
      payee: undefined,
    });
    expect(parties('Nordwerk will pay the club £1.5m a season.', 'en')).toEqual({
      payer: 'Nordwerk',
      payee: 'the club',
    });
    expect(parties('The Bundesliga side paid Seeblick £3m.', 'en')).toEqual({
      payer: 'The Bundesliga side',
      payee: 'Seeblick',
    });
    expect(
      parties('Kowalczyk’s agent, Rita Moll, said the club had earned £1.3m from the sale.', 'en'),
    ).toEqual({
      payer: undefined,
      payee: 'the club',
    });
  });

  it('leaves the name of an apposition, a genitive and a possessive to what they are', () => {
    // "dem Bundesligisten FC Seeblick", "the German club VfB Seeblick": the name is the party.
    expect(parties('Nordwerk zahlt dem Bundesligisten FC Seeblick 2 Millionen Euro.', 'de').payee).toBe(
      'FC Seeblick',
    );
    expect(parties('Nordwerk paid the German club VfB Seeblick £2m.', 'en').payee).toBe('VfB Seeblick');
    // "the club’s academy" describes; "behind Seeblick City’s stadium" is no party.
    expect(
      parties(
        'Nordwerk, the firm behind Seeblick City’s stadium, is paying £200,000 to Kellerbach FC.',
        'en',
      ),
    ).toEqual({
      payer: 'Nordwerk',
      payee: 'Kellerbach FC',
    });
    expect(
      parties(
        'Die Spielerinnen des FC Seeblick bekommen einen Ausrüster: Varko zahlt dem Verein 250.000 Euro.',
        'de',
      ),
    ).toEqual({
      payer: 'Varko',
      payee: 'dem Verein',
    });
    expect(
      parties('Die Borussia zahlt dem FC Seeblick laut Vereinskreisen 1,8 Millionen Euro.', 'de'),
    ).toEqual({
      payer: 'Borussia',
      payee: 'FC Seeblick',
    });
  });
});

describe('deal parties: clauses with their own subject', () => {
  it('reads the receiver of a relative clause with its own subject ("für die der Klub N kassiert haben soll")', () => {
    expect(
      parties(
        'Die Ablöse, für die der Klub sieben Millionen Euro kassiert haben soll, nennt Nordwerk nicht.',
        'de',
      ),
    ).toEqual({ payer: undefined, payee: 'der Klub' });
    expect(
      parties('The fee, for which the club is said to have received £6m, is a record for Nordwerk.', 'en'),
    ).toEqual({
      payer: undefined,
      payee: 'the club',
    });
  });

  it('gives the antecedent its part from the pronoun: a dative or "an den" receives, an accusative is bought', () => {
    expect(
      parties('Der Stürmer kommt vom FC Seeblick, dem die Borussia nun 400.000 Euro überweist.', 'de'),
    ).toEqual({
      payer: 'Borussia',
      payee: 'FC Seeblick',
    });
    expect(
      parties(
        'Es ist der TSV Kellerbach, an den der FC Seeblick noch 2 Millionen Euro überweisen muss.',
        'de',
      ),
    ).toEqual({ payer: 'FC Seeblick', payee: 'TSV Kellerbach' });
    expect(
      parties(
        'Kowalczyk, den der FC Seeblick 2024 für 1,1 Millionen Euro vom TSV Kellerbach gekauft hatte, kehrt zurück.',
        'de',
      ),
    ).toEqual({ payer: 'FC Seeblick', payee: 'TSV Kellerbach' });
    expect(
      parties('This time the fee, which Seeblick are paying in one instalment, is £400,000.', 'en'),
    ).toEqual({
      payer: 'Seeblick',
      payee: undefined,
    });
  });

  it('reads the subject of a "dass" clause and of reported speech after a comma', () => {
    expect(
      parties(
        'Kellerbachs Sportchef bestätigte, dass der Verein die erste Rate von 3,5 Millionen Euro an den FC Seeblick überwiesen hat.',
        'de',
      ),
    ).toEqual({ payer: 'der Verein', payee: 'FC Seeblick' });
    expect(
      parties(
        'In einer Mitteilung erklärte der FC Seeblick, der Klub habe 120.000 Euro von der Sparkasse Almental erhalten.',
        'de',
      ),
    ).toEqual({ payer: 'Sparkasse Almental', payee: 'der Klub' });
  });

  it('keeps a relative clause and its parties apart from a deal it does not hold', () => {
    // The amount stands in a clause without a deal verb: "erhält" in the main clause is not its deal.
    expect(
      parties(
        'Kowalczyk, für den der FC Seeblick ein Angebot über zwei Millionen Euro abgelehnt hatte, erhält einen Vertrag bis 2028.',
        'de',
      ),
    ).toEqual({ payer: undefined, payee: undefined });
    // The deal verb is in the main clause: the club in the relative clause is not its subject.
    expect(
      parties('Varga, whose wages the club will cover, earned about £20,000 a week at Seeblick.', 'en'),
    ).toEqual({
      payer: undefined,
      payee: 'Varga',
    });
    // Two deal verbs, the other one in a relative clause of its own.
    expect(
      parties(
        'Der Klub, der bislang kaum Sponsorengeld erhielt, hatte zuletzt 40.000 Euro von Nordwerk bekommen.',
        'de',
      ),
    ).toEqual({ payer: 'Nordwerk', payee: 'Der Klub' });
  });

  it('reads a long German passive and "cost the club"', () => {
    expect(
      parties(
        'Die Ablöse von 2,8 Millionen Euro wird vom FC Seeblick in drei Raten an den TSV Kellerbach gezahlt.',
        'de',
      ),
    ).toEqual({ payer: 'FC Seeblick', payee: 'TSV Kellerbach' });
    expect(
      parties('Parr had cost the club just £600,000 when he arrived from Kellerbach FC in 2021.', 'en'),
    ).toEqual({
      payer: 'the club',
      payee: 'Kellerbach FC',
    });
  });
});
