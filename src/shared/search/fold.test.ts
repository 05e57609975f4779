import { describe, expect, it } from 'vitest';
import { foldDocument, foldStripped, foldTransliterated, indexedSpellings, searchWords } from './fold';

describe('folding for search', () => {
  it('writes umlauts out in the transliterated spelling and drops them in the stripped one', () => {
    expect(foldTransliterated('Götze')).toBe('goetze');
    expect(foldStripped('Götze')).toBe('gotze');
    expect(foldTransliterated('MÜNCHEN')).toBe('muenchen');
    expect(foldStripped('Jäger')).toBe('jager');
  });

  it('folds ß to ss in both spellings', () => {
    expect(foldTransliterated('Straße')).toBe('strasse');
    expect(foldStripped('STRAẞE')).toBe('strasse');
  });

  it('strips other diacritics to the base letter in both spellings', () => {
    expect(foldTransliterated('Dvořák')).toBe('dvorak');
    expect(foldStripped('Łukasz Øvrebø')).toBe('lukasz ovrebo');
  });

  it('treats a decomposed umlaut (u + combining diaeresis) like the precomposed one', () => {
    expect(foldTransliterated('Mu\u0308ller')).toBe('mueller');
    expect(foldStripped('Mu\u0308ller')).toBe('muller');
  });

  it('keeps offsets into the original text for each word', () => {
    const text = '„Wir bleiben“, sagte Götze.';
    const words = searchWords(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['Wir', 'bleiben', 'sagte', 'Götze']);
    expect(words[3]).toMatchObject({ t: 'goetze', s: 'gotze' });
  });

  it('splits on punctuation and hyphens the way the index tokenizer does', () => {
    expect(searchWords("U-21-Trainerin O'Neill").map((w) => w.t)).toEqual([
      'u',
      '21',
      'trainerin',
      'o',
      'neill',
    ]);
  });

  it('joins several fields into one folded document per spelling, skipping empty fields', () => {
    expect(foldDocument(['SV Rötheide', null, 'Die Röten'])).toEqual({
      t: 'sv roetheide die roeten',
      s: 'sv rotheide die roten',
    });
  });
});

describe('folded documents', () => {
  it('hold exactly the words searchWords finds, in both spellings', () => {
    const samples = [
      '„Wir bleiben“, sagte Götze – 2:1 in München!',
      'Ruben Østergaard (ØST) & Jörg Weißbach: U-21-Trainer',
      'Mu\u0308ller \u0301 Dvořák İstanbul',
      'plain ascii text, with punctuation...',
    ];
    for (const text of samples) {
      const words = searchWords(text);
      expect(foldDocument([text]), text).toEqual({
        t: words.map((w) => w.t).join(' '),
        s: words.map((w) => w.s).join(' '),
      });
    }
  });
});

describe('indexed spellings', () => {
  // What SQLite's unicode61 tokenizer makes of a string: runs of letters, numbers and private-use characters.
  const tokens = (text: string) => text.split(/[^\p{L}\p{N}\p{Co}]+/u).filter(Boolean);

  it('give the index the same tokens as the folded document, the stripped one only where it differs', () => {
    const samples = [
      ['„Wir bleiben“, sagte Götze – 2:1 in München!', 'Die Röten'],
      ['Ruben Østergaard (ØST) & Jörg Weißbach: U-21-Trainer', null],
      ['Mu\u0308ller \u0301 Dvořák İstanbul'],
      ['plain ascii text, with punctuation...', 'SV Rotheide'],
      ['Lena\ue000Kowalczyk, FC Nordhafen\u{F0000}'],
    ];
    for (const fields of samples) {
      const doc = foldDocument(fields);
      const indexed = indexedSpellings(fields);
      expect(tokens(indexed.t), fields.join()).toEqual(doc.t.split(' '));
      expect(tokens(indexed.s), fields.join()).toEqual(doc.s === doc.t ? [] : doc.s.split(' '));
    }
  });
});
