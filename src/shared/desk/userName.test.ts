import { describe, expect, it } from 'vitest';
import { normalizeDeskUserName, sameDeskUserName } from './userName';

describe('normalizeDeskUserName', () => {
  it('spells an accented letter typed as letter plus combining accent as the precomposed one', () => {
    const decomposed = 'Jose\u0301 Pe\u0301rez';
    expect(decomposed).not.toBe('José Pérez');
    expect(normalizeDeskUserName(decomposed)).toBe('José Pérez');
  });

  it('trims and collapses inner whitespace, also tabs and no-break spaces', () => {
    expect(normalizeDeskUserName('  Lena \t Kowalczyk\u00a0 ')).toBe('Lena Kowalczyk');
  });

  it('keeps case and look-alike letters apart (they are different names)', () => {
    expect(sameDeskUserName('Lena', 'lena')).toBe(false);
    expect(sameDeskUserName('Lena', 'L\u0435na')).toBe(false); // Cyrillic e
    expect(sameDeskUserName('Zoë  Brandt', 'Zoe\u0308 Brandt')).toBe(true);
  });
});
