// Checks that a quote is attributed to the right person under a role they held
// when they said it.

import type { Entity, Role } from '../domain/facts';
import { editDistance } from '../language/editDistance';
import { foldForMatch } from '../language/fold';
import { findRoleTerm, roleKeyOf, roleSatisfiedBy } from '../language/roles';
import { deQ, enQ, makeWarning, type Warning } from './warning';

export interface SpeakerCheckInput {
  /** The speaker's name as written next to the quote, or null when none is given. */
  attributedName: string | null;
  /** Role words written next to the quote ("Rotheides Kapitänin"), or null. */
  roleInText: string | null;
  speaker: Entity;
  rolesOfSpeaker: Role[];
  /** ISO date the quote was said, or null when unknown. */
  quoteDate: string | null;
  /** Organisation names by id, to name clubs in messages and to check "Rotheides Kapitänin". */
  orgNames?: Record<string, string>;
}

type NameMatch = 'exact' | 'surname' | 'initials' | 'first_name_only' | 'misspelled' | 'mismatch';

function nameTokens(s: string): string[] {
  return foldForMatch(s)
    .replace(/[^\p{L}\p{N}\s'.-]/gu, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/'s$/, ''))
    .filter((t) => t.length > 0);
}

/** Short names tolerate one slip, longer ones two. */
const spellingTolerance = (s: string) => (s.length <= 5 ? 1 : 2);

function isSuffix(short: string[], long: string[]): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  const offset = long.length - short.length;
  return short.every((t, i) => t === long[offset + i]);
}

function matchName(written: string, candidates: string[]): NameMatch {
  let tokens = nameTokens(written);
  // Callers may pass "Trainer Demir"; the role words are not part of the name.
  while (tokens.length > 1 && roleKeyOf(tokens[0]) !== null) tokens = tokens.slice(1);
  const names = candidates.map(nameTokens).filter((c) => c.length > 0);
  let best: NameMatch = 'mismatch';
  const rank: NameMatch[] = ['exact', 'surname', 'initials', 'first_name_only', 'misspelled', 'mismatch'];
  const consider = (m: NameMatch) => {
    if (rank.indexOf(m) < rank.indexOf(best)) best = m;
  };
  for (const c of names) {
    if (tokens.join(' ') === c.join(' ')) consider('exact');
    else if (isSuffix(tokens, c)) consider('surname');
    else if (
      tokens.length === c.length &&
      tokens[tokens.length - 1] === c[c.length - 1] &&
      tokens.slice(0, -1).every((t, i) => /^\p{L}\.?$/u.test(t) && c[i].startsWith(t.replace('.', '')))
    ) {
      consider('initials');
    } else if (tokens.length === 1 && c.length > 1 && tokens[0] === c[0]) consider('first_name_only');
    else {
      const full = c.join(' ');
      const writtenFull = tokens.join(' ');
      const tail = c.slice(c.length - tokens.length).join(' ');
      if (
        editDistance(writtenFull, full) <= spellingTolerance(full) ||
        (tokens.length < c.length && editDistance(writtenFull, tail) <= spellingTolerance(tail))
      ) {
        consider('misspelled');
      }
    }
  }
  return best;
}

function heldOn(role: Role, date: string): boolean {
  return (role.from === null || role.from <= date) && (role.to === null || date <= role.to);
}

function endedBefore(role: Role, date: string): boolean {
  return role.to !== null && role.to < date;
}

// Generic club prefixes that do not identify a club on their own.
const CLUB_PREFIXES = new Set([
  'sv',
  'fc',
  'sc',
  'tsv',
  'vfb',
  'vfl',
  'tsg',
  'ac',
  'as',
  'afc',
  'cf',
  'fk',
  'sk',
  'bsc',
  'club',
  'the',
  '1',
]);

/** Organisations the role phrase names, found by their distinctive words ("Rotheides" → SV Rotheide). */
function organisationsNamedIn(roleText: string, orgNames: Record<string, string>): string[] {
  const folded = foldForMatch(roleText);
  return Object.entries(orgNames)
    .filter(([, name]) =>
      nameTokens(name)
        .map((t) => t.replace(/\.$/, ''))
        .filter((t) => t.length >= 3 && !CLUB_PREFIXES.has(t))
        .some((t) => folded.includes(t)),
    )
    .map(([id]) => id);
}

function describeRole(role: Role, orgNames: Record<string, string> | undefined): string {
  const org = role.organisationId ? orgNames?.[role.organisationId] : undefined;
  const period = `${role.from ?? '…'}–${role.to ?? '…'}`;
  return org ? `${role.title} (${org}, ${period})` : `${role.title} (${period})`;
}

function checkName(input: SpeakerCheckInput): Warning[] {
  const { attributedName, roleInText, speaker } = input;
  const expected = speaker.name;
  if (attributedName === null || attributedName.trim() === '') {
    if (roleInText && roleInText.trim() !== '') {
      return [
        makeWarning(
          'speaker.role_only',
          'info',
          { role: roleInText, expected },
          `Das Zitat nennt nur die Rolle ${deQ(roleInText)}, nicht den Namen ${deQ(expected)}.`,
          `The quote names only the role ${enQ(roleInText)}, not the speaker ${enQ(expected)}.`,
        ),
      ];
    }
    return [
      makeWarning(
        'speaker.unattributed',
        'warning',
        { expected },
        `Das Zitat ist im Text niemandem zugeschrieben; laut Beleg stammt es von ${deQ(expected)}.`,
        `The quote is not attributed to anyone in the text; the record says ${enQ(expected)} said it.`,
      ),
    ];
  }
  const match = matchName(attributedName, [speaker.name, ...speaker.aliases]);
  const params = { inText: attributedName, expected };
  switch (match) {
    case 'exact':
    case 'surname':
    case 'initials':
      return [];
    case 'first_name_only':
      return [
        makeWarning(
          'speaker.first_name_only',
          'warning',
          params,
          `Im Text steht nur der Vorname ${deQ(attributedName)}; vollständig heißt die Person ${deQ(expected)}.`,
          `The text gives only the first name ${enQ(attributedName)}; the speaker's full name is ${enQ(expected)}.`,
        ),
      ];
    case 'misspelled':
      return [
        makeWarning(
          'speaker.name_misspelled',
          'warning',
          params,
          `Der Name ${deQ(attributedName)} ist vermutlich falsch geschrieben; im Beleg steht ${deQ(expected)}.`,
          `The name ${enQ(attributedName)} looks misspelt; the record has ${enQ(expected)}.`,
        ),
      ];
    case 'mismatch':
      return [
        makeWarning(
          'speaker.name_mismatch',
          'error',
          params,
          `Das Zitat wird ${deQ(attributedName)} zugeschrieben, laut Beleg stammt es aber von ${deQ(expected)}.`,
          `The quote is attributed to ${enQ(attributedName)}, but the record says ${enQ(expected)} said it.`,
        ),
      ];
  }
}

function checkRole(input: SpeakerCheckInput): Warning[] {
  const { roleInText, rolesOfSpeaker, quoteDate, orgNames, speaker } = input;
  if (roleInText === null || roleInText.trim() === '') return [];
  const mention = findRoleTerm(roleInText);
  if (!mention) {
    return [
      makeWarning(
        'speaker.role_unknown',
        'info',
        { role: roleInText },
        `Die Rolle ${deQ(roleInText)} ist nicht im Rollenverzeichnis und wurde nicht geprüft.`,
        `The role ${enQ(roleInText)} is not in the role vocabulary and was not checked.`,
      ),
    ];
  }

  const sameRole = rolesOfSpeaker.filter((r) => {
    const key = roleKeyOf(r.title);
    return key !== null
      ? roleSatisfiedBy(mention.key, key)
      : foldForMatch(r.title) === foldForMatch(mention.text);
  });
  const held = rolesOfSpeaker.map((r) => describeRole(r, orgNames)).join('; ') || '—';
  if (sameRole.length === 0) {
    return [
      makeWarning(
        'speaker.role_mismatch',
        'error',
        { role: roleInText, person: speaker.name, held },
        `${deQ(speaker.name)} hatte laut Beleg nie die Rolle ${deQ(roleInText)} (belegte Rollen: ${held}).`,
        `According to the record ${enQ(speaker.name)} never held the role ${enQ(roleInText)} (roles on record: ${held}).`,
      ),
    ];
  }

  const namedOrgs = orgNames ? organisationsNamedIn(roleInText, orgNames) : [];
  const atNamedOrg =
    namedOrgs.length > 0
      ? sameRole.filter((r) => r.organisationId !== null && namedOrgs.includes(r.organisationId))
      : sameRole;
  if (atNamedOrg.length === 0) {
    const elsewhere = sameRole.map((r) => describeRole(r, orgNames)).join('; ');
    return [
      makeWarning(
        'speaker.role_other_organisation',
        'warning',
        { role: roleInText, person: speaker.name, held: elsewhere },
        `${deQ(speaker.name)} hatte die Rolle ${deQ(roleInText)} laut Beleg bei einer anderen Organisation: ${elsewhere}.`,
        `According to the record ${enQ(speaker.name)} held the role ${enQ(roleInText)} at another organisation: ${elsewhere}.`,
      ),
    ];
  }

  if (quoteDate === null) {
    return [
      makeWarning(
        'speaker.role_undated',
        'info',
        { role: roleInText },
        `Das Zitat hat kein Datum, daher ist nicht prüfbar, ob die Rolle ${deQ(roleInText)} damals zutraf.`,
        `The quote has no date, so it cannot be checked whether the role ${enQ(roleInText)} applied at the time.`,
      ),
    ];
  }

  const fitting = atNamedOrg.map((r) => describeRole(r, orgNames)).join('; ');
  if (mention.former) {
    if (atNamedOrg.some((r) => endedBefore(r, quoteDate))) return [];
    if (atNamedOrg.some((r) => heldOn(r, quoteDate))) {
      return [
        makeWarning(
          'speaker.role_still_held',
          'warning',
          { role: roleInText, date: quoteDate, held: fitting },
          `Der Text nennt die Rolle ${deQ(roleInText)} als frühere, am ${quoteDate} hatte die Person sie laut Beleg aber noch inne (${fitting}).`,
          `The text calls ${enQ(roleInText)} a former role, but on ${quoteDate} the person still held it according to the record (${fitting}).`,
        ),
      ];
    }
  } else if (atNamedOrg.some((r) => heldOn(r, quoteDate))) {
    return [];
  }
  return [
    makeWarning(
      'speaker.role_not_at_date',
      'warning',
      { role: roleInText, date: quoteDate, held: fitting },
      `Am ${quoteDate} hatte die Person die Rolle ${deQ(roleInText)} laut Beleg nicht inne (belegt: ${fitting}).`,
      `On ${quoteDate} the person did not hold the role ${enQ(roleInText)} according to the record (on record: ${fitting}).`,
    ),
  ];
}

/**
 * Checks the name and role a quote is attributed to against the verified speaker.
 * Names match case- and diacritic-insensitively ("Mueller" = "Müller"), by an alias,
 * by surname alone or with initials; roles match through a bilingual synonym table
 * and must have been held on the quote's date.
 */
export function checkSpeaker(input: SpeakerCheckInput): Warning[] {
  return [...checkName(input), ...checkRole(input)];
}
