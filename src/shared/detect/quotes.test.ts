import { describe, expect, it } from 'vitest';
import { detect } from './detect';
import type { Suggestion } from './types';

const quotes = (text: string, lang: 'de' | 'en') => detect(text, { lang }).filter((s) => s.kind === 'quote');
const texts = (list: Suggestion[]) => list.map((s) => s.text);

describe('quote spans', () => {
  it('finds German „…“, »…« and «…» quotes with offsets into the input', () => {
    const text =
      '„Wir sind bereit“, sagte Brehm. »Das wird schwer«, meinte Vogt. «Ganz sicher», so Kowalczyk.';
    const found = quotes(text, 'de');
    expect(texts(found)).toEqual(['„Wir sind bereit“', '»Das wird schwer«', '«Ganz sicher»']);
    for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('finds English “…” and straight "…" quotes', () => {
    const text = '“We are ready,” said Brehm. "It will be hard," Vogt added.';
    expect(texts(quotes(text, 'en'))).toEqual(['“We are ready,”', '"It will be hard,"']);
  });

  it('keeps a nested ‚…‘ inside „…“ as part of the outer quote', () => {
    const found = quotes('„Der Trainer sagte nur ‚weiter so‘, mehr nicht“, erzählte Brehm.', 'de');
    expect(texts(found)).toEqual(['„Der Trainer sagte nur ‚weiter so‘, mehr nicht“']);
  });

  it('does not end an English quote at an apostrophe', () => {
    const found = quotes('“We don’t panic, we’re fine,” said Brehm.', 'en');
    expect(texts(found)).toEqual(['“We don’t panic, we’re fine,”']);
  });

  it('joins a quote that runs over two paragraphs into one suggestion', () => {
    const text = '„Wir haben verloren. Das tut weh.\n„Aber wir stehen wieder auf“, sagte Kowalczyk.';
    const found = quotes(text, 'de');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: 0, paragraph: 0, speaker: 'Kowalczyk' });
    expect(found[0].text).toContain('\n');
  });

  it('joins an English quote over three paragraphs', () => {
    const text = '“First part.\n“Second part.\n“Third part,” she said.';
    const found = detect('Goalkeeper Klara Imhoff spoke.\n' + text, { lang: 'en' }).filter(
      (s) => s.kind === 'quote',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ paragraph: 1, speaker: 'Klara Imhoff' });
  });

  it('does not join paragraphs when the next one does not reopen the quote', () => {
    const found = quotes('„Ein offener Satz ohne Ende\nDer Verein schweigt.', 'de');
    expect(found).toHaveLength(0);
  });
});

describe('quotes that are not speech', () => {
  it('does not take a quoted documentary title for a quote by a person', () => {
    expect(quotes('Strivo zeigt die Doku „Hinter der Kurve“ ab März, sagte Brehm.', 'de')).toHaveLength(0);
  });

  it('does not take an English series title for a quote', () => {
    expect(quotes('Strivo will stream the series “Matchday” from March.', 'en')).toHaveLength(0);
  });

  it('does not take a newspaper name after a definite article for a quote', () => {
    expect(quotes('Das berichtet der „Almentaler Bote“ am Montag.', 'de')).toHaveLength(0);
  });

  it('skips a scare-quoted single word', () => {
    expect(quotes('Der „Neustart“ in Rotheide verlief holprig.', 'de')).toHaveLength(0);
    expect(quotes('The “reset” at Almental has stalled.', 'en')).toHaveLength(0);
  });

  it('skips a label introduced by sogenannt or so-called', () => {
    expect(quotes('Der sogenannte „Masterplan für die Zukunft“ liegt vor.', 'de')).toHaveLength(0);
    expect(quotes('The league’s so-called “Project Horizon Plan” is off.', 'en')).toHaveLength(0);
  });

  it('keeps a single word when someone is said to have said it', () => {
    const found = quotes('„Wahnsinn“, sagte Brehm.', 'de');
    expect(found).toHaveLength(1);
    expect(found[0].speaker).toBe('Brehm');
  });

  it('keeps a partial quote framed by a verb of saying', () => {
    const found = quotes('Trainerin Jana Kowalczyk nannte den Wechsel „einen Schritt nach vorn“.', 'de');
    expect(found).toMatchObject([{ text: '„einen Schritt nach vorn“', speaker: 'Jana Kowalczyk' }]);
  });
});
