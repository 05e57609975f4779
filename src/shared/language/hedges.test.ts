import { describe, expect, it } from 'vitest';
import { findHedges } from './hedges';

const kinds = (text: string, lang?: 'de' | 'en') => findHedges(text, lang).map((h) => [h.kind, h.text]);

describe('findHedges – German', () => {
  it('finds hearsay "soll … gezahlt haben" as a modal hedge spanning both verbs', () => {
    const text = 'Strivo soll dem SV Rotheide sieben Millionen Euro gezahlt haben.';
    const [h] = findHedges(text, 'de');
    expect(h.kind).toBe('modal');
    expect(text.slice(h.start, h.end)).toBe('soll dem SV Rotheide sieben Millionen Euro gezahlt haben');
  });

  it('does not treat "soll" with a plain infinitive about the future as a hedge', () => {
    expect(findHedges('Der Trainer soll morgen entscheiden.', 'de')).toEqual([]);
    expect(findHedges('Jana Kowalczyk soll Kapitänin sein.', 'de')).toEqual([]);
  });

  it('finds the subordinate-clause order "überwiesen haben soll"', () => {
    expect(kinds('Der Betrag, den Strivo überwiesen haben soll, bleibt unklar.', 'de')).toEqual([
      ['modal', 'überwiesen haben soll'],
    ]);
  });

  it('finds "will … gewusst haben" as a self-reported claim', () => {
    expect(kinds('Der Berater will nichts davon gewusst haben.', 'de')).toEqual([
      ['modal', 'will nichts davon gewusst haben'],
    ]);
  });

  it('finds "angeblich" and inflected "mutmaßliche" as adverbs', () => {
    expect(kinds('Angeblich zahlte Strivo sieben Millionen.', 'de')).toEqual([['adverb', 'Angeblich']]);
    expect(kinds('Der mutmaßliche Käufer schweigt.', 'de')).toEqual([['adverb', 'mutmaßliche']]);
  });

  it('finds "laut" with its named source, and not the adjective "laut"', () => {
    expect(kinds('Laut einem Bericht des Almentaler Boten zahlte Strivo.', 'de')).toEqual([
      ['attribution', 'Laut einem Bericht des Almentaler Boten'],
    ]);
    expect(findHedges('Die Fans in Almental waren laut.', 'de')).toEqual([]);
  });

  it('finds "Berichten zufolge" and a named source before "zufolge"', () => {
    expect(kinds('Berichten zufolge zahlte Strivo.', 'de')).toEqual([['attribution', 'Berichten zufolge']]);
    expect(kinds('Strivo zahlte Informationen der Sportwoche zufolge mehr.', 'de')).toEqual([
      ['attribution', 'Informationen der Sportwoche zufolge'],
    ]);
  });

  it('finds "wie X berichtet"', () => {
    expect(kinds('Wie der Almentaler Bote berichtet, zahlte Strivo.', 'de')).toEqual([
      ['attribution', 'Wie der Almentaler Bote berichtet'],
    ]);
  });

  it('finds nothing in a plain statement of fact', () => {
    expect(findHedges('Strivo zahlte dem SV Rotheide sieben Millionen Euro.', 'de')).toEqual([]);
  });
});

describe('findHedges – English', () => {
  it('finds "reportedly" and "allegedly" as adverbs', () => {
    expect(kinds('Strivo reportedly paid €7m.', 'en')).toEqual([['adverb', 'reportedly']]);
    expect(kinds('Strivo allegedly paid €7m.', 'en')).toEqual([['adverb', 'allegedly']]);
  });

  it('finds "is said to" and "is understood to" as modal hedges', () => {
    expect(kinds('Strivo is said to have paid €7m.', 'en')).toEqual([['modal', 'is said to']]);
    expect(kinds('Almental are understood to have agreed a fee.', 'en')).toEqual([
      ['modal', 'are understood to'],
    ]);
  });

  it('finds "according to" with its source and stops before the clause goes on', () => {
    expect(kinds('According to the club, the fee was €7m.', 'en')).toEqual([
      ['attribution', 'According to the club'],
    ]);
    expect(kinds('According to Strivo the fee was €7m.', 'en')).toEqual([
      ['attribution', 'According to Strivo'],
    ]);
  });

  it('does not read "according to plan" as an attribution', () => {
    expect(findHedges('Everything went according to plan for Rotheide.', 'en')).toEqual([]);
  });

  it('finds "as X reported" and "it is understood"', () => {
    expect(kinds('As the Almental Post reported, Strivo paid €7m.', 'en')).toEqual([
      ['attribution', 'As the Almental Post reported'],
    ]);
    expect(kinds('It is understood that Strivo paid €7m.', 'en')).toEqual([
      ['attribution', 'It is understood'],
    ]);
  });

  it('finds nothing in a plain statement of fact', () => {
    expect(findHedges('Strivo paid Rotheide €7m for the series.', 'en')).toEqual([]);
  });

  it('uses only the given language’s cues', () => {
    expect(findHedges('Strivo reportedly paid €7m.', 'de')).toEqual([]);
    expect(findHedges('Angeblich zahlte Strivo.', 'en')).toEqual([]);
    expect(findHedges('Angeblich zahlte Strivo. Strivo reportedly paid.')).toHaveLength(2);
  });

  it('finds the medium named after the verb, before "has reported", and behind "Sources told"', () => {
    expect(kinds('Kingsmere will pay £9m, as first reported by The Valley Post.', 'en')).toEqual([
      ['attribution', 'as first reported by The Valley Post'],
    ]);
    expect(kinds('The Hollstedt Gazette has reported that the fine is £5,000.', 'en')).toEqual([
      ['attribution', 'The Hollstedt Gazette has reported that'],
    ]);
    expect(kinds('Sources told the Kingsmere Chronicle that City paid £3m.', 'en')).toEqual([
      ['attribution', 'Sources told the Kingsmere Chronicle'],
    ]);
    expect(kinds('Rovers paid £2m, the Fenwick Flyer reported on Tuesday.', 'en')).toEqual([
      ['attribution', 'the Fenwick Flyer reported'],
    ]);
    expect(kinds("According to a report in 'The Fenwick Flyer', City paid £3m.", 'en')).toEqual([
      ['attribution', "According to a report in 'The Fenwick Flyer'"],
    ]);
  });
});

describe('findHedges – German media named first or in quotes', () => {
  it('finds "Die »X« berichtet, …" and a quoted name after "einem Bericht des"', () => {
    expect(kinds('Die »Nordhafener Post« berichtet, der Klub zahle zwei Millionen Euro.', 'de')).toEqual([
      ['attribution', 'Die »Nordhafener Post« berichtet'],
    ]);
    expect(kinds('Der Almentaler Kurier meldet, dass der Klub zahlt.', 'de')).toEqual([
      ['attribution', 'Der Almentaler Kurier meldet'],
    ]);
    expect(kinds('Laut einem Bericht des »Sportecho« zahlt der Klub.', 'de')).toEqual([
      ['attribution', 'Laut einem Bericht des »Sportecho«'],
    ]);
  });

  it('does not take a club announcing something for a medium', () => {
    expect(findHedges('Der Verein meldet, dass der Vertrag verlängert ist.', 'de')).toEqual([]);
  });
});
