import { describe, expect, it } from 'vitest';
import { findAttribution } from './find-attribution';

/** Finds the first quote in `text` and asks for its attribution. */
function attributionOf(text: string) {
  const open = text.search(/[„"“»]/);
  const close = text.slice(open + 1).search(/[“"”«]/) + open + 2;
  return findAttribution(text, open, close);
}

describe('findAttribution – German', () => {
  it('reads "„…“, sagte Müller"', () => {
    const text = '„Wir haben verdient gewonnen“, sagte Müller nach dem Spiel.';
    const a = attributionOf(text);
    expect(a).toMatchObject({ name: 'Müller', role: null, side: 'after' });
    expect(text.slice(a!.start, a!.end)).toBe('sagte Müller');
  });

  it('reads "„…“, so Müller"', () => {
    expect(attributionOf('„Wir haben verdient gewonnen“, so Müller.')).toMatchObject({ name: 'Müller' });
  });

  it('separates role and name in "sagte Rotheides Kapitänin Jana Kowalczyk"', () => {
    expect(
      attributionOf('„Das war stark“, sagte Rotheides Kapitänin Jana Kowalczyk am Sonntag.'),
    ).toMatchObject({
      name: 'Jana Kowalczyk',
      role: 'Rotheides Kapitänin',
    });
  });

  it('does not take a sentence-opening word before a comma into the name', () => {
    expect(attributionOf('Afterwards, Till Brandauer said: "We deserved it."')).toMatchObject({
      name: 'Till Brandauer',
    });
    expect(attributionOf('Danach, Till Brandauer sagte: „Wir haben es verdient.“')).toMatchObject({
      name: 'Till Brandauer',
    });
  });

  it('reads "Müller sagte: „…“" and "Müller: „…“" before the quote', () => {
    expect(attributionOf('Müller sagte: „Wir haben verdient gewonnen.“')).toMatchObject({
      name: 'Müller',
      side: 'before',
    });
    expect(attributionOf('Müller: „Wir haben verdient gewonnen.“')).toMatchObject({
      name: 'Müller',
      side: 'before',
    });
  });

  it('reports a pronoun instead of a name for "sagte sie"', () => {
    expect(attributionOf('„Das war stark“, sagte sie.')).toMatchObject({ name: null, pronoun: 'sie' });
  });

  it('does not take a role that appears later in the clause as the speaker’s', () => {
    expect(
      attributionOf('„Das war stark“, sagte Kowalczyk nach dem Gespräch mit dem Trainer.'),
    ).toMatchObject({
      name: 'Kowalczyk',
      role: null,
    });
  });

  it('returns null for an unattributed quote', () => {
    expect(attributionOf('Es regnete. „Wir haben verdient gewonnen.“ Dann ging es heim.')).toBeNull();
  });
});

describe('findAttribution – English', () => {
  it('reads "said Smith" and "Smith said"', () => {
    expect(attributionOf('"We deserved it," said Smith.')).toMatchObject({ name: 'Smith', side: 'after' });
    expect(attributionOf('"We deserved it," Smith said.')).toMatchObject({ name: 'Smith', side: 'after' });
  });

  it('reads a role before the name and a role in apposition', () => {
    expect(attributionOf('"We deserved it," said Rotheide captain Jana Kowalczyk.')).toMatchObject({
      name: 'Jana Kowalczyk',
      role: 'Rotheide captain',
    });
    expect(
      attributionOf('"We deserved it," said Jana Kowalczyk, Rotheide\'s sporting director.'),
    ).toMatchObject({
      name: 'Jana Kowalczyk',
      role: "Rotheide's sporting director",
    });
  });

  it('reads "According to Smith" before the quote', () => {
    expect(attributionOf('According to Smith, "we deserved it".')).toMatchObject({
      name: 'Smith',
      side: 'before',
    });
  });

  it('reads a role without a name: "the coach said"', () => {
    expect(attributionOf('"We deserved it," the coach said.')).toMatchObject({ name: null, role: 'coach' });
  });
});

describe('findAttribution – what the claims checks rely on', () => {
  it('reads the language it is given, and a span without the quote marks', () => {
    const text = '"We stay together, whatever happens," said Sandhafen coach Tomasz Brandt.';
    const inner = text.indexOf('We');
    expect(findAttribution(text, inner, text.indexOf('happens,') + 8, 'en')).toMatchObject({
      name: 'Tomasz Brandt',
      role: 'Sandhafen coach',
      side: 'after',
    });
  });

  it('gives a back-reference like "der 24-Jährige" as a pronoun, not as a name or role', () => {
    const text = 'Lena Kowalczyk bleibt. „Ich fühle mich wohl“, sagte die 24-Jährige.';
    const open = text.indexOf('„');
    expect(findAttribution(text, open, text.indexOf('“') + 1, 'de')).toMatchObject({
      name: null,
      role: null,
      pronoun: 'die 24-Jährige',
    });
  });

  it('finds no speaker for a title in quotes, even with a verb of saying in the sentence', () => {
    const text = 'Kowalczyk sprach in der Doku „Rote Wand“ über ihren Abschied.';
    expect(findAttribution(text, text.indexOf('„'), text.indexOf('“') + 1, 'de')).toBeNull();
  });
});
