import { describe, expect, it } from 'vitest';
import { sampleBody } from '../article/sampleArticle.fixture';
import { claimContextsFromBody, isValidContext } from './context';

describe('claim context from the stored body', () => {
  it('gives the paragraph around each mark and the mark’s offsets in it', () => {
    const contexts = claimContextsFromBody(sampleBody);
    const amount = contexts.get('c-amount')!;
    expect(amount.text.startsWith('Der FC Almental überweist')).toBe(true);
    expect(amount.text.slice(amount.start, amount.end)).toBe('7\u00a0Mio. Euro');
    const quote = contexts.get('c-quote')!;
    expect(quote.start).toBe(0);
    expect(quote.text).toMatch(/, sagte Almentals Präsidentin Elke Maiwald am Montagabend\.$/);
  });

  it('knows an offset outside the text is unusable', () => {
    expect(isValidContext({ text: 'abc', start: 1, end: 3 })).toBe(true);
    expect(isValidContext({ text: 'abc', start: 2, end: 4 })).toBe(false);
  });
});
