import { describe, expect, it } from 'vitest';
import type { Entity, Role } from '../domain/facts';
import { checkSpeaker, type SpeakerCheckInput } from './speaker';

const kowalczyk: Entity = {
  id: 'p-kowalczyk',
  kind: 'person',
  name: 'Jana Kowalczyk',
  aliases: ['Kowa'],
  note: null,
};
const mueller: Entity = { id: 'p-mueller', kind: 'person', name: 'Jörg Müller', aliases: [], note: null };

const role = (
  personId: string,
  title: string,
  organisationId: string | null,
  from: string | null,
  to: string | null,
): Role => ({
  id: `${personId}-${title}-${from}`,
  personId,
  title,
  organisationId,
  from,
  to,
});

const kowalczykRoles = [
  role('p-kowalczyk', 'Spielerin', 'o-almental', '2018-07-01', '2021-06-30'),
  role('p-kowalczyk', 'Kapitänin', 'o-rotheide', '2021-07-01', null),
];
const muellerRoles = [
  role('p-mueller', 'Cheftrainer', 'o-almental', '2022-01-01', '2024-06-30'),
  role('p-mueller', 'Sportdirektor', 'o-almental', '2024-07-01', null),
];
const orgNames = { 'o-almental': 'FC Almental', 'o-rotheide': 'SV Rotheide' };

function check(partial: Partial<SpeakerCheckInput> & Pick<SpeakerCheckInput, 'speaker'>) {
  const roles = partial.speaker.id === 'p-mueller' ? muellerRoles : kowalczykRoles;
  return checkSpeaker({
    attributedName: null,
    roleInText: null,
    rolesOfSpeaker: roles,
    quoteDate: '2023-03-01',
    orgNames,
    ...partial,
  });
}
const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

describe('checkSpeaker – names', () => {
  it('accepts the full name, the surname alone, initials and an alias', () => {
    for (const name of ['Jana Kowalczyk', 'Kowalczyk', 'J. Kowalczyk', 'Kowa', 'JANA KOWALCZYK']) {
      expect(check({ speaker: kowalczyk, attributedName: name }), name).toEqual([]);
    }
  });

  it('accepts umlaut transliterations and missing diacritics', () => {
    expect(check({ speaker: mueller, attributedName: 'Joerg Mueller' })).toEqual([]);
    expect(check({ speaker: mueller, attributedName: 'Jorg Muller' })).toEqual([]);
    expect(check({ speaker: mueller, attributedName: 'Müller' })).toEqual([]);
  });

  it('warns about a misspelt name', () => {
    const [w] = check({ speaker: kowalczyk, attributedName: 'Jana Kowalcyzk' });
    expect(w).toMatchObject({
      code: 'speaker.name_misspelled',
      severity: 'warning',
      params: { inText: 'Jana Kowalcyzk' },
    });
    expect(check({ speaker: kowalczyk, attributedName: 'Kowalcyk' })[0].code).toBe('speaker.name_misspelled');
  });

  it('reports a quote attributed to someone else as an error', () => {
    const [w] = check({ speaker: kowalczyk, attributedName: 'Anna Berger' });
    expect(w).toMatchObject({ code: 'speaker.name_mismatch', severity: 'error' });
    expect(w.message.de).toContain('„Anna Berger“');
    expect(w.message.en).toContain('“Jana Kowalczyk”');
  });

  it('does not accept a different first name with the right surname', () => {
    expect(codes(check({ speaker: kowalczyk, attributedName: 'Maria Kowalczyk' }))).toEqual([
      'speaker.name_mismatch',
    ]);
  });

  it('warns when only the first name is given', () => {
    expect(codes(check({ speaker: kowalczyk, attributedName: 'Jana' }))).toEqual(['speaker.first_name_only']);
  });

  it('tolerates role words passed along with the name', () => {
    expect(check({ speaker: mueller, attributedName: 'Trainer Müller', roleInText: 'Trainer' })).toEqual([]);
  });

  it('warns about an unattributed quote and notes a role-only attribution', () => {
    expect(codes(check({ speaker: kowalczyk }))).toEqual(['speaker.unattributed']);
    expect(codes(check({ speaker: kowalczyk, roleInText: 'die Kapitänin' }))).toEqual(['speaker.role_only']);
  });
});

describe('checkSpeaker – roles', () => {
  it('accepts a role held on the quote date, in German and English', () => {
    expect(check({ speaker: kowalczyk, attributedName: 'Kowalczyk', roleInText: 'Kapitänin' })).toEqual([]);
    expect(check({ speaker: kowalczyk, attributedName: 'Kowalczyk', roleInText: 'captain' })).toEqual([]);
    expect(check({ speaker: mueller, attributedName: 'Müller', roleInText: 'Trainer' })).toEqual([]);
    expect(check({ speaker: mueller, attributedName: 'Müller', roleInText: 'head coach' })).toEqual([]);
  });

  it('warns when the role was not held on the quote date', () => {
    const ws = check({
      speaker: mueller,
      attributedName: 'Müller',
      roleInText: 'Trainer',
      quoteDate: '2024-09-01',
    });
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({ code: 'speaker.role_not_at_date', params: { date: '2024-09-01' } });
    expect(ws[0].message.de).toContain('Cheftrainer (FC Almental, 2022-01-01–2024-06-30)');
  });

  it('accepts the newer role after the change', () => {
    expect(
      check({
        speaker: mueller,
        attributedName: 'Müller',
        roleInText: 'Sportdirektor',
        quoteDate: '2024-09-01',
      }),
    ).toEqual([]);
    expect(
      check({
        speaker: mueller,
        attributedName: 'Müller',
        roleInText: 'sporting director',
        quoteDate: '2024-09-01',
      }),
    ).toEqual([]);
  });

  it('reports a role never held as an error', () => {
    const [w] = check({ speaker: mueller, attributedName: 'Müller', roleInText: 'Präsident' });
    expect(w).toMatchObject({ code: 'speaker.role_mismatch', severity: 'error' });
    expect(
      check({ speaker: mueller, attributedName: 'Müller', roleInText: 'managing director' })[0].code,
    ).toBe('speaker.role_mismatch');
  });

  it('accepts "Ex-Trainer" after the role ended and warns while it was still held', () => {
    expect(
      check({
        speaker: mueller,
        attributedName: 'Müller',
        roleInText: 'Ex-Trainer',
        quoteDate: '2024-09-01',
      }),
    ).toEqual([]);
    expect(
      codes(
        check({
          speaker: mueller,
          attributedName: 'Müller',
          roleInText: 'former coach',
          quoteDate: '2023-03-01',
        }),
      ),
    ).toEqual(['speaker.role_still_held']);
  });

  it('checks the club named with the role', () => {
    expect(
      check({ speaker: kowalczyk, attributedName: 'Kowalczyk', roleInText: 'Rotheides Kapitänin' }),
    ).toEqual([]);
    expect(
      codes(check({ speaker: kowalczyk, attributedName: 'Kowalczyk', roleInText: 'Almentals Kapitänin' })),
    ).toEqual(['speaker.role_other_organisation']);
  });

  it('accepts "Spielerin" for someone who played, on a date they played', () => {
    expect(
      check({
        speaker: kowalczyk,
        attributedName: 'Kowalczyk',
        roleInText: 'Spielerin',
        quoteDate: '2019-05-01',
      }),
    ).toEqual([]);
  });

  it('notes an undated quote and an unknown role instead of guessing', () => {
    expect(
      codes(
        check({ speaker: kowalczyk, attributedName: 'Kowalczyk', roleInText: 'Kapitänin', quoteDate: null }),
      ),
    ).toEqual(['speaker.role_undated']);
    expect(
      codes(check({ speaker: kowalczyk, attributedName: 'Kowalczyk', roleInText: 'Maskottchen' })),
    ).toEqual(['speaker.role_unknown']);
  });
});
