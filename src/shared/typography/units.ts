/**
 * Units after which the space from the number is made non-breaking, so "5 km" or
 * "12 Mio." never breaks across lines. Case-sensitive: "m" is metres, "M" is not a unit here.
 */
export const WORD_UNITS: readonly string[] = [
  // measurements
  'mm',
  'cm',
  'm',
  'km',
  'g',
  'kg',
  't',
  'l',
  'ml',
  'ha',
  's',
  'min',
  'h',
  'km/h',
  'm/s',
  'mph',
  '°C',
  // money and amounts
  'EUR',
  'USD',
  'CHF',
  'GBP',
  'Euro',
  'Dollar',
  'Franken',
  'Pfund',
  'Mio',
  'Mio.',
  'Mrd',
  'Mrd.',
  'Tsd.',
  'Millionen',
  'Milliarden',
  'Million',
  'Milliarde',
  'million',
  'billion',
  'euros',
  'dollars',
  'pounds',
  // shares and time
  'Prozent',
  'percent',
  'Uhr',
  // distances and durations spelled out
  'Meter',
  'Kilometer',
  'Sekunden',
  'Minuten',
  'Stunden',
  'metres',
  'meters',
  'kilometres',
  'seconds',
  'minutes',
];

/** Single characters that are a unit on their own and are typed right after "number space". */
export const SYMBOL_UNITS: readonly string[] = ['%', '‰', '€', '£', '°'];

export const NBSP = '\u00A0';

const wordUnitPattern = new RegExp(
  `\\d( )(${[...WORD_UNITS]
    .sort((a, b) => b.length - a.length)
    .map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})$`,
  'u',
);

/** If `before` ends in "<digit> <unit>", the unit (so the caller can rebuild "<nbsp><unit>"). */
export function trailingWordUnit(before: string): string | null {
  const m = wordUnitPattern.exec(before);
  return m ? m[2] : null;
}
