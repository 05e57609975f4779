import { describe, expect, it } from 'vitest';
import type { Deal, Entity, Quote } from '../domain/facts';
import { findDuplicates, idMapFor, type FactSet } from './duplicates';

const person = (id: string, name: string, aliases: string[] = []): Entity => ({
  id,
  kind: 'person',
  name,
  aliases,
  note: null,
});
const club = (id: string, name: string, aliases: string[] = []): Entity => ({
  id,
  kind: 'club',
  name,
  aliases,
  note: null,
});
const quote = (id: string, speakerId: string, wording: string): Quote => ({
  id,
  speakerId,
  roleAtTime: null,
  wording,
  language: 'de',
  date: null,
  occasion: 'interview',
  translationOfId: null,
  status: 'verified',
  notes: null,
});
const deal = (
  id: string,
  payerId: string | null,
  payeeId: string | null,
  amountMinor: number | null,
  dateFrom: string | null,
): Deal => ({
  id,
  kind: 'transfer',
  payerId,
  payeeId,
  subject: `Wechsel ${id}`,
  amountMinor,
  amountMaxMinor: null,
  currency: amountMinor === null ? null : 'EUR',
  precision: amountMinor === null ? 'undisclosed' : 'exact',
  dateFrom,
  dateTo: null,
  status: 'confirmed',
  reportedById: null,
  notes: null,
});

const set = (partial: Partial<FactSet>): FactSet => ({ entities: [], deals: [], quotes: [], ...partial });

describe('duplicate matching when joining a desk', () => {
  it('matches an entity by its name or an alias, folded ("Mueller" = "Müller"), only of the same kind', () => {
    const groups = findDuplicates(
      set({
        entities: [person('l-1', 'Jörg Müller'), club('l-2', 'FC Nordhafen'), person('l-3', 'Nordhafen')],
      }),
      set({
        entities: [
          person('d-1', 'J. Mueller', ['Joerg Mueller']),
          club('d-2', 'Fußballclub Nordhafen', ['FC Nordhafen']),
        ],
      }),
    );
    expect(groups).toEqual([
      { kind: 'entity', label: 'J. Mueller', localIds: ['l-1'], deskIds: ['d-1'] },
      { kind: 'entity', label: 'Fußballclub Nordhafen', localIds: ['l-2'], deskIds: ['d-2'] },
    ]);
  });

  it('does not offer a record already shared under the same id', () => {
    const e = person('ent-1', 'Lena Kowalczyk');
    expect(findDuplicates(set({ entities: [e] }), set({ entities: [e] }))).toEqual([]);
  });

  it('matches a quote by wording and speaker, across quote marks, spacing and a matched speaker', () => {
    const groups = findDuplicates(
      set({
        entities: [person('l-k', 'Lena Kowalczyk')],
        quotes: [
          quote('l-q1', 'l-k', '„Wir bleiben in Nordhafen.“'),
          quote('l-q2', 'l-other', 'Wir bleiben in Nordhafen.'),
        ],
      }),
      set({
        entities: [person('d-k', 'Lena Kowalczyk')],
        quotes: [quote('d-q1', 'd-k', 'Wir  bleiben in Nordhafen')],
      }),
    );
    expect(groups.filter((g) => g.kind === 'quote')).toEqual([
      { kind: 'quote', label: 'Wir bleiben in Nordhafen', localIds: ['l-q1'], deskIds: ['d-q1'] },
    ]);
  });

  it('matches a deal by parties, amount and date, and not when any of them differs', () => {
    const local = set({
      entities: [club('l-a', 'SV Rotheide'), club('l-b', 'FC Nordhafen')],
      deals: [
        deal('l-d1', 'l-a', 'l-b', 250_000_000, '2026-07-01'),
        deal('l-d2', 'l-a', 'l-b', 260_000_000, '2026-07-01'),
        deal('l-d3', 'l-a', 'l-b', 250_000_000, '2026-08-01'),
        deal('l-d4', 'l-b', 'l-a', 250_000_000, '2026-07-01'),
      ],
    });
    const desk = set({
      entities: [club('d-a', 'SV Rotheide'), club('d-b', 'FC Nordhafen')],
      deals: [deal('d-d1', 'd-a', 'd-b', 250_000_000, '2026-07-01')],
    });
    expect(findDuplicates(local, desk).filter((g) => g.kind === 'deal')).toEqual([
      { kind: 'deal', label: 'Wechsel d-d1', localIds: ['l-d1'], deskIds: ['d-d1'] },
    ]);
  });

  it('groups chains of matches so the member decides once, and maps ids only for "use the desk’s record"', () => {
    const groups = findDuplicates(
      set({
        entities: [
          person('l-1', 'Lena Kowalczyk'),
          person('l-2', 'L. Kowalczyk'),
          person('l-3', 'Jonas Brandt'),
        ],
      }),
      set({
        entities: [
          person('d-1', 'Lena Kowalczyk', ['L. Kowalczyk']),
          person('d-2', 'Kowalczyk', ['Lena Kowalczyk']),
          person('d-3', 'Jonas Brandt'),
        ],
      }),
    );
    expect(groups).toEqual([
      { kind: 'entity', label: 'Lena Kowalczyk', localIds: ['l-1', 'l-2'], deskIds: ['d-1', 'd-2'] },
      { kind: 'entity', label: 'Jonas Brandt', localIds: ['l-3'], deskIds: ['d-3'] },
    ]);
    const map = idMapFor(
      groups,
      new Map([
        [0, 'use-desk'],
        [1, 'keep-both'],
      ]),
    );
    expect([...map]).toEqual([
      ['l-1', 'd-1'],
      ['l-2', 'd-1'],
    ]);
  });
});
