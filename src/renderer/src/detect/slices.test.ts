import { describe, expect, it } from 'vitest';
import { detect, Detector } from '../../../shared/detect';
import { nextFeed } from './slices';

// Invented copy: quotes whose speakers are named paragraphs earlier, so a slice boundary that
// lost the discourse would change the result.
function article(paragraphs: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 7 === 0) out.push(`Kapitänin Jana Kowalczyk sprach nach dem ${i + 1}. Spiel mit der Presse.`);
    else if (i % 7 === 1) out.push(`„Wir bleiben ruhig, auch nach Runde ${i}“, sagte sie.`);
    else if (i % 7 === 3) out.push(`Strivo soll dem SV Rotheide ${i} Millionen Euro zahlen.`);
    else out.push(`Der SV Rotheide gewann am ${(i % 28) + 1}. März zum ${(i % 5) + 2}. Mal in Folge.`);
  }
  return out;
}

/** Feeds a detector as the plugin does and counts the passes. */
function feedAll(detector: Detector, fed: readonly string[], target: readonly string[]) {
  const sizes: number[] = [];
  let result = detector.update(fed.join('\n'));
  for (let guard = 0; guard < 1000; guard++) {
    const next = nextFeed(fed, target, 20);
    result = detector.update(next.join('\n'));
    sizes.push(next.length);
    fed = next;
    if (next === target) return { result, sizes };
  }
  throw new Error('never reached the target');
}

describe('nextFeed', () => {
  it('feeds an edit of a few paragraphs whole', () => {
    const before = article(200);
    const after = [...before];
    after[120] = `${after[120]} Nachtrag.`;
    after.splice(121, 0, 'Ein neuer Absatz.', 'Und noch einer.');
    expect(nextFeed(before, after, 20)).toBe(after);
  });

  it('feeds the first pass over a long article as a prefix growing by one slice', () => {
    const target = article(95);
    expect(nextFeed([], target, 20)).toEqual(target.slice(0, 20));
    expect(nextFeed(target.slice(0, 20), target, 20)).toEqual(target.slice(0, 40));
    expect(nextFeed(target.slice(0, 80), target, 20)).toBe(target);
  });

  it('slices a long paste from where the text first changed', () => {
    const before = article(100);
    const pasted = article(60).map((p) => `Eingefügt: ${p}`);
    const after = [...before.slice(0, 30), ...pasted, ...before.slice(30)];
    expect(nextFeed(before, after, 20)).toEqual(after.slice(0, 50));
  });

  it('ends with the same suggestions as one full detection, for a first pass and for a long paste', () => {
    const target = article(130);
    const first = feedAll(new Detector({ lang: 'de' }), [], target);
    expect(first.result).toEqual(detect(target.join('\n'), { lang: 'de' }));
    expect(
      Math.max(...first.sizes.slice(0, -1).map((n, i, all) => n - (all[i - 1] ?? 0))),
    ).toBeLessThanOrEqual(20);

    const detector = new Detector({ lang: 'de' });
    detector.update(target.join('\n'));
    const pasted = [
      ...target.slice(0, 10),
      ...article(70).map((p) => p.replace('Jana Kowalczyk', 'Mira Feld')),
      ...target.slice(10),
    ];
    const second = feedAll(detector, target, pasted);
    expect(second.result).toEqual(detect(pasted.join('\n'), { lang: 'de' }));
    expect(second.sizes.length).toBeGreaterThan(3);
  });
});
