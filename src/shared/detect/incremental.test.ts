import { describe, expect, it } from 'vitest';
import { detect, detectIncremental, detectWithState, Detector } from './detect';
import type { DetectOptions } from './types';

const GERMAN = [
  'Kapitän Jonas Brehm vom SV Rotheide hat am 12. Juli 2024 verlängert.',
  '„Ich bleibe, weil wir hier etwas aufbauen“, sagte Brehm. Er lachte.',
  'Trainerin Jana Kowalczyk sagte:',
  '„Wir haben lange verhandelt. Das war nicht leicht.',
  '„Am Ende hat es gepasst“, ergänzte sie.',
  'Strivo soll dem SV Rotheide sieben Millionen Euro für die dreiteilige Doku „Hinter der Kurve“ zahlen.',
  '„Das ist ein Signal“, sagte der Kapitän. Rotheide ist Tabellenzweiter.',
].join('\n');

const ENGLISH = [
  'Coach Piet Lorenzen praised striker Ruben Adeyemi after the 2-0 win on Saturday.',
  '“He is the best finisher I have worked with,” Lorenzen said.',
  '“The first weeks were hard.',
  '“But he never gave up,” he added.',
  'Strivo reportedly paid Rotheide €4.2m for the six-part series “Matchday”.',
].join('\n');

const SNIPPETS = [
  '„',
  '“',
  '”',
  '»',
  '«',
  '"',
  '\n',
  '\n„',
  ' er',
  ' sie',
  ' he',
  'Brehm',
  ', sagte Kowalczyk',
  ' said Lorenzen',
  ' 7 Millionen Euro',
  ' €3m',
  ':',
  '. ',
  '',
  'x',
  'Trainer Malte Ebeling ',
];

/** A small deterministic generator so a failing edit sequence can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function edit(text: string, rnd: () => number): string {
  const a = Math.floor(rnd() * (text.length + 1));
  const len = rnd() < 0.5 ? 0 : Math.floor(rnd() * 12);
  const b = Math.min(text.length, a + len);
  return text.slice(0, a) + SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] + text.slice(b);
}

function checkRandomEdits(
  base: string,
  options: DetectOptions,
  seed: number,
  steps: number,
  editsPerStep = 1,
) {
  const rnd = random(seed);
  let text = base;
  let state = detectWithState(text, options).state;
  for (let i = 0; i < steps; i++) {
    for (let e = 0; e < editsPerStep; e++) text = edit(text, rnd);
    const inc = detectIncremental(state, text, options);
    expect(inc.suggestions, `edit ${i} of seed ${seed}`).toEqual(detect(text, options));
    state = inc.state;
  }
}

describe('incremental detection', () => {
  it('equals a full pass after each of many random German edits', () => {
    for (const seed of [1, 2, 3, 4]) checkRandomEdits(GERMAN, { lang: 'de' }, seed, 150);
  });

  it('equals a full pass after each of many random English edits', () => {
    for (const seed of [11, 12, 13]) checkRandomEdits(ENGLISH, { lang: 'en' }, seed, 150);
  });

  it('equals a full pass when each update brings edits in several places (colleagues typing)', () => {
    const longer = [GERMAN, GERMAN, GERMAN].join('\n');
    for (const seed of [21, 22, 23]) checkRandomEdits(longer, { lang: 'de' }, seed, 80, 3);
    for (const seed of [31, 32]) checkRandomEdits([ENGLISH, ENGLISH].join('\n'), { lang: 'en' }, seed, 80, 3);
  });

  it('reuses the untouched blocks between two edits instead of detecting them again', () => {
    const options: DetectOptions = { lang: 'de' };
    const { state } = detectWithState(GERMAN, options);
    const paragraphs = GERMAN.split('\n');
    const edited = [`${paragraphs[0]} Er`, ...paragraphs.slice(1, -1), `${paragraphs.at(-1)} Ja.`].join('\n');
    const next = detectIncremental(state, edited, options);
    expect(next.suggestions).toEqual(detect(edited, options));
    // The block of the sixth paragraph (the deal) lies between the edits and did not change.
    const before = state.blocks.find((b) => b.firstParagraph === 5)!;
    const after = next.state.blocks.find((b) => b.firstParagraph === 5)!;
    expect(after.in).toBe(before.in);
    expect(after.suggestions).toEqual(
      before.suggestions.map((s) => ({ ...s, start: s.start + 3, end: s.end + 3 })),
    );
  });

  it('re-detects a later quote when an edit above changes who "er" refers to', () => {
    const options: DetectOptions = { lang: 'de' };
    const before = 'Jonas Brehm kam.\nDer Verein schwieg.\n„Das reicht nicht“, sagte er.';
    const { state } = detectWithState(before, options);
    const after = before.replace('Jonas Brehm', 'Malte Ebeling');
    const quote = detectIncremental(state, after, options).suggestions.find((s) => s.kind === 'quote');
    expect(quote?.speaker).toBe('Malte Ebeling');
  });

  it('shifts the offsets of untouched paragraphs below an edit', () => {
    const options: DetectOptions = { lang: 'de' };
    const { state } = detectWithState('Erster Absatz.\nRotheide ist Tabellenzweiter.', options);
    const next = detectIncremental(state, 'Erster, längerer Absatz.\nRotheide ist Tabellenzweiter.', options);
    const before = state.blocks[1].suggestions[0];
    const after = next.state.blocks[1].suggestions[0];
    expect(after).toMatchObject({
      paragraph: 1,
      text: 'Tabellenzweiter',
      start: before.start + 10,
      end: before.end + 10,
    });
    // The block was moved, not detected again: it still carries the discourse it was made with.
    expect(next.state.blocks[1].in).toBe(state.blocks[1].in);
  });

  it('lets a Detector keep its own state across updates', () => {
    const detector = new Detector({ lang: 'en' });
    detector.update(ENGLISH);
    const changed = ENGLISH.replace('€4.2m', '€5m');
    expect(detector.update(changed)).toEqual(detect(changed, { lang: 'en' }));
  });
});
