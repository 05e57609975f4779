import { describe, expect, it } from 'vitest';
import { detect } from './detect';
import type { KnownPerson, Suggestion } from './types';

const quotes = (text: string, lang: 'de' | 'en', extra: { people?: KnownPerson[]; date?: string } = {}) =>
  detect(text, { lang, ...extra })
    .filter((s) => s.kind === 'quote')
    .map((s) => ({
      speaker: s.speaker,
      kind: s.speakerKind,
      via: s.speakerVia,
      id: s.speakerId,
      source: s.source,
    }));

const amounts = (text: string, lang: 'de' | 'en'): Suggestion[] =>
  detect(text, { lang }).filter((s) => s.kind === 'amount');

describe('attribution outside the quote', () => {
  it('takes the subject of an introducing clause that ends in a colon', () => {
    const [q] = quotes(
      'Trainerin Wiebke Sandmann war nach dem Abpfiff bedient: „So verlieren wir jedes Spiel.“',
      'de',
    );
    expect(q).toMatchObject({ speaker: 'Wiebke Sandmann', kind: 'name' });
  });

  it('reads the subject after the verb in German inverted order before a colon', () => {
    const [q] = quotes(
      'Auf die Frage nach dem Schiedsrichter antwortete Kapitän Ole Jessen: „Dazu sage ich nichts.“',
      'de',
    );
    expect(q.speaker).toBe('Ole Jessen');
  });

  it('gives a surname the full name mentioned before', () => {
    const qs = quotes('Kapitän Ole Jessen war zufrieden. „Wir haben gekämpft“, sagte Jessen.', 'de');
    expect(qs[0]).toMatchObject({ speaker: 'Ole Jessen', kind: 'name', via: 'Jessen' });
  });
});

describe('anaphora', () => {
  it('resolves "der 31-Jährige" to the person of that age', () => {
    const text =
      'Torwart Lukas Pfeil (31) und Verteidiger Tim Haas (22) fehlen. „Ich bin bald zurück“, sagte der 31-Jährige.';
    expect(quotes(text, 'de')[0]).toMatchObject({
      speaker: 'Lukas Pfeil',
      kind: 'anaphor',
      via: 'der 31-Jährige',
    });
  });

  it('resolves "die Spielerin" past a sporting director named later', () => {
    const text =
      'Torhüterin Lena Voss verlängert. Sportchefin Anna Brink lobte sie. Die Spielerin selbst sagte: „Ich bleibe gern.“';
    expect(quotes(text, 'de')[0]).toMatchObject({ speaker: 'Lena Voss', kind: 'anaphor' });
  });

  it('resolves "the forward" and "the 20-year-old" in English', () => {
    const text =
      'Almental signed forward Jack Pryce, 20, on Monday. "It is a dream," the 20-year-old said. "I want goals," the forward added.';
    const qs = quotes(text, 'en');
    expect(qs.map((q) => q.speaker)).toEqual(['Jack Pryce', 'Jack Pryce']);
    expect(qs.map((q) => q.kind)).toEqual(['anaphor', 'anaphor']);
  });
});

describe('roles as speakers', () => {
  it('makes an unnamed spokesperson a speaker of kind role', () => {
    expect(quotes('„Wir prüfen den Vorfall“, sagte ein Vereinssprecher.', 'de')[0]).toMatchObject({
      speaker: 'Vereinssprecher',
      kind: 'role',
    });
    expect(quotes('"We are looking into it," a club spokesperson said.', 'en')[0]).toMatchObject({
      speaker: 'club spokesperson',
      kind: 'role',
    });
  });

  it('takes "aus dem Umfeld" with "hieß es" as a role', () => {
    const [q] = quotes('„Er will unbedingt weg“, hieß es aus dem Umfeld des Spielers.', 'de');
    expect(q.kind).toBe('role');
    expect(q.speaker).toContain('Umfeld');
  });
});

describe('the fact store', () => {
  const people: KnownPerson[] = [
    {
      id: 'p1',
      name: 'Ole Jessen',
      aliases: ['Jessen'],
      gender: 'm',
      roles: [{ title: 'Kapitän', org: 'SV Rotheide', from: '2025-07-01' }],
    },
    {
      id: 'p2',
      name: 'Rainer Kluth',
      aliases: ['Kluth'],
      gender: 'm',
      roles: [{ title: 'Kapitän', org: 'SV Rotheide', to: '2025-06-30' }],
    },
  ];

  it('resolves a role phrase to the person who held the role on the article date', () => {
    const text = '„Wir müssen ruhig bleiben“, sagte der Rotheide-Kapitän.';
    expect(quotes(text, 'de', { people, date: '2026-01-10' })[0]).toMatchObject({
      speaker: 'Ole Jessen',
      kind: 'role',
      id: 'p1',
    });
    expect(quotes(text, 'de', { people, date: '2024-01-10' })[0]).toMatchObject({
      speaker: 'Rainer Kluth',
      id: 'p2',
    });
  });

  it('gives a surname its stored full name and id', () => {
    expect(quotes('„Das war bitter“, sagte Kluth.', 'de', { people })[0]).toMatchObject({
      speaker: 'Rainer Kluth',
      id: 'p2',
      via: 'Kluth',
    });
  });

  it('works on text alone without a store', () => {
    expect(quotes('„Das war bitter“, sagte Kluth.', 'de')[0]).toMatchObject({
      speaker: 'Kluth',
      kind: 'name',
    });
  });
});

describe('sources and passive attribution', () => {
  it('takes the medium of a passive quote as the source, not the speaker', () => {
    const [q] = quotes(
      '„Wir sind auf einem guten Weg“, wird Präsident Karl Ostrowski im Magazin „Halbzeit“ zitiert.',
      'de',
    );
    expect(q).toMatchObject({ speaker: 'Karl Ostrowski', source: 'Halbzeit' });
  });

  it('reads "is quoted in X as saying"', () => {
    const [q] = quotes(
      'Owner Ray Fenton is quoted in the Morning Star as saying the club is "not for sale".',
      'en',
    );
    expect(q).toMatchObject({ speaker: 'Ray Fenton', source: 'Morning Star' });
  });

  it('reports the medium of "laut „X“" and a hedge spread over the clause', () => {
    const [a] = amounts(
      'Der Klub soll laut "Nordkurier" rund 3 Millionen Euro für den Spieler bezahlt haben.',
      'de',
    );
    expect(a.source).toBe('Nordkurier');
    expect(a.hedge).toMatch(/^soll|^laut/);
  });

  it('reads "laut X-Informationen" and "X understands"', () => {
    expect(
      amounts('Die Ablöse liegt laut Sportblick-Informationen bei 4 Millionen Euro.', 'de')[0].source,
    ).toBe('Sportblick');
    expect(amounts('The Harbour Times understands the fee is £6m.', 'en')[0].source).toBe('Harbour Times');
  });

  it('does not take a quoted newspaper name for a quote', () => {
    expect(quotes('Die Summe soll laut „Nordkurier“ bei 3 Millionen Euro liegen.', 'de')).toEqual([]);
    expect(quotes('Der Verlag „Seewind“ bringt das Buch heraus.', 'de')).toEqual([]);
  });
});

describe('ranges and deal direction', () => {
  it('reports min and max of a range', () => {
    expect(amounts('Die Ablöse liegt zwischen 25 und 30 Millionen Euro.', 'de')[0]).toMatchObject({
      min: 25_000_000,
      max: 30_000_000,
    });
    expect(amounts('The fee is £20-25m.', 'en')[0]).toMatchObject({ min: 20_000_000, max: 25_000_000 });
  });

  it('reads payer and payee of receiver-first and passive sentences', () => {
    expect(amounts('Rotheide received £6m from Nordhafen for the striker.', 'en')[0]).toMatchObject({
      payer: 'Nordhafen',
      payee: 'Rotheide',
    });
    expect(amounts('The fee of €3m was paid by Nordhafen to Rotheide.', 'en')[0]).toMatchObject({
      payer: 'Nordhafen',
      payee: 'Rotheide',
    });
    expect(
      amounts(
        'Die Ablöse von 3 Millionen Euro wird vom FC Nordhafen an den SV Rotheide überwiesen.',
        'de',
      )[0],
    ).toMatchObject({
      payer: 'FC Nordhafen',
      payee: 'SV Rotheide',
    });
  });
});

describe('more quotation styles and unnamed speakers', () => {
  it('pairs straight single quotes without closing on an apostrophe', () => {
    const qs = quotes("Winger Harry Lunt joined on Friday. 'I've never felt better,' Lunt said.", 'en');
    expect(qs).toEqual([expect.objectContaining({ speaker: 'Harry Lunt', via: 'Lunt' })]);
  });

  it('reads an unnamed speaker behind an adjective and a relative clause', () => {
    const [q] = quotes('One senior player, who asked not to be named, said: "We let him down."', 'en');
    expect(q).toMatchObject({ speaker: 'senior player', kind: 'role' });
    expect(quotes('Ein Mitspieler scherzte: „Endlich einer, der köpfen kann.“', 'de')[0]).toMatchObject({
      speaker: 'Mitspieler',
      kind: 'role',
    });
  });

  it('prefers a player for "the midfielder" over the coach named last', () => {
    const text =
      'Bexley sacked manager Colin Ware. Captain Ryan Mole said the players were "gutted" for Ware. "He gave me my debut," the midfielder said.';
    expect(quotes(text, 'en').map((q) => q.speaker)).toEqual(['Ryan Mole', 'Ryan Mole']);
  });
});

describe('English attribution shapes', () => {
  it('reads "Name, the club\'s top scorer, said", a dash attribution, and never the person told', () => {
    const text = [
      'Hollin Rovers striker Joe Marsh signed a new deal. "This is home," Marsh, the club\'s top scorer, said.',
      '"It\'s a special day" – Joe Marsh on Instagram.',
      'Manager Aidan Cole is relaxed. Cole on Tuesday told Radio Hollin: "Nobody will leave in January."',
    ].join('\n');
    expect(quotes(text, 'en').map((q) => q.speaker)).toEqual(['Joe Marsh', 'Joe Marsh', 'Aidan Cole']);
  });
});

describe('more ways to name a source', () => {
  it('finds the medium behind "nach Recherchen von", "a report in", "Per" and a clause-final "reported"', () => {
    expect(
      amounts('Die Summe beträgt nach Recherchen von Sportblick 6 Millionen Euro.', 'de')[0].source,
    ).toBe('Sportblick');
    expect(amounts('The fee is £5m, according to a report in The Ledger.', 'en')[0].source).toBe('Ledger');
    expect(amounts('Per The Ledger, the fee is £3m.', 'en')[0].source).toBe('Ledger');
    expect(amounts('Almental will pay £4m, the Sentinel reported.', 'en')[0].source).toBe('Sentinel');
  });

  it('names no source for generic attributions and keeps the amount out of it', () => {
    const [a] = amounts('Nordwatt zahlt laut Vereinsangaben 1,5 Millionen Euro.', 'de');
    expect(a.hedge).toBe('laut Vereinsangaben');
    expect(a.source).toBeUndefined();
  });
});

describe('descriptions, clauses and media around the attribution', () => {
  it('resolves a nationality to the person it introduced, and a sentence-opening description keys its person', () => {
    const text = [
      'Flügelspieler Nils Aagaard kommt aus Malmö. Der Schwede unterschrieb bis 2028.',
      'Trainer Holger Brandt war zufrieden.',
      '„Ich freue mich riesig“, sagte der Schwede.',
    ].join('\n');
    expect(quotes(text, 'de')[0]).toMatchObject({
      speaker: 'Nils Aagaard',
      kind: 'anaphor',
      via: 'der Schwede',
    });
    const en =
      'Striker Jonas Holm joined from Malmo. The Swede scored twice. Coach Bryn Tate was pleased. "I feel at home," said the Swede.';
    expect(quotes(en, 'en')[0]).toMatchObject({ speaker: 'Jonas Holm', kind: 'anaphor' });
  });

  it('never resolves a description or pronoun to a person named earlier in its own clause', () => {
    const text =
      'Verteidiger Malte Rohde (25) ist zurück. Über seinen Mitspieler Jonas Wieck sagt der 25-Jährige: „Jonas ist unser bester Mann.“';
    expect(quotes(text, 'de')[0]).toMatchObject({ speaker: 'Malte Rohde' });
    expect(
      quotes(
        'Coach Dean Pryor praised the team. Asked about Callum Reyes he said: "He was superb."',
        'en',
      )[0],
    ).toMatchObject({ speaker: 'Dean Pryor', kind: 'pronoun' });
  });

  it('skips a relative or participle clause between the subject and its verb', () => {
    expect(
      quotes('Winger Sam Lowe, who played under Reyes for years, said: "It is a sad day."', 'en')[0].speaker,
    ).toBe('Sam Lowe');
    expect(quotes('Ein Spieler, der anonym bleiben wollte, sagte: „Das ist vorbei.“', 'de')[0]).toMatchObject(
      { speaker: 'Spieler', kind: 'role' },
    );
  });

  it('reads the subject of a passive or perfect attribution at its auxiliary', () => {
    const text =
      'Stürmerin Ida Brenner hat verlängert. Die Stürmerin wird im Fachmagazin „Torfabrik“ mit den Worten zitiert: „Ich bleibe.“';
    expect(quotes(text, 'de')[0]).toMatchObject({ speaker: 'Ida Brenner', source: 'Torfabrik' });
    expect(
      quotes('Kapitänin Ida Brenner hatte am Morgen bei Instagram geschrieben: „Alles gut!“', 'de')[0],
    ).toMatchObject({ speaker: 'Ida Brenner', source: 'Instagram' });
  });

  it('keeps a possessive role as an unnamed speaker, and reads fans and organisation-led roles', () => {
    expect(
      quotes('Torwart Timo Rahn schweigt. Sein Berater sagte: „Es gibt nichts Neues.“', 'de')[0],
    ).toMatchObject({ kind: 'role' });
    expect(quotes('"We are angry," said one supporter.', 'en')[0]).toMatchObject({
      speaker: 'supporter',
      kind: 'role',
    });
    expect(quotes('A Rovers insider said the mood was "awful".', 'en')[0]).toMatchObject({
      speaker: 'Rovers insider',
      kind: 'role',
    });
  });

  it('takes the medium of a platform post, a column or a podcast as the source', () => {
    expect(
      quotes('Defender Kit Lowry said in a video on YouTube that he was "gutted".', 'en')[0],
    ).toMatchObject({ speaker: 'Kit Lowry', source: 'YouTube' });
    expect(
      quotes(
        'Former captain Gail Rudd wrote in her column for The Ledger that the club was "adrift".',
        'en',
      )[0],
    ).toMatchObject({ speaker: 'Gail Rudd', source: 'Ledger' });
    expect(
      quotes('Trainer Jan Ode sagte im Podcast ‚Abstoß‘, er sei „sehr zufrieden“.', 'de')[0],
    ).toMatchObject({ speaker: 'Jan Ode', source: 'Abstoß' });
  });

  it('takes media named with "gegenüber", as an interview compound, in a documentary or after "tells" and "wrote in"', () => {
    expect(
      quotes('„Das war kein Foul“, so Kapitän Ole Jessen gegenüber »Sportecho Nord«.', 'de')[0],
    ).toMatchObject({ source: 'Sportecho Nord' });
    expect(
      quotes('„Das war kein Foul“, sagte Kapitän Ole Jessen im „Hafenblick“-Interview.', 'de')[0],
    ).toMatchObject({ source: 'Hafenblick' });
    expect(
      quotes('"We never gave up," captain Lena Kowalczyk says in the series \'Rovers Rising\'.', 'en')[0],
    ).toMatchObject({ source: 'Rovers Rising' });
    expect(quotes('Director Imogen Tate tells the Valley Post: "It was worth it."', 'en')[0]).toMatchObject({
      speaker: 'Imogen Tate',
      source: 'Valley Post',
    });
    expect(quotes('"It was exhausting," director Imogen Tate wrote in The Ledger.', 'en')[0]).toMatchObject({
      source: 'Ledger',
    });
  });

  it('reports the medium of source hedges in other word orders', () => {
    expect(
      amounts('Die »Nordhafener Post« berichtet, der Klub zahle 2 Millionen Euro.', 'de')[0],
    ).toMatchObject({ source: 'Nordhafener Post' });
    expect(
      amounts('Laut einem Bericht des »Sportecho« zahlt der Klub 2 Millionen Euro.', 'de')[0],
    ).toMatchObject({ source: 'Sportecho' });
    expect(amounts('City will pay £5m, as first reported by The Valley Post.', 'en')[0]).toMatchObject({
      source: 'Valley Post',
    });
    expect(amounts('Sources told the Kingsmere Chronicle that the fee is £5m.', 'en')[0]).toMatchObject({
      source: 'Kingsmere Chronicle',
    });
  });
});
