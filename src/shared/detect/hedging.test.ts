import { describe, expect, it } from 'vitest';
import { detect } from './detect';

const first = (text: string, lang: 'de' | 'en', kind = 'amount') =>
  detect(text, { lang }).find((s) => s.kind === kind);

describe('hedges attached to claims', () => {
  it('attaches "soll" to the amount of its sentence', () => {
    expect(first('Strivo soll sieben Millionen Euro zahlen.', 'de')?.hedge).toBe('soll');
  });

  it('attaches "angeblich" and "Berichten zufolge"', () => {
    expect(first('Kanalwerk zahlt angeblich 1,8 Millionen Euro.', 'de')?.hedge).toBe('angeblich');
    expect(first('Berichten zufolge zahlt Rotheide 250.000 Euro.', 'de')?.hedge).toBe('Berichten zufolge');
  });

  it('attaches "laut X" with its source', () => {
    expect(first('Laut Verein fließen 20.000 Euro in die Jugend.', 'de')?.hedge).toBe('Laut Verein');
  });

  it('attaches "reportedly", "according to" and "is said to"', () => {
    expect(first('Strivo reportedly paid €7m.', 'en')?.hedge).toBe('reportedly');
    expect(first('Strivo paid €7m, according to the Almental Gazette.', 'en')?.hedge).toBe(
      'according to the Almental Gazette',
    );
    expect(first('He is said to have rejected €40,000 a week.', 'en')?.hedge).toBe('is said to');
  });

  it('does not carry a hedge into the next sentence', () => {
    const found = detect('Strivo soll zahlen. Rotheide kassierte 2023 drei Millionen Euro.', {
      lang: 'de',
    }).filter((s) => s.kind === 'amount');
    expect(found).toHaveLength(1);
    expect(found[0].hedge).toBeUndefined();
  });

  it('does not take "laut" that attributes a quote as a hedge of the quote', () => {
    const quote = first('Laut Brehm war das „ein Schritt in die richtige Richtung“.', 'de', 'quote');
    expect(quote).toMatchObject({ speaker: 'Brehm' });
    expect(quote?.hedge).toBeUndefined();
  });

  it('ignores hedge words inside a quote', () => {
    const found = detect('„Er soll bleiben“, sagte Brehm über den Vertrag bis 2027.', { lang: 'de' }).find(
      (s) => s.kind === 'date',
    );
    expect(found?.hedge).toBeUndefined();
  });
});
