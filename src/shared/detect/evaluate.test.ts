import { describe, expect, it } from 'vitest';
import { prepareCorpus, type PreparedArticle } from './corpus';
import { evaluate } from './evaluate';
import type { Suggestion } from './types';

const corpus = {
  lang: 'de',
  articles: [
    {
      id: 'a1',
      paragraphs: [
        {
          text: '„Wir bleiben“, sagte Brehm. Strivo zahlt sieben Millionen Euro.',
          claims: [
            { kind: 'quote', text: '„Wir bleiben“', speaker: 'Brehm' },
            { kind: 'amount', text: 'sieben Millionen Euro', value: 7000000, currency: 'EUR', hedge: 'soll' },
          ],
        },
        { text: 'Am 3. März startet die Serie.', claims: [{ kind: 'date', text: 'Am 3. März' }] },
      ],
    },
  ],
};

function prepared(): PreparedArticle[] {
  const r = prepareCorpus(corpus);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.articles;
}

const at = (text: string, part: string, extra: Partial<Suggestion>): Suggestion => {
  const start = text.indexOf(part);
  return { kind: 'other', text: part, start, end: start + part.length, paragraph: 0, ...extra };
};

describe('corpus preparation', () => {
  it('locates gold text in its paragraph as offsets into the whole article', () => {
    const [article] = prepared();
    const date = article.gold.find((g) => g.kind === 'date')!;
    expect(article.text.slice(date.start, date.end)).toBe('Am 3. März');
    expect(date.paragraph).toBe(1);
  });

  it('names the article, paragraph and claim whose text is not in the paragraph', () => {
    const broken = structuredClone(corpus);
    broken.articles[0].paragraphs[1].claims[0].text = 'Am 4. März';
    const r = prepareCorpus(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/a1, paragraph 2, claim 1 \(date\).*Am 4\. März/);
  });

  it('rejects a claim of an unknown kind with the path of the field', () => {
    const broken = structuredClone(corpus) as {
      articles: { paragraphs: { claims: { kind: string }[] }[] }[];
    };
    broken.articles[0].paragraphs[0].claims[0].kind = 'rumour';
    const r = prepareCorpus(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toContain('articles.0.paragraphs.0.claims.0.kind');
  });
});

describe('evaluation', () => {
  it('scores a perfect detector at 1 in every category', () => {
    const articles = prepared();
    const text = articles[0].text;
    const perfect = () => [
      at(text, '„Wir bleiben“', { kind: 'quote', speaker: 'Brehm' }),
      at(text, 'sieben Millionen Euro', { kind: 'amount', value: 7000000, currency: 'EUR', hedge: 'soll' }),
      at(text, 'Am 3. März', { kind: 'date', paragraph: 1 }),
    ];
    const { scores } = evaluate(articles, perfect);
    for (const s of Object.values(scores)) expect([s.precision, s.recall]).toEqual([1, 1]);
  });

  it('counts an amount with the wrong value as both a false positive and a miss', () => {
    const articles = prepared();
    const text = articles[0].text;
    const wrong = () => [
      at(text, 'sieben Millionen Euro', { kind: 'amount', value: 700000, currency: 'EUR' }),
    ];
    const { scores } = evaluate(articles, wrong);
    expect(scores.amounts).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
  });

  it('matches a quote by overlap but counts a different speaker as wrong', () => {
    const articles = prepared();
    const text = articles[0].text;
    const detector = () => [at(text, 'Wir bleiben', { kind: 'quote', speaker: 'Kowalczyk' })];
    const { scores, misses } = evaluate(articles, detector);
    expect(scores.quotes.truePositives).toBe(1);
    expect(scores.speakers).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
    expect(misses.some((m) => m.category === 'speakers' && m.detail?.includes('Kowalczyk'))).toBe(true);
  });

  it('does not match a date against a ranking on the same words', () => {
    const articles = prepared();
    const text = articles[0].text;
    const { scores } = evaluate(articles, () => [at(text, 'Am 3. März', { kind: 'ranking', paragraph: 1 })]);
    expect(scores.otherClaims).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
  });

  it('scores what a generic party refers to only in files that annotate it', () => {
    const withResolution = (flag: boolean) => {
      const r = prepareCorpus({
        lang: 'de',
        ...(flag ? { resolvedParties: true } : {}),
        articles: [
          {
            id: 'r1',
            paragraphs: [
              {
                text: 'Der Klub zahlt 2 Millionen Euro.',
                claims: [
                  {
                    kind: 'amount',
                    text: '2 Millionen Euro',
                    value: 2000000,
                    currency: 'EUR',
                    payer: 'Der Klub',
                    payerResolved: 'FC Seeblick',
                  },
                ],
              },
            ],
          },
        ],
      });
      if (!r.ok) throw new Error(r.errors.join('; '));
      return r.articles;
    };
    const detector = (text: string) => [
      at(text, '2 Millionen Euro', {
        kind: 'amount',
        value: 2000000,
        currency: 'EUR',
        payer: 'Der Klub',
        payerResolved: 'TSV Kellerbach',
      }),
    ];
    const scored = evaluate(withResolution(true), detector);
    expect(scored.scores.dealParties.truePositives).toBe(1);
    expect(scored.scores.partyResolution).toMatchObject({
      truePositives: 0,
      falsePositives: 1,
      falseNegatives: 1,
    });
    const unscored = evaluate(withResolution(false), detector);
    expect(unscored.scores.partyResolution).toMatchObject({
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
    });
  });
});
