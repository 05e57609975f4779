import { describe, expect, it } from 'vitest';
import { articleText, wordDiff } from './wordDiff';

describe('revision word diff', () => {
  it('marks words only in the revision as removed and words only in the current text as added', () => {
    const diff = wordDiff('Der Trainer lobte die Abwehr.', 'Der neue Trainer lobte das Mittelfeld.')!;
    expect(diff.parts).toEqual([
      { kind: 'same', text: 'Der ' },
      { kind: 'added', text: 'neue ' },
      { kind: 'same', text: 'Trainer lobte ' },
      { kind: 'removed', text: 'die Abwehr' },
      { kind: 'added', text: 'das Mittelfeld' },
      { kind: 'same', text: '.' },
    ]);
    expect(diff.addedWords).toBe(3);
    expect(diff.removedWords).toBe(2);
  });

  it('reports no change for identical texts', () => {
    const diff = wordDiff('FC Almental siegt.', 'FC Almental siegt.')!;
    expect(diff.parts).toEqual([{ kind: 'same', text: 'FC Almental siegt.' }]);
    expect(diff.addedWords + diff.removedWords).toBe(0);
  });

  it('treats a changed quote mark as a change of that token only', () => {
    const diff = wordDiff('Er sagte "Ja".', 'Er sagte „Ja“.')!;
    expect(
      diff.parts
        .filter((p) => p.kind !== 'same')
        .map((p) => p.text)
        .join('|'),
    ).toBe('"|„|"|“');
    expect(diff.addedWords + diff.removedWords).toBe(0);
  });

  it('keeps paragraph breaks in the text so the diff reads like the article', () => {
    const diff = wordDiff(
      'Erster Absatz.\n\nZweiter Absatz.',
      'Erster Absatz.\n\nZweiter, längerer Absatz.',
    )!;
    expect(diff.parts.map((p) => p.text).join('')).toContain('\n\n');
    expect(diff.addedWords).toBe(1);
  });

  it('gives up on texts that differ in nearly every word instead of blocking', () => {
    const a = Array.from({ length: 6000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 6000 }, (_, i) => `b${i}`).join(' ');
    expect(wordDiff(a, b)).toBeNull();
  });
});

describe('article text for comparing versions', () => {
  it('puts kicker, headline, lead and byline with dateline before the body and skips empty fields', () => {
    const text = articleText(
      {
        kicker: '',
        headline: 'Rotheide siegt',
        lead: 'Spät, aber verdient.',
        byline: 'Jana Kowalczyk',
        dateline: 'Almental',
      },
      'Text.',
    );
    expect(text).toBe('Rotheide siegt\n\nSpät, aber verdient.\n\nJana Kowalczyk, Almental\n\nText.');
  });
});
