import { describe, expect, it } from 'vitest';
import { clubNamed, findClubMentions, nextTopics, resolveGenericClub } from './clubs';
import { detect, detectIncremental, detectWithState } from './detect';
import { entityIndex } from './entities';
import { tokenize } from './tokens';
import type { DetectEntity, Suggestion } from './types';

const NO_ENTITIES = entityIndex(undefined);
const mentions = (text: string, known: string[] = []) =>
  findClubMentions(text, tokenize(text), [], known, NO_ENTITIES).map((m) => [
    text.slice(m.start, m.end),
    m.club,
  ]);

const amounts = (text: string, lang: 'de' | 'en', entities?: DetectEntity[]) =>
  detect(text, { lang, entities })
    .filter((s) => s.kind === 'amount')
    .map(({ payer, payee, payerResolved, payeeResolved }) => ({
      payer,
      payee,
      payerResolved,
      payeeResolved,
    }));

describe('club mentions', () => {
  it('finds names with a club word and drops a sentence-opening article or preposition', () => {
    expect(mentions('Der FC Wendeburg hat Oberholz an den SV Lindtal abgegeben.')).toEqual([
      ['FC Wendeburg', 'FC Wendeburg'],
      ['SV Lindtal', 'SV Lindtal'],
    ]);
    expect(mentions('The Harwick United winger joined Ashcombe Rovers and Kestrel FC.')).toEqual([
      ['Harwick United', 'Harwick United'],
      ['Ashcombe Rovers', 'Ashcombe Rovers'],
      ['Kestrel FC', 'Kestrel FC'],
    ]);
  });

  it('reads short forms of clubs named before, but not a town after "in" or inside another name', () => {
    const known = ['SV Lindtal', 'Eintracht Brunnhof', 'Borussia Kranichfeld', 'Kestrel FC'];
    expect(mentions('Lindtals Sportchef sprach mit der Borussia.', known)).toEqual([
      ['Lindtals', 'SV Lindtal'],
      ['Borussia', 'Borussia Kranichfeld'],
    ]);
    expect(mentions('Er unterschrieb in Lindtal. Die Stadtwerke Brunnhof zahlen.', known)).toEqual([]);
    expect(mentions('Kestrel’s chief executive spoke.', known)).toEqual([['Kestrel’s', 'Kestrel FC']]);
    expect(clubNamed('Brunnhof', known)).toBe('Eintracht Brunnhof');
  });

  it('takes only entities of kind club when the fact store is given', () => {
    const entities = entityIndex([
      { id: 'w', name: 'FC Wendeburg', aliases: ['Wendeburg'], kind: 'club' },
      { id: 'v', name: 'Varko', aliases: [], kind: 'sponsor' },
    ]);
    const text = 'Varko zahlt Wendeburg mehr.';
    expect(findClubMentions(text, tokenize(text), [], [], entities).map((m) => m.club)).toEqual([
      'FC Wendeburg',
    ]);
  });
});

describe('what a generic club reference refers to', () => {
  const at = (start: number, end: number, club: string) => ({ start, end, club });

  it('prefers a club named earlier in the same sentence, then the latest sentence’s clubs in text order', () => {
    expect(resolveGenericClub(50, [at(10, 20, 'VfB Seehagen')], ['SV Lindtal'], undefined)).toBe(
      'VfB Seehagen',
    );
    expect(
      resolveGenericClub(5, [at(10, 20, 'VfB Seehagen')], ['SV Lindtal', 'FC Wendeburg'], undefined),
    ).toBe('SV Lindtal');
    const topics = nextTopics(['FC Wendeburg'], [at(0, 5, 'VfB Seehagen'), at(30, 40, 'SV Lindtal')]);
    expect(topics).toEqual(['VfB Seehagen', 'SV Lindtal', 'FC Wendeburg']);
    expect(nextTopics(topics, [])).toBe(topics);
    // The same clubs first again: the list is handed on as it is (the incremental detector compares it).
    expect(
      nextTopics(topics, [at(0, 5, 'VfB Seehagen'), at(9, 12, 'VfB Seehagen'), at(20, 30, 'SV Lindtal')]),
    ).toBe(topics);
    expect(nextTopics(topics, [at(0, 5, 'SV Lindtal')])).toEqual([
      'SV Lindtal',
      'VfB Seehagen',
      'FC Wendeburg',
    ]);
  });

  it('never resolves to the club that is the other party of the same deal', () => {
    const other = { start: 0, end: 7, text: 'Ostmoor' };
    expect(
      resolveGenericClub(40, [at(0, 7, 'TSV Ostmoor')], ['TSV Ostmoor', 'Borussia Kranichfeld'], other),
    ).toBe('Borussia Kranichfeld');
  });
});

describe('deal parties resolved across sentences and paragraphs', () => {
  it('resolves "der Klub" in a relative clause with its own subject to the club the article is about', () => {
    const text = [
      'Der FC Wendeburg hat Jannik Oberholz an den SV Lindtal abgegeben. Er unterschrieb in Lindtal bis 2029.',
      'Über die Ablöse, für die der Klub sieben Millionen Euro kassiert haben soll, schweigen beide Vereine.',
    ].join('\n');
    expect(amounts(text, 'de')).toEqual([
      { payer: undefined, payee: 'der Klub', payerResolved: undefined, payeeResolved: 'FC Wendeburg' },
    ]);
  });

  it('skips the other party: "Ostmoor … an den Klub" is the other club', () => {
    const text = [
      'Borussia Kranichfeld holt Finn Albrecht vom TSV Ostmoor zurück.',
      'Vor drei Jahren hatte Ostmoor für Albrecht 1,2 Millionen Euro an den Klub überwiesen.',
    ].join('\n');
    expect(amounts(text, 'de')).toEqual([
      {
        payer: 'Ostmoor',
        payee: 'den Klub',
        payerResolved: undefined,
        payeeResolved: 'Borussia Kranichfeld',
      },
    ]);
  });

  it('resolves "the Championship side" and "the club" in English', () => {
    const text = [
      'Millbrook City have agreed a naming deal with Castren.',
      'Castren will pay the club £1.5m a season.',
      'The Championship side, which received £900,000 a year from its previous sponsor, is pleased.',
    ].join('\n');
    expect(amounts(text, 'en')).toEqual([
      { payer: 'Castren', payee: 'the club', payerResolved: undefined, payeeResolved: 'Millbrook City' },
      {
        payer: undefined,
        payee: 'The Championship side',
        payerResolved: undefined,
        payeeResolved: 'Millbrook City',
      },
    ]);
  });

  it('resolves to the fact store’s club when entities are given', () => {
    const entities: DetectEntity[] = [
      { id: 'w', name: 'FC Wendeburg', aliases: ['Wendeburg'], kind: 'club' },
      { id: 'l', name: 'SV Lindtal', aliases: ['Lindtal'], kind: 'club' },
    ];
    const text =
      'Der SV Lindtal leiht Timo Rasch vom FC Wendeburg aus. Die Gebühr, die der Klub an Wendeburg überweist, beträgt 150.000 Euro.';
    expect(amounts(text, 'de', entities)).toEqual([
      { payer: 'der Klub', payee: 'Wendeburg', payerResolved: 'SV Lindtal', payeeResolved: undefined },
    ]);
  });

  it('leaves a generic party unresolved when no club was named', () => {
    expect(amounts('Der Klub investiert 1,5 Millionen Euro in das Trainingsgelände.', 'de')).toEqual([
      { payer: 'Der Klub', payee: undefined, payerResolved: undefined, payeeResolved: undefined },
    ]);
  });

  it('re-detects a later paragraph when an edit changes the club it refers to', () => {
    const later = 'Für Brehm zahlt der Verein 900.000 Euro.';
    const before = [
      'Der SV Lindtal verpflichtet Jonas Brehm.',
      'Brehm spielte zuletzt in Kellerbach.',
      later,
    ];
    const after = ['Der VfB Seehagen verpflichtet Jonas Brehm.', ...before.slice(1)];
    const { state } = detectWithState(before.join('\n'), { lang: 'de' });
    const edited = detectIncremental(state, after.join('\n'));
    const payer = (list: Suggestion[]) => list.find((s) => s.kind === 'amount')?.payerResolved;
    expect(payer(edited.suggestions)).toBe('VfB Seehagen');
    expect(edited.suggestions).toEqual(detect(after.join('\n'), { lang: 'de' }));
  });
});
