import { describe, expect, it } from 'vitest';
import { detect } from './detect';
import type { SuggestionKind } from './types';

// The other language's half of the negative cases in claims.test.ts and quotes.test.ts: every
// pattern must stay quiet on look-alikes in German and in English. Invented copy.
const of = (kind: SuggestionKind, text: string, lang: 'de' | 'en') =>
  detect(text, { lang }).filter((s) => s.kind === kind);

describe('amounts that are not money claims', () => {
  it('does not take an English audience figure for money', () => {
    expect(of('amount', 'The final drew 1.2 million viewers, and the deal cost a lot.', 'en')).toEqual([]);
    expect(
      of('amount', 'The final drew 1.2 million viewers, and the deal cost €1.2 million.', 'en'),
    ).toHaveLength(1);
  });

  it('leaves an amount inside an English quote to the quote', () => {
    expect(of('amount', '“We paid ten million euros,” said Brehm.', 'en')).toEqual([]);
  });

  it('does not read a German bare number after a deal verb as an amount', () => {
    expect(of('amount', 'Rotheide zahlt 500.000 für nichts, sagte niemand.', 'de')).toEqual([]);
  });
});

describe('dates that are not date claims', () => {
  it('does not take an English bare year in a name for a date', () => {
    expect(of('date', 'The Masterplan 2030 is out.', 'en')).toEqual([]);
    expect(of('date', 'The Masterplan is out on 3 March 2030.', 'en')).toHaveLength(1);
  });
});

describe('counts that are not counts', () => {
  it('does not count an English article as a number', () => {
    expect(of('count', 'An episode is still missing.', 'en')).toEqual([]);
    expect(of('count', 'They won for the third time.', 'en')).toHaveLength(1);
  });
});

describe('rankings that are not rankings', () => {
  it('does not take the name of a German competition for a title won', () => {
    expect(of('ranking', 'Nächstes Jahr spielen sie in der Champions League.', 'de')).toEqual([]);
    expect(of('ranking', 'Nächstes Jahr spielen sie erstmals in der Champions League.', 'de')).toHaveLength(
      1,
    );
  });
});

describe('roles that are not role claims', () => {
  it('does not make a claim of an English bare role used to refer back', () => {
    expect(of('role', '“Keep going,” said the coach.', 'en')).toEqual([]);
  });

  it('does not make a claim of an unnamed English spokesperson', () => {
    expect(of('role', 'A spokesperson for Kanalwerk declined to comment.', 'en')).toEqual([]);
    expect(of('role', 'Kanalwerk’s head of content, Mira Feld, declined to comment.', 'en')).toHaveLength(1);
  });
});

describe('quotes that are not speech', () => {
  it('does not take a quoted German series title after "Serie" for a quote', () => {
    expect(of('quote', 'Die Serie „Rotheide – Ein Jahr im Abstiegskampf“ startet im Mai.', 'de')).toEqual([]);
  });

  it('skips an English scare-quoted single word and a so-called label', () => {
    expect(of('quote', 'The "fans" were loud. The so-called "super deal" fell through.', 'en')).toEqual([]);
  });
});
