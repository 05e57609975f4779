import { describe, expect, it } from 'vitest';
import { exportFileName, slugify } from './fileName';

describe('exportFileName', () => {
  it('joins the date and a transliterated slug of the headline', () => {
    expect(
      exportFileName({ headline: 'München zahlt sieben Millionen', language: 'de' }, 'docx', '2026-11-24'),
    ).toBe('2026-11-24-muenchen-zahlt-sieben-millionen.docx');
  });

  it('transliterates ä ö ü ß the German way and strips other accents and punctuation', () => {
    expect(slugify('Größter Coup: Ärger über SSpiel – „Café“ in Málaga!')).toBe(
      'groesster-coup-aerger-ueber-sspiel-cafe-in-malaga',
    );
  });

  it('caps long headlines at a word boundary', () => {
    const slug = slugify(
      'Almental Rotheide Strivo Kowalczyk Sturzenegger Maiwald Brandauer Lenhardt Regionalliga',
    );
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toBe('almental-rotheide-strivo-kowalczyk-sturzenegger-maiwald');
  });

  it('falls back to a generic name, cleans the extension and uses the local day of a Date', () => {
    expect(exportFileName({ headline: '„“ !!', language: 'de' }, '.PDF', new Date(2026, 0, 5, 23, 59))).toBe(
      '2026-01-05-artikel.pdf',
    );
    expect(exportFileName({ headline: '', language: 'en' }, 'md', '2026-02-01')).toBe(
      '2026-02-01-article.md',
    );
    expect(exportFileName({ headline: 'x', language: 'en' }, '../../etc', '2026-02-01')).toBe(
      '2026-02-01-x.etc',
    );
  });
});
