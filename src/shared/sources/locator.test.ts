import { describe, expect, it } from 'vitest';
import { findPlace, locatorFor, parseLocator, passageRange } from './locator';

const pages = [
  { page: 1, paragraph: null, text: 'Pressemitteilung des SV Rotheide' },
  {
    page: 2,
    paragraph: null,
    text: 'Der SV Rotheide verpflichtet Lena Kowalczyk\nvom FC Nordhafen bis 2029.',
  },
  { page: 3, paragraph: null, text: 'Kontakt: Presse SV Rotheide' },
];

describe('locators', () => {
  it('names a page, or a paragraph with its heading', () => {
    expect(locatorFor({ page: 4, paragraph: null, heading: null })).toBe('p. 4');
    expect(locatorFor({ page: null, paragraph: 7, heading: 'Die Ablöse' })).toBe('§ Die Ablöse, ¶ 7');
    expect(locatorFor({ page: null, paragraph: 2, heading: null })).toBe('¶ 2');
  });

  it('reads them back, also as people type them', () => {
    expect(parseLocator('p. 4')).toEqual({ page: 4, paragraph: null });
    expect(parseLocator('S. 12')).toEqual({ page: 12, paragraph: null });
    expect(parseLocator('Seite 3, Absatz 2')).toEqual({ page: 3, paragraph: 2 });
    expect(parseLocator('§ Die Ablöse, ¶ 7')).toEqual({ page: null, paragraph: 7 });
    expect(parseLocator('00:14:30')).toEqual({ page: null, paragraph: null });
    expect(parseLocator(null)).toEqual({ page: null, paragraph: null });
  });

  it('finds the place: the located page, else wherever the passage stands', () => {
    expect(findPlace(pages, 'p. 2', 'verpflichtet Lena Kowalczyk vom FC Nordhafen')).toBe(1);
    expect(findPlace(pages, 'p. 3', null)).toBe(2);
    expect(findPlace(pages, 'S. 9', 'Kontakt: Presse')).toBe(2);
    expect(findPlace(pages, null, 'nirgends')).toBe(-1);
  });

  it('marks the passage in the text across line breaks', () => {
    expect(passageRange(pages[1].text, 'Kowalczyk vom FC')).toEqual([34, 50]);
    expect(passageRange(pages[1].text, 'Real Madrid')).toBeNull();
    expect(passageRange(pages[1].text, '(a+b)*')).toBeNull();
  });
});

describe('passages found by searching', () => {
  it('quotes the sentence around a match and finds every occurrence', async () => {
    const { sentenceAround, findAll } = await import('./locator');
    const text = 'Pressemitteilung. Der SV Rotheide verpflichtet Lena Kowalczyk. Sie kommt vom FC Nordhafen!';
    const [at] = findAll(text, 'lena  kowalczyk');
    expect(at).toEqual([47, 61]);
    expect(sentenceAround(text, ...at)).toBe('Der SV Rotheide verpflichtet Lena Kowalczyk.');
    expect(findAll(text, 'rotheide')).toHaveLength(1);
    expect(findAll(text, ' ')).toEqual([]);
    expect(sentenceAround('Zeile eins\nZeile zwei', 12, 16)).toBe('Zeile zwei');
  });
});
