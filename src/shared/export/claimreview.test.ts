import { describe, expect, it } from 'vitest';
import { sampleClaims, sampleContext } from '../article/sampleArticle.fixture';
import { claimReviews, exportClaimReview } from './claimreview';

const options = {
  publisher: { name: 'Almentaler Rundschau', url: 'https://rundschau.example' },
  articleUrl: 'https://rundschau.example/a/42',
};

describe('claimReviews', () => {
  const reviews = claimReviews(sampleContext(), options);

  it('reviews only rated claims that are still in the text', () => {
    expect(reviews.map((r) => r.claimReviewed)).toEqual(
      ['c-quote', 'c-role', 'c-amount', 'c-strivo'].map((id) => sampleClaims.find((c) => c.id === id)!.text),
    );
  });

  it('gives every review the properties ClaimReview requires', () => {
    for (const review of reviews) {
      expect(review['@context']).toBe('https://schema.org');
      expect(review['@type']).toBe('ClaimReview');
      expect(review.claimReviewed.length).toBeGreaterThan(0);
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(review.author).toEqual({
        '@type': 'Organization',
        name: 'Almentaler Rundschau',
        url: 'https://rundschau.example',
      });
      expect(review.url).toBe('https://rundschau.example/a/42');
      expect(review.itemReviewed['@type']).toBe('Claim');
      expect(review.itemReviewed.appearance?.[0]).toMatchObject({ url: 'https://rundschau.example/a/42' });
      const r = review.reviewRating;
      expect(r['@type']).toBe('Rating');
      expect(r.worstRating).toBe(1);
      expect(r.bestRating).toBe(5);
      expect(r.ratingValue).toBeGreaterThanOrEqual(r.worstRating);
      expect(r.ratingValue).toBeLessThanOrEqual(r.bestRating);
    }
  });

  it('maps status to rating and a German name in a German article', () => {
    expect(reviews.map((r) => [r.reviewRating.ratingValue, r.reviewRating.alternateName])).toEqual([
      [5, 'Bestätigt'],
      [2, 'Umstritten'],
      [5, 'Bestätigt'],
      [1, 'Falsch'],
    ]);
  });

  it('names the speaker of a quote and the outlet that reported a deal as the claim author', () => {
    expect(reviews[0].itemReviewed.author).toEqual({ '@type': 'Person', name: 'Elke Maiwald' });
    expect(reviews[0].itemReviewed.datePublished).toBe('2026-11-23');
    expect(reviews[3].itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Almentaler Kurier' });
    expect(reviews[3].itemReviewed.appearance?.map((a) => a.url)).toEqual([
      'https://rundschau.example/a/42',
      'https://kurier.example/sport/strivo',
    ]);
  });

  it('serializes to a JSON-LD array and to an empty array when nothing was rated', () => {
    expect(JSON.parse(exportClaimReview(sampleContext(), options))).toHaveLength(4);
    const unrated = sampleContext({
      claims: sampleClaims.map((c) => ({ ...c, status: 'unchecked' as const })),
    });
    expect(JSON.parse(exportClaimReview(unrated, options))).toEqual([]);
  });
});

describe('exportClaimReview embedded in a page', () => {
  const hostile = 'Rotheide zahlt 7 Mio. </script><script>alert(1)</script> <!-- & \u2028 \u2029';
  const ctx = sampleContext({
    claims: sampleClaims.map((c) => (c.id === 'c-amount' ? { ...c, text: hostile } : c)),
  });
  const out = exportClaimReview(ctx, options);

  it('writes no <, >, & or line separators, only their JSON escapes', () => {
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain('\\u003c/script\\u003e');
  });

  it('still parses to exactly the claim text', () => {
    const parsed = JSON.parse(out) as { claimReviewed: string }[];
    expect(parsed.map((r) => r.claimReviewed)).toContain(hostile);
    expect(parsed).toEqual(claimReviews(ctx, options));
  });

  it('stays one inert script element when pasted into an HTML page', () => {
    const page = `<script type="application/ld+json">${out}</script><p>after</p>`;
    // The element ends at the first "</script" whatever the case; only the last one may be it.
    expect(page.toLowerCase().indexOf('</script')).toBe(page.length - '</script><p>after</p>'.length);
  });
});
