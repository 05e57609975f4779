import { describe, expect, it } from 'vitest';
import { detect } from './detect';

const speakers = (text: string, lang: 'de' | 'en') =>
  detect(text, { lang })
    .filter((s) => s.kind === 'quote')
    .map((s) => s.speaker);

describe('German attribution', () => {
  it('reads "sagte X" after the quote', () => {
    expect(speakers('„Wir bleiben ruhig“, sagte Jonas Brehm nach dem Spiel.', 'de')).toEqual(['Jonas Brehm']);
  });

  it('reads "so X" after the quote', () => {
    expect(speakers('„Das war zu wenig“, so Kowalczyk.', 'de')).toEqual(['Kowalczyk']);
  });

  it('reads "X betont:" before the quote', () => {
    expect(speakers('Sportdirektor Malte Ebeling betont: „Wir verkaufen niemanden.“', 'de')).toEqual([
      'Malte Ebeling',
    ]);
  });

  it('reads an inverted "Dazu sagte X:"', () => {
    expect(speakers('Dazu sagte Brehm: „Kein Kommentar.“', 'de')).toEqual(['Brehm']);
  });

  it('reads a colon attribution without a verb', () => {
    expect(speakers('Kowalczyk: „Wir müssen besser verteidigen.“', 'de')).toEqual(['Kowalczyk']);
  });

  it('does not take a common noun before a colon for a speaker', () => {
    expect(speakers('Die Botschaft: „Wir geben nicht auf, niemals.“', 'de')).toEqual([undefined]);
  });

  it('strips a role and an organisation in front of the name', () => {
    expect(
      speakers('„Wir sind zufrieden“, sagte Rotheides Geschäftsführerin Ilka Sommerfeld.', 'de'),
    ).toEqual(['Ilka Sommerfeld']);
  });

  it('resolves "er" and "sie" to the last named person of that gender', () => {
    const text =
      'Jonas Brehm und Jana Kowalczyk kamen zusammen. „Ich bin müde“, sagte er. „Ich nicht“, sagte sie.';
    expect(speakers(text, 'de')).toEqual(['Jonas Brehm', 'Jana Kowalczyk']);
  });

  it('does not resolve "sie" with a plural verb', () => {
    expect(speakers('Jana Kowalczyk kam. „Wir sind bereit“, sagten sie.', 'de')).toEqual([undefined]);
  });

  it('resolves "der Kapitän" to the person introduced as captain', () => {
    const text =
      'Kapitän Jonas Brehm traf doppelt, Malte Ebeling sah zu.\n„Das war ein Anfang“, sagte der Kapitän.';
    expect(speakers(text, 'de')).toEqual(['Jonas Brehm']);
  });

  it('resolves "der 29-Jährige" to the last named man', () => {
    expect(speakers('Jonas Brehm verlängert. „Ich bleibe“, sagte der 29-Jährige.', 'de')).toEqual([
      'Jonas Brehm',
    ]);
  });

  it('gives a quote interrupted by its attribution one speaker', () => {
    expect(speakers('„Wir waren gut“, sagte Brehm, „aber nicht gut genug.“', 'de')).toEqual([
      'Brehm',
      'Brehm',
    ]);
  });

  it('hands "X sagte:" at a paragraph end to the quote opening the next paragraph', () => {
    const text =
      'Malte Ebeling sagte bei der Vorstellung:\n„Wir haben lange gesucht und den Richtigen gefunden.“';
    expect(speakers(text, 'de')).toEqual(['Malte Ebeling']);
  });

  it('leaves a standalone quote without speaker when nobody spoke nearby', () => {
    expect(speakers('Der Verein schweigt.\n„Das ist eine Frechheit, so etwas zu behaupten.“', 'de')).toEqual([
      undefined,
    ]);
  });
});

describe('English attribution', () => {
  it('reads "said X" and "X said"', () => {
    expect(speakers('“We move on,” said Dean Whitlock. “Next game,” Whitlock said.', 'en')).toEqual([
      'Dean Whitlock',
      'Dean Whitlock',
    ]);
  });

  it('reads "according to X"', () => {
    expect(speakers('According to Solberg, the stadium will cost “no more than planned”.', 'en')).toEqual([
      'Solberg',
    ]);
  });

  it('reads "X told reporters:"', () => {
    expect(speakers('Kowalczyk told reporters: “We have nothing to hide.”', 'en')).toEqual(['Kowalczyk']);
  });

  it('reads "said the club’s captain, X"', () => {
    expect(speakers('“It hurts,” said the club’s captain, Jonas Brehm.', 'en')).toEqual(['Jonas Brehm']);
  });

  it('resolves "he" and "the coach"', () => {
    const text =
      'Coach Piet Lorenzen stood by Jonas Brehm.\n“He will start,” the coach said. “I trust him,” he added.';
    expect(speakers(text, 'en')).toEqual(['Piet Lorenzen', 'Jonas Brehm']);
  });

  it('lets a bare follow-up quote inherit the speaker of the previous one', () => {
    expect(speakers('“We lost,” said Jana Kowalczyk. “And we deserved it.”', 'en')).toEqual([
      'Jana Kowalczyk',
      'Jana Kowalczyk',
    ]);
  });
});
